import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { aggregateDiagnostics as problemsOf } from '../../src/core/diagnostics';
import { verdictOf } from '../../src/renderer/model/verdict';
import { structureKey, sectionsOf } from '../../src/renderer/model/structure';
import { parseReport } from '../../src/core/parseReport';
import { filledTemplate, words } from './support/filledTemplate';

const filled = (overrides: Record<number, string> = {}) => {
  const answers: Record<number, string> = {};
  COURSE_PROFILE_31.questions.forEach((c, i) => {
    const n = i + 1;
    answers[n] = c.images ? `${words(c.words?.min || 1)} ![a](figures/a.png)` : words(c.words?.min || 1);
  });
  return filledTemplate({ answers: { ...answers, ...overrides } });
};

describe('the header verdict', () => {
  it('says passed N/31 like the checker', () => {
    const text = filled({ 4: words(10) });
    const { check } = analyzeReport(text, COURSE_PROFILE_31);
    expect(verdictOf(check, COURSE_PROFILE_31)).toMatchObject({ text: 'passed 30/31', tone: 'fail' });
    expect(verdictOf(analyzeReport(filled(), COURSE_PROFILE_31).check, COURSE_PROFILE_31).tone).toBe('pass');
  });

  it('puts the checker error in plain words', () => {
    const text = filledTemplate({ dropMarker: [5] });
    const verdict = verdictOf(analyzeReport(text, COURSE_PROFILE_31).check, COURSE_PROFILE_31);
    expect(verdict.tone).toBe('error');
    expect(verdict.text).toBe('Checker stops: 30 of 31 answers');
    expect(verdict.explanation).toBe('The checker stops: it finds 30 answers, not 31 (an "Answer:" line is missing).');
    expect(verdict.detail).toContain('ValueError');
  });
});

describe('the problems list', () => {
  it('lists failures and warnings in question order, each with its place', () => {
    const text = filled({ 4: words(10), 9: `${words(120)}\n### Sub heading\nmore words here` });
    const problems = problemsOf({ analysis: analyzeReport(text, COURSE_PROFILE_31), profile: COURSE_PROFILE_31 });
    expect(problems.map((p) => [p.severity, p.question])).toEqual([
      ['error', 4],
      ['warning', 9],
    ]);
    expect(problems[0].message).toBe('Question 4: 10 words, needs 100–200 words');
    expect(problems[1].line).toBeGreaterThan(0);
  });

  it('leads with the checker error, and still says which answers would fail', () => {
    const text = filledTemplate({ dropMarker: [5], answers: { 4: words(10) } });
    const problems = problemsOf({ analysis: analyzeReport(text, COURSE_PROFILE_31), profile: COURSE_PROFILE_31 });
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'checker-error', question: 5 });
    expect(problems.some((p) => p.severity === 'error' && p.code === 'words' && p.question === 4)).toBe(true);
  });
});

describe('the form structure', () => {
  it('groups questions by section and marks a duplicated heading read-only', () => {
    const text = filledTemplate().replace('### Question 9\n', '### Question 9\n\n### Question 8\n');
    const sections = sectionsOf(parseReport(text));
    const version = sections.find((s) => s.title === 'Version control')!;
    expect(version.cards.map((c) => [c.key, c.editable])).toContainEqual(['q8-2', false]);
    expect(structureKey(parseReport(text))).not.toBe(structureKey(parseReport(filledTemplate())));
  });
});
