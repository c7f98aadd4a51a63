/**
 * Resolving one answer conflict of a merge: keep mine, keep theirs, keep both, or an edited text.
 * The markers sit inside the answer, so resolving is setting that question's answer — the same
 * edit as typing, which leaves every other byte of the report as it is.
 */
import { setAnswer } from '../editReport';
import { parseReport } from '../parseReport';
import { serializeReport } from '../reportModel';
import type { AnswerConflict } from './mergeReports';

export type AnswerChoice = 'mine' | 'theirs' | 'both' | { readonly text: string };

export function chosenAnswer(conflict: AnswerConflict, choice: AnswerChoice): string {
  if (typeof choice === 'object') return choice.text;
  if (choice === 'mine') return conflict.mine ?? '';
  if (choice === 'theirs') return conflict.theirs ?? '';
  return [conflict.mine, conflict.theirs].filter((a): a is string => !!a && a.trim() !== '').join('\n\n');
}

/** `text` (a merge result) with the conflict of `conflict.question` resolved. Other conflicts stay. */
export function resolveAnswerConflict(text: string, conflict: AnswerConflict, choice: AnswerChoice): string {
  return serializeReport(setAnswer(parseReport(text), conflict.question, chosenAnswer(conflict, choice)));
}
