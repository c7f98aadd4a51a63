/**
 * A repair never leaves the checker's verdict worse: a fix that alone would make the checker stop,
 * or make a passing question fail, is withheld and told, and the other fixes still go in.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { applyFixes, doctor, repair } from '../../src/core/doctor';
import { words } from '../support/reportBuilder';
import { filledTemplate, ofKind } from './doctorSupport';

const P31 = COURSE_PROFILE_31;

describe('the verdict guard of a repair', () => {
  it('withholds a heading fix that would push a passing answer over its maximum, and applies the rest', () => {
    // Question 6 allows 100-200 words: 190 counted before the heading, 32 more after it.
    const answer6 = `${words(190)}\n\n### Details\n\n${words(32, 'more')}`;
    const text = filledTemplate({ answers: { 6: answer6 } }).replace('- [ ]', '- [X]');
    const before = checkReport(text, P31).failures;
    expect(before.some((f) => f.question === 6)).toBe(false);
    const [heading] = ofKind(doctor(text, P31), 'heading-in-answer');
    expect(heading.question).toBe(6);

    const repaired = repair(text, P31, 'all');
    expect(repaired.withheld.map((w) => w.finding.id)).toEqual([heading.id]);
    expect(repaired.withheld[0].after.failures).toContainEqual(expect.objectContaining({ question: 6, got: 223 }));
    expect(repaired.text).toContain('### Details');
    // The checklist fix went in; the verdict is what it was.
    expect(repaired.text).not.toContain('- [X]');
    expect(checkReport(repaired.text, P31).failures).toEqual(before);
  });

  it('applies the same heading fix when the answer stays within its range', () => {
    const answer6 = `${words(150)}\n\n### Details\n\n${words(20, 'more')}`;
    const text = filledTemplate({ answers: { 6: answer6 } });
    const repaired = repair(text, P31, 'all');
    expect(repaired.withheld).toEqual([]);
    expect(repaired.text).toContain('**Details**');
  });

  it('withholds a restored "> Answer:" line that would make a grading checker stop (a question pasted twice)', () => {
    const clean = filledTemplate();
    const q5 = clean.slice(clean.indexOf('### Question 5\n'), clean.indexOf('### Question 6\n'));
    const twice = clean.replace(q5, q5 + q5);
    const q20 = twice.indexOf('### Question 20\n');
    const marker = twice.indexOf('> Answer:\n', q20);
    const text = twice.slice(0, marker) + twice.slice(marker + '> Answer:\n'.length);
    expect(checkReport(text, P31).error).toBeNull();
    expect(ofKind(doctor(text, P31), 'duplicate-question').map((f) => f.question)).toEqual([5]);

    const repaired = repair(text, P31, 'all');
    expect(repaired.text).toBe(text);
    expect(repaired.withheld.map((w) => w.finding.kind)).toEqual(['missing-answer-marker']);
    expect(repaired.withheld[0].after.error).toMatch(/Number of answers/);
  });

  it('lets a structural fix move verdicts when the checker stopped before it', () => {
    const clean = filledTemplate({ answers: { 12: words(300) } });
    const q12 = clean.indexOf('### Question 12\n');
    const marker = clean.indexOf('> Answer:\n', q12);
    const text = clean.slice(0, marker) + clean.slice(marker + '> Answer:\n'.length);
    expect(checkReport(text, P31).error).not.toBeNull();
    const fixed = applyFixes(text, P31, 'all');
    expect(fixed).toBe(clean);
    // Graded again: question 12 now fails (300 words, over 100), which the student must be told.
    expect(checkReport(fixed, P31).failures).toContainEqual(expect.objectContaining({ question: 12, got: 300 }));
  });
});
