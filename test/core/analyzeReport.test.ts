import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { COURSE_PROFILE_27, COURSE_PROFILE_31, courseProfile } from '../../src/core/constraints';
import { resolveProfile } from '../../src/core/templateVersion';
import { corpusAvailable, corpusFiles } from '../support/corpus';
import { buildReport, words } from '../support/reportBuilder';

const kinds = (text: string, q?: number) =>
  analyzeReport(text, COURSE_PROFILE_31)
    .warnings.filter((w) => q === undefined || w.question === q)
    .map((w) => w.kind);

describe('the per-question view', () => {
  it('reports a clean, complete report without warnings', () => {
    const answers = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(120)]));
    const a = analyzeReport(buildReport({ answers }), COURSE_PROFILE_31);
    expect(a.warnings).toEqual([]);
    expect(a.questions.find((q) => q.number === 4)).toMatchObject({ words: 120, graded: true, status: 'ok' });
    expect(a.questions.find((q) => q.number === 7)).toMatchObject({ status: 'too-long' });
    expect(a.questions.find((q) => q.number === 19)).toMatchObject({ status: 'images-missing' });
  });

  it('flags placeholders and marks the question empty', () => {
    const a = analyzeReport(buildReport(), COURSE_PROFILE_31);
    expect(a.questions[0]).toMatchObject({ status: 'empty' });
    expect(a.warnings.filter((w) => w.kind === 'placeholder')).toHaveLength(31);
  });

  it('finds an answer cut short by a heading, and says how many words are lost', () => {
    const text = buildReport({ answers: { 5: `${words(10)}\n\n#### Details\n\n${words(20, 'lost')}` } });
    const q5 = analyzeReport(text, COURSE_PROFILE_31).questions.find((q) => q.number === 5)!;
    expect(q5.words).toBe(10);
    expect(q5.writtenWords).toBe(32); // "####" and "Details" count too
    const cut = q5.warnings.find((w) => w.kind === 'cut-by-heading')!;
    expect(cut.message).toMatch(/22 words/);
    expect(text.split('\n')[cut.line! - 1]).toBe('#### Details');
    expect(cut.message).toContain('the heading "#### Details" inside the answer cuts it short');
  });

  it('quotes the line when the cut falls on a "##" in the middle of it', () => {
    const text = buildReport({ answers: { 6: `${words(40)}\n\n    x = 1  ## the learning rate\n\n${words(30)}` } });
    const cut = analyzeReport(text, COURSE_PROFILE_31).warnings.find((w) => w.kind === 'cut-by-heading' && w.question === 6)!;
    expect(cut.message).toContain('the "##" in "x = 1  ## the learning rate" inside the answer cuts it short');
  });

  it('finds a deleted Answer: line and the answers it shifts', () => {
    const text = buildReport({ dropMarker: [10], answers: { 10: 'ten', 11: 'eleven', 12: 'twelve' } });
    const a = analyzeReport(text, COURSE_PROFILE_31);
    expect(a.check.error).toMatch(/expected 31/);
    expect(kinds(text, 10)).toContain('missing-answer-marker');
    // Question 9's piece now runs into question 10's heading, so the rest moves up by one.
    expect(a.questions.find((q) => q.number === 11)!.warnings.map((w) => w.kind)).toContain('shifted');
    expect(a.questions.find((q) => q.number === 11)).toMatchObject({ graded: false, words: 1 });
  });

  it('finds an Answer: typed inside an answer', () => {
    const text = buildReport({ answers: { 6: 'First part. Answer: second part' } });
    expect(kinds(text, 6)).toContain('extra-answer-marker');
  });

  it('finds deleted question headings', () => {
    const text = buildReport({ dropHeading: [12] });
    expect(analyzeReport(text, COURSE_PROFILE_31).warnings.find((w) => w.kind === 'missing-question')?.question).toBe(12);
  });
});

describe.skipIf(!corpusAvailable)('the per-question view on real reports', () => {
  const files = corpusFiles();
  it('agrees with the official counts wherever the structure is intact', () => {
    for (const file of files.filter((f) => f.expected.error === null)) {
      const a = analyzeReport(file.text, courseProfile(file.expected.generation as 27 | 31));
      for (const q of a.questions) {
        if (q.warnings.some((w) => w.kind === 'shifted' || w.kind === 'duplicate-question')) continue;
        const expected = file.expected.per_answer[q.number - 1];
        expect([q.words, q.images], `${file.name} Q${q.number}`).toEqual([expected.words, expected.images]);
      }
    }
  });

  it('explains seed-001: answers lost to deleted Answer: lines', () => {
    const file = files.find((f) => f.name.startsWith('seed-001'))!;
    const a = analyzeReport(file.text, COURSE_PROFILE_31);
    expect(a.check.error).toBe(file.expected.error);
    expect(a.warnings.filter((w) => w.kind === 'missing-answer-marker').length).toBeGreaterThan(0);
  });

  it('explains seed-004: headings inside answers cut them short', () => {
    const file = files.find((f) => f.name.startsWith('seed-004'))!;
    const a = analyzeReport(file.text, COURSE_PROFILE_31);
    expect(a.warnings.some((w) => w.kind === 'cut-by-heading')).toBe(true);
  });

  it('resolves the course table and names the declared ranges that differ from it', () => {
    const blank2501 = files.find((f) => f.name === 'blank-2025-01-31q')!;
    const resolved = resolveProfile(blank2501.text);
    expect(resolved.template?.version).toBe('2025-01');
    expect(resolved.profile).toBe(COURSE_PROFILE_31);
    // The 2025-01 prompt says 100-200 words for Q3; the current checker enforces 0-200.
    expect(resolved.differences).toContainEqual({ question: 3, kind: 'words', declared: { min: 100, max: 200 }, enforced: { min: 0, max: 200 } });
    const blank2026 = files.find((f) => f.name === 'blank-2026-01-31q')!;
    expect(resolveProfile(blank2026.text).differences.filter((d) => d.kind === 'words')).toEqual([]);
    expect(resolveProfile(files.find((f) => f.name === 'blank-2023-09-27q')!.text).profile).toBe(COURSE_PROFILE_27);
  });
});
