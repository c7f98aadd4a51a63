/** What arrives from the host while the app runs: the file changed on disk, menu commands, a second launch, quit. */
import { useEffect, useRef, type RefObject } from 'react';
import type { ApiEvents, ReportApi } from '../../api/contract';
import type { AppAction } from '../model/shortcuts';
import type { ReportSession } from '../state/reportSession';

export function useHostEvents(
  api: ReportApi,
  sessionRef: RefObject<ReportSession | null>,
  run: (action: AppAction) => void,
  openPath: (path: string) => Promise<void>,
  showNotice: (text: string) => void,
  /** Set here: the app calls it with each new session, which is then told of a change it missed. */
  claimRef: RefObject<((session: ReportSession) => void) | null>,
): void {
  // The host answers an open before the page has built its session: a change on disk in between
  // (a reloaded tab's last save landing) waits here for it, or the page would show the old text.
  const unclaimed = useRef<ApiEvents['reportChanged'] | null>(null);
  useEffect(() => {
    claimRef.current = (session) => {
      const missed = unclaimed.current;
      unclaimed.current = null;
      if (missed && missed.reportPath === session.report.reportPath) session.diskChanged(missed.text, missed.stamp);
    };
    const offs = [
      api.on('reportChanged', (change) => {
        const session = sessionRef.current;
        if (session && session.report.reportPath === change.reportPath) {
          unclaimed.current = null;
          session.diskChanged(change.text, change.stamp);
        } else unclaimed.current = change;
      }),
      api.on('reportRemoved', ({ reportPath }) => {
        const session = sessionRef.current;
        if (session && session.report.reportPath === reportPath) session.diskRemoved();
      }),
      api.on('menuCommand', ({ command }) => run(command)),
      // The app launched again with a path while open (`npm start -- other/repo`): open that,
      // saving this report first like any other open.
      api.on('openRequested', ({ path }) => void openPath(path)),
      api.on('beforeQuit', () => {
        const session = sessionRef.current;
        void (session ? session.saveBeforeLeaving() : Promise.resolve(true)).then((saved) => {
          if (saved) void api.invoke('readyToQuit', {});
          else
            showNotice(
              'Not quitting: your last changes are not saved yet. Resolve the problem shown, then quit again.',
            );
        });
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      claimRef.current = null;
    };
  }, [api, sessionRef, run, showNotice, openPath, claimRef]);
}
