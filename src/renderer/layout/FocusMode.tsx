/**
 * Focus mode: the form shows one question at a time with the side panels out of the way, and the
 * student moves on with the usual "next question" keys. Escape (when no dialog is open) leaves it.
 */
import { useEffect } from 'react';

export function useEscapeLeaves(on: boolean, leave: () => void): void {
  useEffect(() => {
    if (!on) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // A dialog takes its own Escape first.
      if (document.querySelector('dialog[open]')) return;
      leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on, leave]);
}

/** Hides every card but question `number`'s (the cards stay mounted: their editors keep undo and cursor). */
export function FocusStyle({ number }: { number: number }) {
  return (
    <style>{`.cards--focus .question-card:not(#question-${number}), .cards--focus .section-title, .cards--focus .checklist-card { display: none; }`}</style>
  );
}
