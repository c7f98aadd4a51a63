import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { foldRepeatedWarnings, MAX_REPEATS_APART, type FoldableWarning } from '../../src/core/repeatedWarnings';
import { buildReport, words } from '../support/reportBuilder';

const warning = (line: number, question = 1, message = 'Question 1 appears twice; the checker counts both.') =>
  ({ kind: 'duplicate-question', question, line, message }) satisfies FoldableWarning;

describe('identical warnings folded into one', () => {
  it('folds 30 000 identical warnings in one question into one, with the count and the first lines', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => warning(100 + 2 * i));
    const folded = foldRepeatedWarnings(many);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ kind: 'duplicate-question', question: 1, line: 100 });
    expect(folded[0].message).toBe(
      'Question 1 appears twice; the checker counts both. (30000 times: lines 100, 102, 104 and 29997 more)',
    );
  });

  it(`keeps up to ${MAX_REPEATS_APART} identical warnings apart, and warnings that differ, in order`, () => {
    const few = [warning(10), warning(20), warning(5, 2, 'other'), warning(30)];
    expect(foldRepeatedWarnings(few)).toEqual(few);
  });

  it('folds each question on its own and keeps the others where they were', () => {
    const mixed = [
      warning(1, 7, 'placeholder'),
      ...Array.from({ length: 5 }, (_, i) => warning(10 + i)),
      warning(2, 8, 'unique'),
      ...Array.from({ length: 4 }, (_, i) => warning(20 + i, 2, 'Question 2 appears twice; the checker counts both.')),
    ];
    const folded = foldRepeatedWarnings(mixed);
    expect(folded.map((w) => [w.question, w.line])).toEqual([
      [7, 1],
      [1, 10],
      [8, 2],
      [2, 20],
    ]);
    expect(folded[1].message).toMatch(/\(5 times: lines 10, 11, 12 and 2 more\)$/);
    expect(folded[3].message).toMatch(/\(4 times: lines 20, 21, 22 and 1 more\)$/);
  });

  it("folds a report's thousands of pasted question headings into a handful of warnings", () => {
    const pasted = Array.from({ length: 3_000 }, (_, i) => `### Question ${(i % 3) + 1}\n`).join('\n');
    const text = buildReport({ answers: { 14: `${words(50)}\n\n${pasted}` } });
    const analysis = analyzeReport(text, COURSE_PROFILE_31);
    const q1 = analysis.warnings.filter((w) => w.question === 1);
    // One placeholder, and one warning per kind of mistake instead of 1 000 each.
    expect(q1.map((w) => w.kind).sort()).toEqual(['duplicate-question', 'missing-answer-marker', 'placeholder']);
    expect(q1.find((w) => w.kind === 'duplicate-question')!.message).toMatch(/\(1000 times: lines \d+, \d+, \d+ and 997 more\)$/);
    // Each question's own view still lists its own warnings.
    expect(analysis.questions.filter((q) => q.number === 1 && q.warnings.some((w) => w.kind === 'duplicate-question'))).toHaveLength(1000);
  });
});
