/** Moving between questions: to a number (and a line of its answer), or to the next/previous one. */
import { useCallback, type RefObject } from 'react';
import { findQuestion } from '../../core/reportModel';
import type { EditorManager } from '../editor/editorManager';
import type { ReportSession } from '../state/reportSession';

export function useQuestionNavigation(
  session: ReportSession,
  manager: EditorManager,
  scrollRef: RefObject<HTMLElement | null>,
  setCurrent: (number: number) => void,
) {
  const goTo = useCallback(
    (number: number, fileLine: number | null = null) => {
      const question = findQuestion(session.state.doc, number);
      if (!question) return;
      // File line → line of the answer editor (its first line is the answer's first line).
      const editorLine = fileLine === null ? null : Math.max(1, fileLine - question.answerLine + 1);
      if (editorLine === null) document.getElementById(`question-${number}`)?.scrollIntoView({ block: 'start' });
      if (manager.focus(number, editorLine)) setCurrent(number);
    },
    [manager, session, setCurrent],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const numbers = [...new Set(session.state.doc.questions.map((q) => q.number))];
      if (numbers.length === 0) return;
      const last = manager.lastFocused;
      let from = last !== null ? numbers.indexOf(last) : -1;
      if (from === -1) {
        // Nothing focused yet: start from the first card at the top of the view.
        const root = scrollRef.current?.getBoundingClientRect();
        const top = numbers.findIndex((n) => {
          const rect = document.getElementById(`question-${n}`)?.getBoundingClientRect();
          return !!rect && !!root && rect.bottom > root.top + 8;
        });
        from = top === -1 ? (delta === 1 ? -1 : numbers.length) : delta === 1 ? top - 1 : top + 1;
      }
      const next = numbers[Math.min(numbers.length - 1, Math.max(0, from + delta))];
      goTo(next);
    },
    [goTo, manager, session, scrollRef],
  );

  return { goTo, step };
}
