import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import {
  collectDiagnostics,
  conflictDiagnostics,
  doctorDiagnostics,
  editBetween,
  figureDiagnostics,
  groupDiagnostics,
  questionMarks,
  reportDiagnostics,
  type Diagnostic,
} from '../../src/core/diagnostics';
import type { FigureFinding } from '../../src/core/figures/figureFindings';
import { figureLinkFindings } from '../../src/core/figures/figureFindings';
import { applyEdits } from '../../src/core/textEdit';
import { buildReport, words } from '../support/reportBuilder';

const profile = COURSE_PROFILE_31;
const fullAnswers = () => Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(120)]));

describe('one diagnostic per problem', () => {
  it('lists a link without "!" to a missing file once, with the fixes of both checks', () => {
    const text = buildReport({ answers: { 5: `${words(120)}\n\n[shot](figures/shot.png)` } });
    const [noBang] = figureLinkFindings(text);
    expect(noBang.kind).toBe('image-without-bang');
    // What the figures service adds for the same link when the file is not on disk.
    const missing: FigureFinding = {
      ...noBang,
      kind: 'missing-file',
      severity: 'error',
      message: 'Question 5 links figures/shot.png, which does not exist.',
      fixes: [{ kind: 'copy-into-figures', label: 'Copy a file into figures/…', source: '', question: 5 }],
    };
    const all = collectDiagnostics(figureDiagnostics([noBang, missing]));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ severity: 'error', code: 'missing-file', question: 5 });
    expect(all[0].fixes.map((f) => f.label)).toEqual([
      'Copy a file into figures/…',
      ...noBang.fixes.map((f) => f.label),
    ]);
    expect(all[0].fixes[0].action).toMatchObject({ kind: 'copy-into-figures', question: 5 });
    expect(all[0].fixes[1].edits).toBeDefined();
  });

  it('lists a "##" that cuts an answer once, though the split and the doctor both see it', () => {
    const text = buildReport({
      answers: { ...fullAnswers(), 5: `${words(120)}\n\n## Details\n\n${words(20, 'lost')}` },
    });
    const all = reportDiagnostics(text, profile);
    const q5 = all.filter((d) => d.question === 5);
    expect(q5).toHaveLength(1);
    expect(q5[0].source).toBe('split');
    expect(q5[0].message).toMatch(/cuts it short: the 22 words after it/);
    expect(q5[0].fixes).toHaveLength(1); // the doctor's, kept
    const fixed = applyEdits(text, q5[0].fixes[0].edits!);
    expect(analyzeReport(text, profile).questions[4].words).toBe(120);
    expect(analyzeReport(fixed, profile).questions[4].words).toBe(120 + 1 + 20); // "Details" and the lost words count again
  });

  it('keeps apart two problems of one kind at two places', () => {
    const a: Diagnostic = {
      source: 'doctor',
      code: 'todo',
      severity: 'warning',
      question: 3,
      line: 10,
      range: null,
      message: 'TODO',
      fixes: [],
    };
    expect(collectDiagnostics([a, { ...a, line: 12 }])).toHaveLength(2);
    expect(collectDiagnostics([a], [{ ...a }])).toHaveLength(1);
  });

  it('aggregates a pathological number of findings in linear time', () => {
    const many: Diagnostic[] = Array.from({ length: 200_000 }, (_, i) => ({
      source: 'figures',
      code: 'image-without-bang',
      severity: 'warning',
      question: 5,
      line: i + 1,
      range: { start: i * 20, end: i * 20 + 15 },
      message: `link ${i}`,
      fixes: [],
    }));
    const started = performance.now();
    expect(collectDiagnostics(many, many)).toHaveLength(200_000); // each link once, though listed twice
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('orders by question, errors first, and groups alike items with one count', () => {
    const d = (question: number | null, severity: Diagnostic['severity'], code: string): Diagnostic => ({
      source: 'doctor',
      code,
      severity,
      question,
      line: question,
      range: null,
      message: `${code} ${question}`,
      fixes: [],
    });
    const all = collectDiagnostics([
      d(7, 'info', 'x'),
      d(3, 'warning', 'y'),
      d(7, 'error', 'z'),
      d(null, 'error', 'w'),
      d(9, 'warning', 'y'),
    ]);
    expect(all.map((x) => x.message)).toEqual(['w null', 'y 3', 'z 7', 'x 7', 'y 9']);
    const groups = groupDiagnostics(all);
    expect(groups.map((g) => [g.code, g.items.length])).toEqual([
      ['w', 1],
      ['z', 1],
      ['y', 2],
      ['x', 1],
    ]);
  });
});

describe('question marks', () => {
  it('takes ✓ away from a question that only a figure check warns about', () => {
    const text = buildReport({ answers: { ...fullAnswers(), 5: `${words(120)}\n\n<img src="figures/a.png">` } });
    const analysis = analyzeReport(text, profile);
    expect(analysis.questions[4].status).toBe('ok'); // the checker alone sees nothing wrong
    const marks = questionMarks(analysis.questions, reportDiagnostics(text, profile, { analysis }));
    expect(marks.get(5)).toBe('warning');
    expect(marks.get(4)).toBe('ok');
  });

  it('keeps ✓ for notes (the graded page differs) and keeps count-based marks', () => {
    const text = buildReport({ answers: { ...fullAnswers(), 5: `${words(120)} https://example.com`, 6: words(3) } });
    const analysis = analyzeReport(text, profile);
    const all = reportDiagnostics(text, profile, { analysis });
    expect(all.some((d) => d.question === 5 && d.source === 'graded-page' && d.severity === 'info')).toBe(true);
    const marks = questionMarks(analysis.questions, all);
    expect(marks.get(5)).toBe('ok');
    expect(marks.get(6)).toBe('too-short');
  });
});

describe('fixes say what they do to the verdict', () => {
  it('says when a doctor fix pushes an answer over its range', () => {
    const text = buildReport({
      answers: { ...fullAnswers(), 12: `${words(80)}\n\n## Details\n\n${words(85, 'more')}` },
    });
    expect(checkReport(text, profile).failures.filter((f) => f.question === 12)).toEqual([]);
    const heading = doctorDiagnostics(text, profile).find((d) => d.question === 12 && d.code === 'heading-in-answer')!;
    const fix = heading.fixes[0];
    const after = checkReport(applyEdits(text, fix.edits!), profile).perAnswer[11].words;
    expect(after).toBeGreaterThan(100);
    expect(fix.effect).toBe(`after this, question 12 counts ${after} words: over 100`);
  });

  it('says nothing when the verdict stays', () => {
    const text = buildReport({
      answers: { ...fullAnswers(), 5: `${words(120)}\n\n## Details\n\n${words(20, 'more')}` },
    });
    const heading = doctorDiagnostics(text, profile).find((d) => d.question === 5)!;
    expect(heading.fixes[0].effect).toBeUndefined();
  });
});

describe('merge conflicts', () => {
  it('offers each resolution as an edit of the region alone', () => {
    const answer = `${words(110)}\n<<<<<<< HEAD\nmine here\n=======\ntheirs here\n>>>>>>> origin/main\n`;
    const text = buildReport({ answers: { ...fullAnswers(), 8: answer } });
    const [conflict] = conflictDiagnostics(text);
    expect(conflict).toMatchObject({ source: 'merge', severity: 'error', question: 8 });
    expect(conflict.fixes.map((f) => f.label)).toEqual(['Keep HEAD', 'Keep origin/main', 'Keep both']);
    const kept = applyEdits(text, conflict.fixes[1].edits!);
    expect(kept).toBe(
      text.replace('<<<<<<< HEAD\nmine here\n=======\ntheirs here\n>>>>>>> origin/main\n', 'theirs here\n'),
    );
  });
});

describe('editBetween', () => {
  it('replaces only the differing middle, never half a CRLF', () => {
    expect(editBetween('a\r\nb', 'a\r\nb')).toBeNull();
    const e = editBetween('one\r\ntwo\r\n', 'one\r\n\r\ntwo\r\n')!;
    expect(applyEdits('one\r\ntwo\r\n', [e])).toBe('one\r\n\r\ntwo\r\n');
    expect(e.expect.startsWith('\n')).toBe(false);
    expect(editBetween('abc', 'aXc')).toEqual({ start: 1, end: 2, expect: 'b', text: 'X' });
  });
});
