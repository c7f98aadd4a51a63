/**
 * Which questions the student changed since the last commit: the git service answers HEAD's
 * answers (it never sees the text being edited), and the renderer compares them with its document
 * as it changes, typing included.
 *
 * Pure: no Node, DOM or Electron.
 */
import type { ReportDocument } from './reportModel';

/** Questions whose answer in `doc` is not the committed one (first occurrence of a number; one HEAD lacks counts as changed). */
export function changedSinceCommit(doc: ReportDocument, committed: ReadonlyMap<number, string>): number[] {
  const seen = new Set<number>();
  const changed: number[] = [];
  for (const q of doc.questions) {
    if (seen.has(q.number)) continue;
    seen.add(q.number);
    if (committed.get(q.number) !== q.answer) changed.push(q.number);
  }
  return changed;
}
