/**
 * A repair never leaves the checker's verdict worse than the student had it. Each round of fixes is
 * checked against the verdict of the text the repair started from; when the round would make it
 * worse, the fixes that do so alone are withheld (and told), and the rest go in. "Worse" is what a
 * student would call it: the checker stops where it used to grade, or a question that passed fails.
 * A fix of the structure the checker finds answers by (a `breaks-checker` finding) may still turn a
 * question from pass to fail: before it, that answer was graded as another question's.
 */
import { checkReport, type CheckResult } from '../checkReport';
import type { CheckerProfile } from '../constraints';
import type { Finding } from './types';

/**
 * Reports above this size are not real reports (a real one is ~60 kB): guarding them would re-run
 * the checker on megabytes per fix, so their repairs go in unguarded, as before.
 */
export const GUARDED_MAX_CHARS = 1_000_000;

/** Fixes evaluated one by one in a round at most; past it a worsening round is withheld whole. */
const MAX_SOLO_CHECKS = 60;

export function makesWorse(before: CheckResult, after: CheckResult, structural: boolean): boolean {
  if (before.error === null && after.error !== null) return true;
  if (structural || before.error !== null || after.error !== null) return false;
  const failedBefore = new Set(before.failures.map((f) => f.question));
  return after.failures.some((f) => !failedBefore.has(f.question));
}

/** A fix the repair did not apply, and the verdict the text would have had with it alone. */
export interface WithheldFix {
  readonly finding: Finding;
  readonly after: CheckResult;
}

export interface GuardCandidate<E> {
  readonly finding: Finding;
  readonly edits: E;
}

/**
 * The candidates of one round that may go in together, and those withheld. `before` is the verdict
 * on the round's text; `apply` makes that text with a set of candidates' edits; `structural` says
 * whether a finding fixes how the checker finds answers. Candidates come in file order. Rounds
 * chain: a round no worse than its text leaves the whole repair no worse than where it started.
 */
export function guardRound<E>(
  before: CheckResult,
  profile: CheckerProfile,
  candidates: readonly GuardCandidate<E>[],
  apply: (edits: readonly E[]) => string,
  structural: (finding: Finding) => boolean,
): { readonly accepted: GuardCandidate<E>[]; readonly withheld: WithheldFix[]; readonly text: string } {
  const all = apply(candidates.map((c) => c.edits));
  const allCheck = checkReport(all, profile);
  // Strictly no worse (no structural leniency): everything goes in, as it always did.
  if (!makesWorse(before, allCheck, false)) return { accepted: [...candidates], withheld: [], text: all };
  const accepted: GuardCandidate<E>[] = [];
  const withheld: WithheldFix[] = [];
  let text = apply([]);
  let current = before;
  if (candidates.length > MAX_SOLO_CHECKS) {
    // Too many to weigh one by one: the structural fixes together, if they make nothing worse.
    const structuralOnes = candidates.filter((c) => structural(c.finding));
    const trialText = apply(structuralOnes.map((c) => c.edits));
    const ok = structuralOnes.length > 0 && !makesWorse(before, checkReport(trialText, profile), true);
    for (const c of candidates) {
      if (ok && structural(c.finding)) accepted.push(c);
      else withheld.push({ finding: c.finding, after: allCheck });
    }
    return { accepted, withheld, text: ok ? trialText : text };
  }
  // One by one, in file order: each goes in when it makes the text it is added to no worse.
  for (const candidate of candidates) {
    const trial = [...accepted, candidate];
    const trialText = apply(trial.map((c) => c.edits));
    const trialCheck = checkReport(trialText, profile);
    if (makesWorse(current, trialCheck, structural(candidate.finding))) {
      const alone = accepted.length === 0 ? trialCheck : checkReport(apply([candidate.edits]), profile);
      withheld.push({ finding: candidate.finding, after: alone });
    } else {
      accepted.push(candidate);
      text = trialText;
      current = trialCheck;
    }
  }
  return { accepted, withheld, text };
}
