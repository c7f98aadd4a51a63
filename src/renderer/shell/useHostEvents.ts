/** What arrives from the host while the app runs: the file changed on disk, menu commands, a second launch, quit. */
import { useEffect, type RefObject } from 'react';
import type { ReportApi } from '../../api/contract';
import type { AppAction } from '../model/shortcuts';
import type { ReportSession } from '../state/reportSession';

export function useHostEvents(
  api: ReportApi,
  sessionRef: RefObject<ReportSession | null>,
  run: (action: AppAction) => void,
  openPath: (path: string) => Promise<void>,
  showNotice: (text: string) => void,
): void {
  useEffect(() => {
    const offs = [
      api.on('reportChanged', ({ reportPath, text, stamp }) => {
        const session = sessionRef.current;
        if (session && session.report.reportPath === reportPath) session.diskChanged(text, stamp);
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
    return () => offs.forEach((off) => off());
  }, [api, sessionRef, run, showNotice, openPath]);
}
