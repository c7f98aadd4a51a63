/** The header's one-line summary of what `python report.py check` will say, in plain words. */
import type { CheckResult } from '../../core/checkReport';
import type { CheckerProfile } from '../../core/constraints';

export type VerdictTone = 'pass' | 'fail' | 'error';

export interface Verdict {
  /** Short, for the header: `passed 27/31`, `Checker stops: 30 of 31 answers`. */
  readonly text: string;
  /** The same in a full sentence, for the problems list. */
  readonly explanation: string;
  readonly tone: VerdictTone;
  /** The checker's own words (the Python exception), for a tooltip. */
  readonly detail: string | null;
}

export function verdictOf(check: CheckResult, profile: CheckerProfile): Verdict {
  if (check.error === null) {
    const passed = check.passed ?? 0;
    const text = `passed ${passed}/${profile.expectedAnswers}`;
    return {
      text,
      explanation: `The checker says ${text}.`,
      tone: passed === profile.expectedAnswers ? 'pass' : 'fail',
      detail: null,
    };
  }
  if (check.error.startsWith('IndexError')) {
    return {
      text: 'Checker stops: no "Answer:" lines',
      explanation: 'The checker stops: it finds no "Answer:" line at all.',
      tone: 'error',
      detail: check.error,
    };
  }
  if (check.error === profile.countError || check.error.includes('Number of answers')) {
    const direction =
      check.answers < profile.expectedAnswers ? 'an "Answer:" line is missing' : 'there is an extra "Answer:"';
    return {
      text: `Checker stops: ${check.answers} of ${profile.expectedAnswers} answers`,
      explanation: `The checker stops: it finds ${check.answers} answers, not ${profile.expectedAnswers} (${direction}).`,
      tone: 'error',
      detail: check.error,
    };
  }
  return {
    text: 'Checker stops with an error',
    explanation: `The checker stops: ${check.error}`,
    tone: 'error',
    detail: check.error,
  };
}

/**
 * While git's conflict markers are in the file the checker counts both versions and the markers:
 * its verdict says nothing about the report the group will hand in.
 */
export function conflictedVerdict(verdict: Verdict, conflicts: number): Verdict {
  if (conflicts === 0) return verdict;
  const what = conflicts === 1 ? '1 unresolved conflict' : `${conflicts} unresolved conflicts`;
  return {
    text: `Verdict not meaningful: ${what}`,
    explanation: `The checker's verdict (${verdict.text}) is not meaningful until the ${what} ${conflicts === 1 ? 'is' : 'are'} resolved: it counts both versions and git's marker lines.`,
    tone: 'error',
    detail: verdict.detail ?? verdict.text,
  };
}
