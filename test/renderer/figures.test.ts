import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { applyEdits } from '../../src/core/textEdit';
import { figureLinkFindings } from '../../src/core/figures/figureFindings';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { batchBySize, MAX_BATCH_BYTES } from '../../src/renderer/model/figureFiles';
import { importMessage } from '../../src/renderer/figures/figureController';
import { answerEdits, insertLinksAt, isLinked, questionLinks, stemOf } from '../../src/renderer/figures/figureText';
import { aggregateDiagnostics as problemsOf } from '../../src/core/diagnostics';
import { filledTemplate, words } from './support/filledTemplate';

const png = (name: string) => `![${name}](figures/${name}.png)`;

describe('inserting figure links', () => {
  const apply = (text: string, r: ReturnType<typeof insertLinksAt>) => text.slice(0, r.from) + r.insert + text.slice(r.to);

  it('puts each link in a paragraph of its own at the cursor, as one replacement', () => {
    const text = 'First line.\nSecond line.';
    const at = 'First line.'.length;
    const result = insertLinksAt(text, at, [png('a'), png('b')]);
    expect(result.text).toBe(`First line.\n\n${png('a')}\n\n${png('b')}\n\nSecond line.`);
    expect(apply(text, result)).toBe(result.text);
    expect(result.text.slice(0, result.cursor)).toBe(`First line.\n\n${png('a')}\n\n${png('b')}`);
  });

  it('fills an empty answer with the links alone', () => {
    expect(insertLinksAt('', 0, [png('a')]).text).toBe(png('a'));
  });

  it('at the end of an answer, leaves one blank line before the link and nothing after', () => {
    expect(insertLinksAt('Our bucket.', 11, [png('a')]).text).toBe(`Our bucket.\n\n${png('a')}`);
    expect(insertLinksAt('Our bucket.\n', 12, [png('a')]).text).toBe(`Our bucket.\n\n${png('a')}`);
    expect(insertLinksAt('Our bucket.\n\n', 13, [png('a')]).text).toBe(`Our bucket.\n\n${png('a')}`);
  });

  it('reuses the blank lines already around the cursor instead of adding more', () => {
    const text = 'One.\n\nTwo.';
    const result = insertLinksAt(text, 'One.\n'.length, [png('a')]);
    expect(result.text).toBe(`One.\n\n${png('a')}\n\nTwo.`);
    expect(apply(text, result)).toBe(result.text);
  });

  it('splits a paragraph when the cursor is inside a line, dropping the space at the split', () => {
    const text = 'Our bucket holds data.';
    const result = insertLinksAt(text, 10, [png('a')]);
    expect(result.text).toBe(`Our bucket\n\n${png('a')}\n\nholds data.`);
    expect(apply(text, result)).toBe(result.text);
    expect(insertLinksAt('Our bucket holds data.', 11, [png('a')]).text).toBe(
      `Our bucket\n\n${png('a')}\n\nholds data.`,
    );
  });

  it('keeps the indentation of the next line when the cursor is at the start of a line', () => {
    const text = 'Run:\n    make train';
    expect(insertLinksAt(text, 'Run:\n'.length, [png('a')]).text).toBe(`Run:\n\n${png('a')}\n\n    make train`);
  });

  it("keeps the answer's CRLF line endings", () => {
    expect(insertLinksAt('One.\r\nTwo.', 4, [png('a')]).text).toBe(`One.\r\n\r\n${png('a')}\r\n\r\nTwo.`);
  });
});

describe('which answers a whole-report change touches', () => {
  const text = filledTemplate({ answers: { 4: words(120), 19: `[x](figures/a.png)\nMore text.` } });

  it('gives the new editor text of each changed answer', () => {
    const link = parseReport(text).questions.find((q) => q.number === 19)!;
    expect(link.answer).toContain('[x](figures/a.png)');
    const [finding] = figureLinkFindings(text).filter((f) => f.kind === 'image-without-bang');
    const fix = finding.fixes[0];
    if (fix.kind !== 'edit') throw new Error('expected an edit fix');
    const edits = answerEdits(text, applyEdits(text, fix.edits));
    expect(edits).toEqual(new Map([[19, '![x](figures/a.png)\nMore text.']]));
  });

  it('is empty for the same text, and null when text outside the answers changed', () => {
    expect(answerEdits(text, text)).toEqual(new Map());
    expect(answerEdits(text, text.replace('### Question 19', '### Question 19 (bucket)'))).toBeNull();
    expect(answerEdits(text, text.replace('### Question 20\n', '### Question 20\n\n### Question 21\n'))).toBeNull();
  });
});

describe('links under an answer', () => {
  const text = filledTemplate({
    answers: { 19: `${png('one')}\n[two](figures/two.png)\n\`${png('three')}\`\n![web](https://example.com/x.png)` },
  });

  it('lists every image-ish link of the question, in order, with its kind', () => {
    const links = questionLinks(parseReport(text), 19);
    expect(links.map((l) => [l.kind, l.target.path ?? 'remote'])).toEqual([
      ['image', 'figures/one.png'],
      ['link', 'figures/two.png'],
      ['code', 'figures/three.png'],
      ['image', 'remote'],
    ]);
    expect(questionLinks(parseReport(text), 20)).toEqual([]); // the placeholder
  });

  it('follows an edit of the answer, and only that answer is scanned again', () => {
    const doc = parseReport(text);
    const before = questionLinks(doc, 19);
    const edited = setAnswer(doc, 19, `${png('one')}\n${png('five')}`);
    expect(questionLinks(edited, 19).map((l) => l.target.path)).toEqual(['figures/one.png', 'figures/five.png']);
    // Another question's edit leaves 19 as it was: its links come back as they were (no re-scan).
    const other = setAnswer(edited, 3, 'Some words.');
    const after = questionLinks(edited, 19);
    expect(questionLinks(other, 19)).toBe(after);
    expect(questionLinks(doc, 19)).toEqual(before);
  });

  it('knows whether anything still links a file, whatever its case', () => {
    expect(isLinked(text, 'figures/ONE.png')).toBe(true);
    expect(isLinked(text, 'figures/four.png')).toBe(false);
    expect(stemOf('figures/q19-bucket.view.png')).toBe('q19-bucket.view');
  });
});

describe('uploads', () => {
  it('batches files in order under the size limit; a larger file goes alone', () => {
    const mb = 1024 * 1024;
    const files = [10, 20, 15, 60, 1].map((n, i) => ({ name: `f${i}`, size: n * mb }));
    expect(batchBySize(files).map((b) => b.map((f) => f.name))).toEqual([['f0', 'f1'], ['f2'], ['f3'], ['f4']]);
    expect(MAX_BATCH_BYTES).toBe(40 * mb);
    expect(batchBySize(Array.from({ length: 120 }, () => ({ size: 1 }))).map((b) => b.length)).toEqual([50, 50, 20]);
  });

  it('says what became of each file: added, reused, converted, oversized or refused', () => {
    const base = {
      ok: true as const,
      fileName: 'bucket.webp',
      relativeLink: 'figures/q19-bucket.png',
      path: '/r/figures/q19-bucket.png',
      reused: false,
      converted: false,
      sourceFormat: 'png',
      width: 800,
      height: 600,
      bytes: 1000,
      markdown: png('q19-bucket'),
    };
    expect(importMessage(base)).toEqual({ tone: 'ok', text: 'Added figures/q19-bucket.png.' });
    expect(importMessage({ ...base, reused: true }).text).toContain('already holds this image');
    expect(importMessage({ ...base, converted: true, sourceFormat: 'webp' }).text).toBe(
      'Converted "bucket.webp" (WEBP) to PNG, which the template accepts: added figures/q19-bucket.png.',
    );
    const big = importMessage({ ...base, oversized: { bytes: 3 * 1024 * 1024, width: 4000, height: 3000 } });
    expect(big).toMatchObject({ tone: 'info', downscale: 'figures/q19-bucket.png' });
    expect(big.text).toContain('3.0 MB and 4000 px wide');
    expect(
      importMessage({
        ok: false,
        fileName: 'a.txt',
        problem: 'unsupported-format',
        message: '"a.txt" is not an image.',
      }),
    ).toEqual({ tone: 'error', text: '"a.txt" is not an image.' });
  });
});

describe('figure findings in the problems list', () => {
  it('sorts them under their question with their kind and fixes; notes without a place come last', () => {
    const answers: Record<number, string> = {};
    COURSE_PROFILE_31.questions.forEach((c, i) => {
      answers[i + 1] = c.images ? `${words(c.words?.min || 1)} ![a](figures/a.png)` : words(c.words?.min || 1);
    });
    const text = filledTemplate({ answers: { ...answers, 19: '[x](figures/a.png)' } });
    const findings = [
      ...figureLinkFindings(text),
      {
        kind: 'unused-file' as const,
        severity: 'info' as const,
        question: null,
        line: null,
        message: 'figures/b.png is in figures/ but nothing in the report links it.',
        target: 'figures/b.png',
        link: null,
        fixes: [{ kind: 'delete-file' as const, label: 'Delete the file', target: 'figures/b.png' }],
      },
    ];
    const problems = problemsOf({ analysis: analyzeReport(text, COURSE_PROFILE_31), profile: COURSE_PROFILE_31, figures: findings });
    expect(problems.map((p) => [p.severity, p.question, p.code])).toEqual([
      ['info', null, 'unused-file'],
      ['error', 19, 'images'],
      ['error', 19, 'image-without-bang'],
    ]);
    expect(problems[2].fixes.map((f) => f.label)).toEqual(['Add the "!"']);
    expect(problems[0].fixes).toEqual([{ label: 'Delete the file', action: { kind: 'delete-file', target: 'figures/b.png' } }]);
  });
});
