/** The header's verdict while git's conflict markers are in the file: not meaningful, and says why. */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { conflictedVerdict, verdictOf } from '../../src/renderer/model/verdict';
import { filledTemplate } from './support/filledTemplate';

describe('the verdict with unresolved conflicts', () => {
  const verdict = verdictOf(checkReport(filledTemplate(), COURSE_PROFILE_31), COURSE_PROFILE_31);

  it('is the checker verdict when there is none', () => {
    expect(conflictedVerdict(verdict, 0)).toBe(verdict);
  });

  it('is marked not meaningful, counting the conflicts, keeping the checker words for the tooltip', () => {
    expect(conflictedVerdict(verdict, 1)).toMatchObject({ text: 'Verdict not meaningful: 1 unresolved conflict', tone: 'error', detail: verdict.text });
    const two = conflictedVerdict(verdict, 2);
    expect(two.text).toBe('Verdict not meaningful: 2 unresolved conflicts');
    expect(two.explanation).toContain(`(${verdict.text}) is not meaningful until the 2 unresolved conflicts are resolved`);
  });
});
