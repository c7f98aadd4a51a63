/**
 * What a repair does to the checker's verdict, question by question, for the diff preview: every
 * count that changes ("Question 15: 30 → 358 words, over 200"), not only the ones that cross a
 * limit, so "Repair all" says first what the student will be graded on.
 */
import type { CheckResult } from '../../core/checkReport';
import { type CheckerProfile, countOf, type Range } from '../../core/constraints';

function judge(got: number, range: Range | undefined): string {
  if (!range) return '';
  if (got > range.max) return `, over ${range.max}`;
  if (got < range.min) return `, under ${range.min}`;
  return ', within the range';
}

export function verdictChanges(before: CheckResult, after: CheckResult, profile: CheckerProfile): string[] {
  if (before.error === null && after.error !== null) {
    return [
      `The checker would stop (it finds ${after.answers} answers, not ${profile.expectedAnswers}) and grade nothing.`,
    ];
  }
  const lines: string[] = [];
  if (before.error !== null && after.error === null) {
    lines.push(
      `The checker finds all ${after.answers} answers and grades them: passed ${after.passed}/${after.answers}.`,
    );
  }
  if (after.error !== null) return lines;
  for (const answer of after.perAnswer) {
    const was = before.error === null ? before.perAnswer[answer.index - 1] : undefined;
    const constraint = profile.questions[answer.index - 1] ?? {};
    for (const kind of ['words', 'images'] as const) {
      if (was && was[kind] === answer[kind]) continue;
      // Graded for the first time: only what fails needs saying (the line above gives the total).
      if (!was && !(constraint[kind] && (answer[kind] < constraint[kind].min || answer[kind] > constraint[kind].max)))
        continue;
      lines.push(
        `Question ${answer.index}: ${was ? `${was[kind]} → ` : ''}${countOf(answer[kind], kind.slice(0, -1))}${judge(answer[kind], constraint[kind])}.`,
      );
    }
  }
  return lines;
}
