/** The header's one-line summary of what `python report.py check` will say, in plain words. */
import type { CheckResult } from '../../core/checkReport';
import type { CheckerProfile } from '../../core/constraints';

export type VerdictTone = 'pass' | 'fail' | 'error';

export interface Verdict {
  readonly text: string;
  readonly tone: VerdictTone;
  /** The checker's own words (the Python exception), for a tooltip. */
  readonly detail: string | null;
}

export function verdictOf(check: CheckResult, profile: CheckerProfile): Verdict {
  if (check.error === null) {
    const passed = check.passed ?? 0;
    return {
      text: `passed ${passed}/${profile.expectedAnswers}`,
      tone: passed === profile.expectedAnswers ? 'pass' : 'fail',
      detail: null,
    };
  }
  if (check.error.startsWith('IndexError')) {
    return {
      text: 'The checker stops: it finds no "Answer:" line at all',
      tone: 'error',
      detail: check.error,
    };
  }
  if (check.error === profile.countError || check.error.includes('Number of answers')) {
    const direction =
      check.answers < profile.expectedAnswers ? 'an "Answer:" line is missing' : 'there is an extra "Answer:"';
    return {
      text: `The checker stops: it finds ${check.answers} answers, not ${profile.expectedAnswers} (${direction})`,
      tone: 'error',
      detail: check.error,
    };
  }
  return { text: `The checker stops: ${check.error}`, tone: 'error', detail: check.error };
}
