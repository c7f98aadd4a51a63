/**
 * In the browser host nothing asks before the tab closes: save, and let the browser ask. A browser
 * cannot refuse to close, so what is not saved yet is also kept in the page's storage and brought
 * back when the report is opened again (state/keptVersion.ts).
 */
import { useEffect, type RefObject } from 'react';
import type { InitialState } from '../../api/contract';
import type { ReportSession } from '../state/reportSession';

export function useSaveOnLeave(host: InitialState['host'] | null, sessionRef: RefObject<ReportSession | null>): void {
  useEffect(() => {
    if (host !== 'browser') return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const session = sessionRef.current;
      if (!session?.dirty) return;
      session.keepUnsaved();
      void session.save();
      event.preventDefault();
    };
    const onHidden = () => {
      const session = sessionRef.current;
      if (document.visibilityState !== 'hidden' || !session?.dirty) return;
      session.keepUnsaved();
      void session.save();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [host, sessionRef]);
}
