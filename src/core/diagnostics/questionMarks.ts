/**
 * The navigator's mark for each question, from the question's counts and the diagnostics: a
 * question shows ✓ only when no warning or error points at it, whichever analysis found it.
 */
import type { QuestionStatus, QuestionView } from '../analyzeReport';
import { isBlocking, type Diagnostic } from './diagnostic';

export function questionMarks(
  questions: readonly Pick<QuestionView, 'number' | 'status'>[],
  diagnostics: readonly Diagnostic[],
): Map<number, QuestionStatus> {
  const warned = new Set<number>();
  for (const d of diagnostics) if (d.question !== null && isBlocking(d)) warned.add(d.question);
  const marks = new Map<number, QuestionStatus>();
  for (const q of questions) {
    if (marks.has(q.number)) continue; // a duplicated heading: the first one's mark, as the navigator shows
    const counted = q.status === 'ok' || q.status === 'warning';
    marks.set(q.number, counted ? (warned.has(q.number) ? 'warning' : 'ok') : q.status);
  }
  return marks;
}
