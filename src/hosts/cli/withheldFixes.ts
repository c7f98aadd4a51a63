/**
 * What `doctor --fix` tells the student about the fixes it did not apply because each would have
 * made the checker's verdict worse (src/core/doctor/verdictGuard.ts): which, and what it would have
 * done, in the words the dry run uses ("after this, question 6 counts 222 words: over 200").
 */
import { checkReport, type CheckResult } from '../../core/checkReport';
import type { CheckerProfile } from '../../core/constraints';
import { verdictEffect } from '../../core/diagnostics';
import type { WithheldFix } from '../../core/doctor';

function effectOf(before: CheckResult, fix: WithheldFix, profile: CheckerProfile): string {
  return verdictEffect(before, fix.after, profile) ?? 'after this, the checker grades this answer worse';
}

/** The withheld fixes with their effects, for `--json` (`notApplied`). */
export function withheldJson(original: string, withheld: readonly WithheldFix[], profile: CheckerProfile) {
  if (withheld.length === 0) return [];
  const before = checkReport(original, profile);
  return withheld.map((w) => ({ ...w.finding, effect: effectOf(before, w, profile) }));
}

/** Lines for the human output: a heading and one line per withheld fix. */
export function withheldNotes(
  original: string,
  withheld: readonly WithheldFix[],
  profile: CheckerProfile,
  where: (finding: WithheldFix['finding']) => string,
): string[] {
  if (withheld.length === 0) return [];
  const before = checkReport(original, profile);
  return [
    `Not applied (${withheld.length}): each would make the course's checker's verdict worse; change these by hand if you mean to:`,
    ...withheld.map(
      (w) => `  ✗ ${where(w.finding)} ${w.finding.fix?.label ?? w.finding.kind}: ${effectOf(before, w, profile)}`,
    ),
    '',
  ];
}
