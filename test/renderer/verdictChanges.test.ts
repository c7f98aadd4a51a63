/**
 * "Repair all" says first what the checker will count after it: every count that changes, also one
 * that goes from too few words to too many (seed-004's question 15: 30 → 358, over 200).
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { repair } from '../../src/core/doctor';
import { verdictChanges } from '../../src/renderer/repair/verdictChanges';
import { filledTemplate, words } from './support/filledTemplate';

const P31 = COURSE_PROFILE_31;

describe('the verdict a repair leads to, in the diff preview', () => {
  it('names each question whose count changes, with its range', () => {
    const text = filledTemplate({ answers: { 15: `${words(30)}\n\n### Training\n\n${words(327, 'more')}` } });
    const repaired = repair(text, P31, 'all');
    expect(repaired.withheld).toEqual([]);
    const lines = verdictChanges(checkReport(text, P31), checkReport(repaired.text, P31), P31);
    expect(lines).toEqual(['Question 15: 30 → 358 words, over 200.']);
  });

  it('says when the checker would stop, and when it grades again', () => {
    const text = filledTemplate();
    const stopped = filledTemplate({ dropMarker: [4] });
    const ok = checkReport(text, P31);
    const stops = checkReport(stopped, P31);
    expect(verdictChanges(ok, stops, P31)).toEqual([
      'The checker would stop (it finds 30 answers, not 31) and grade nothing.',
    ]);
    const graded = verdictChanges(stops, ok, P31);
    expect(graded[0]).toMatch(/^The checker finds all 31 answers and grades them: passed \d+\/31\.$/);
    // Then only the questions that fail, each once.
    expect(graded.length - 1).toBe(ok.failures.length);
    expect(graded.slice(1).every((line) => /^Question \d+: \d+ (words|images), (over|under) \d+\.$/.test(line))).toBe(
      true,
    );
  });
});
