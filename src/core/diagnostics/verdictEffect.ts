/**
 * What a fix does to the checker's verdict, in the words the student needs before accepting it:
 * "after this, question 12 counts 166 words: over 100". Silent when the verdict does not change.
 */
import type { CheckResult } from '../checkReport';
import { type CheckerProfile, countOf, type Range } from '../constraints';


function judge(got: number, range: Range): string {
  if (got > range.max) return `over ${range.max}`;
  if (got < range.min) return `under ${range.min}`;
  return range.min === range.max ? `exactly ${range.min}` : `within ${range.min}–${range.max}`;
}

function failing(check: CheckResult, question: number, kind: 'words' | 'images'): boolean {
  return check.failures.some((f) => f.question === question && f.kind === kind);
}

export function verdictEffect(before: CheckResult, after: CheckResult, profile: CheckerProfile): string | undefined {
  if (before.error !== null && after.error === null) {
    return `after this, the checker finds all ${after.answers} answers and grades them: passed ${after.passed}/${after.answers}`;
  }
  if (before.error === null && after.error !== null) {
    return `after this, the checker stops (it finds ${countOf(after.answers, 'answer')}, not ${profile.expectedAnswers}) and grades nothing`;
  }
  if (before.error !== null) {
    return after.answers !== before.answers
      ? `after this, the checker still stops, finding ${countOf(after.answers, 'answer')} instead of ${before.answers}`
      : undefined;
  }
  const changes: string[] = [];
  for (const answer of after.perAnswer) {
    const q = answer.index;
    const constraint = profile.questions[q - 1] ?? {};
    const was = before.perAnswer[q - 1];
    for (const kind of ['words', 'images'] as const) {
      const range = constraint[kind];
      if (!range || !was) continue;
      const got = answer[kind];
      if (got === was[kind] || failing(before, q, kind) === failing(after, q, kind)) continue;
      changes.push(`question ${q} counts ${countOf(got, kind === 'words' ? 'word' : 'image')}: ${judge(got, range)}`);
    }
  }
  return changes.length > 0 ? `after this, ${changes.join('; ')}` : undefined;
}
