/**
 * The global undo: changes no single answer's history holds (a repair or fix touching several
 * answers) are undone with Ctrl/⌘+Z pressed outside an answer editor, or with the top bar's Undo
 * button, which shows only while there is such a change. Undone, the report is saved like typing.
 */
import { useEffect } from 'react';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../document/store';

/** Ctrl/⌘+Z outside an editor or text field: the answer editors keep their own undo. */
export function useGlobalUndoKey(session: ReportSession, platform: string): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = platform === 'darwin' ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z' || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.cm-editor, input, textarea, select, [contenteditable="true"], [role="textbox"]')) return;
      if (session.undo.store.getState().next === null) return;
      event.preventDefault();
      undoAndSave(session);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, platform]);
}

function undoAndSave(session: ReportSession): void {
  if (session.undoGlobal()) void session.save();
}

export function GlobalUndoButton({ session }: { session: ReportSession }) {
  const next = useStore(session.undo.store, (s) => s.next);
  if (next === null) return null;
  return (
    <button type="button" onClick={() => undoAndSave(session)} data-testid="global-undo" title={next}>
      Undo
    </button>
  );
}
