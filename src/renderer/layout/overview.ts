/**
 * The report at a glance: words written, questions still failing and images still missing — read
 * from the same question views and marks the navigator shows, so the numbers never disagree.
 */
import type { QuestionStatus, QuestionView } from '../../core/analyzeReport';

export interface Overview {
  readonly words: number;
  /** Questions whose mark is a failure of the checker's (not answered, too short/long, images). */
  readonly questionsLeft: readonly number[];
  /** Images the checker still wants, summed over the questions that ask for them. */
  readonly imagesMissing: number;
}

const DONE: ReadonlySet<QuestionStatus> = new Set<QuestionStatus>(['ok', 'warning']);

export function overviewOf(questions: readonly QuestionView[], marks: ReadonlyMap<number, QuestionStatus>): Overview {
  let words = 0;
  let imagesMissing = 0;
  const left: number[] = [];
  const seen = new Set<number>();
  for (const q of questions) {
    // A duplicated heading is one question to the student (its copy is read-only).
    if (seen.has(q.number)) continue;
    seen.add(q.number);
    words += q.words;
    imagesMissing += Math.max(0, (q.constraint.images?.min ?? 0) - q.images);
    if (!DONE.has(marks.get(q.number) ?? q.status)) left.push(q.number);
  }
  return { words, questionsLeft: left, imagesMissing };
}

/**
 * A count with a comma between thousands ("12,345"), as `toLocaleString('en')` writes it. By hand
 * because the first `toLocaleString` call of a page loads the browser's locale data: 15–35 ms of
 * the open, on the form's first render, for one comma.
 */
export function groupThousands(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}
