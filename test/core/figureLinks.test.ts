import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { applyEdits as applyTextEdits } from '../../src/core/textEdit';
import { figureLinkFindings, type FigureFinding } from '../../src/core/figures/figureFindings';
import { figureTarget, imageMarkdown } from '../../src/core/figures/figureLink';
import { insertFigureLink, removeFigureLink, renameFigureLinks } from '../../src/core/figures/figureLinkEdits';
import { questionFigureLinks, reportFigureLinks, scanFigureLinks } from '../../src/core/figures/scanFigureLinks';
import { countImages } from '../../src/core/pythonText';
import { resolveProfile } from '../../src/core/templateVersion';
import { buildReport } from '../support/reportBuilder';

function imagesOf(text: string, question: number): number {
  const view = analyzeReport(text, resolveProfile(text).profile).questions.find((q) => q.number === question)!;
  return view.images;
}

function applyFirstFix(text: string, finding: FigureFinding): string {
  const fix = finding.fixes[0];
  if (fix?.kind !== 'edit') throw new Error(`expected an edit fix, got ${fix?.kind}`);
  return applyTextEdits(text, fix.edits);
}

describe('figureTarget', () => {
  it('normalises the ways students spell the same file', () => {
    for (const raw of [
      'figures/a b.png',
      './figures/a%20b.png',
      '<figures/a b.png>',
      'figures\\a b.png',
      'x/../figures/a b.png',
    ]) {
      expect(figureTarget(raw).path, raw).toBe('figures/a b.png');
    }
    expect(figureTarget('figures/a.png?raw=true#top').path).toBe('figures/a.png');
  });

  it('tells web addresses, machine paths and paths leaving the report folder apart', () => {
    expect(figureTarget('https://github.com/user-attachments/assets/x.png')).toMatchObject({
      remote: true,
      path: null,
      extension: 'png',
    });
    expect(figureTarget('data:image/png;base64,AAAA')).toMatchObject({ remote: true });
    expect(figureTarget('/figures/x.png')).toMatchObject({ absolute: true, outside: true });
    expect(figureTarget('C:\\Users\\me\\Desktop\\shot.png')).toMatchObject({
      absolute: true,
      outside: true,
      path: 'C:/Users/me/Desktop/shot.png',
    });
    expect(figureTarget('../docs/x.png')).toMatchObject({ absolute: false, outside: true, path: '../docs/x.png' });
    expect(figureTarget('figures/../../x.png')).toMatchObject({ outside: true, path: '../x.png' });
    expect(figureTarget('figures/x.JPEG')).toMatchObject({ outside: false, extension: 'jpeg' });
  });
});

describe('scanning links', () => {
  it('finds every kind with its exact target position', () => {
    const text = [
      '![a](figures/a.png "title")',
      '[b](figures/b.png) and [docs](https://example.com)',
      '`![c](figures/c.png)` and ``![d](figures/d.png)``',
      '<img src="figures/e.png" width="50%" alt="E">',
      '![f][ref] ![g]',
      '[![h](figures/h.png)](https://example.com)',
      '![i](<figures/with space.png>)',
      '',
      '[ref]: figures/f.png',
      '[g]: <figures/g.png>',
    ].join('\n');
    const links = scanFigureLinks(text);
    expect(links.map((l) => [l.kind, l.target.path, l.counted])).toEqual([
      ['image', 'figures/a.png', true],
      ['link', 'figures/b.png', false],
      ['code', 'figures/c.png', true],
      ['code', 'figures/d.png', true],
      ['html', 'figures/e.png', false],
      ['reference', 'figures/f.png', false],
      ['reference', 'figures/g.png', false],
      ['image', 'figures/h.png', true],
      ['image', 'figures/with space.png', true],
    ]);
    for (const l of links) expect(text.slice(l.targetStart, l.targetEnd)).toBe(l.rawTarget);
    expect(links.map((l) => l.line)).toEqual([1, 2, 3, 3, 4, 5, 5, 6, 7]);
    expect(links[4].alt).toBe('E');
    // The checker's own count agrees with the links marked as counted.
    expect(links.filter((l) => l.counted).length).toBe(countImages(text));
  });

  it('sees images inside fenced blocks as code, and an unclosed fence does not swallow the next question', () => {
    const text = buildReport({
      answers: {
        19: 'Bucket:\n```markdown\n![b](figures/bucket.png)\n```',
        20: 'Oops\n```\nnever closed',
        21: '![build](figures/build.png)',
      },
    });
    const links = reportFigureLinks(text);
    expect(links.filter((l) => l.student).map((l) => [l.question, l.kind])).toEqual([
      [19, 'code'],
      [21, 'image'],
    ]);
  });

  it("keeps the template's own example links apart from the student's", () => {
    const text = buildReport({ answers: { 19: '![x](figures/x.png)' } }).replace(
      '> **Prompt of question 19?**',
      '> **Prompt of question 19? Take inspiration from [this figure](figures/bucket.png).**',
    );
    const links = reportFigureLinks(text);
    const template = links.find((l) => l.target.path === 'figures/bucket.png')!;
    expect(template).toMatchObject({ kind: 'link', student: false, question: null });
    expect(figureLinkFindings(text).map((f) => f.target)).not.toContain('figures/bucket.png');
    expect(questionFigureLinks(text, 19).map((l) => l.target.path)).toEqual(['figures/x.png']);
  });
});

describe('text-level findings and their fixes', () => {
  it('a figure link without "!" counts no image until the fix adds it', () => {
    const text = buildReport({ answers: { 19: '[GCP bucket](figures/bucket.png)' } });
    const [finding] = figureLinkFindings(text);
    expect(finding).toMatchObject({
      kind: 'image-without-bang',
      severity: 'error',
      question: 19,
      target: 'figures/bucket.png',
    });
    expect(imagesOf(text, 19)).toBe(0);
    const fixed = applyFirstFix(text, finding);
    expect(fixed).toBe(text.replace('[GCP bucket]', '![GCP bucket]'));
    expect(imagesOf(fixed, 19)).toBe(1);
    expect(figureLinkFindings(fixed)).toEqual([]);
  });

  it('a link to an image inside a sentence is only a warning (it may be deliberate)', () => {
    const text = buildReport({ answers: { 10: 'We versioned the [training samples](figures/train.png) with DVC.' } });
    expect(figureLinkFindings(text)[0]).toMatchObject({ kind: 'image-without-bang', severity: 'warning' });
  });

  it('an image in backticks is counted but not shown; the fix removes the backticks only', () => {
    const text = buildReport({ answers: { 14: 'Metrics:\n\n`![WandB](figures/wandb.png)`\n\nmore text' } });
    const [finding] = figureLinkFindings(text);
    expect(finding).toMatchObject({ kind: 'image-in-backticks', question: 14 });
    const fixed = applyFirstFix(text, finding);
    expect(fixed).toBe(text.replace('`![WandB](figures/wandb.png)`', '![WandB](figures/wandb.png)'));
    expect(figureLinkFindings(fixed)).toEqual([]);
  });

  it('an image in a fenced block holding only images: the fix removes the fence lines', () => {
    const text = buildReport({ answers: { 19: 'The bucket:\n```markdown\n![b](figures/bucket.png)\n```\nAfter.' } });
    const [finding] = figureLinkFindings(text);
    expect(finding.kind).toBe('image-in-backticks');
    expect(applyFirstFix(text, finding)).toBe(
      text.replace('```markdown\n![b](figures/bucket.png)\n```', '![b](figures/bucket.png)'),
    );
  });

  it('code that shows markdown on purpose gets no fix', () => {
    const text = buildReport({ answers: { 19: 'Write `see ![a](figures/a.png) here` to add one.' } });
    expect(figureLinkFindings(text)[0]).toMatchObject({ kind: 'image-in-backticks', fixes: [] });
  });

  it('<img> and reference-style images are shown but not counted; the fix writes ![alt](path)', () => {
    const text = buildReport({
      answers: { 14: '<img src="figures/loss.png" width="80%" alt="Loss">\n\n![acc][a]\n\n[a]: figures/acc.png' },
    });
    const findings = figureLinkFindings(text);
    expect(findings.map((f) => f.kind)).toEqual(['html-image', 'reference-image']);
    let fixed = text;
    for (const f of [...findings].reverse()) fixed = applyFirstFix(fixed, f);
    expect(fixed).toContain('![Loss](figures/loss.png)\n\n![acc](figures/acc.png)\n\n[a]: figures/acc.png');
    expect(imagesOf(text, 14)).toBe(0);
    expect(imagesOf(fixed, 14)).toBe(2);
  });

  it('finds links in answers that hold only a reference image or a fence, and none in checkboxes', () => {
    // Answers are skipped unread when they can hold no link: here one holds only `![..][..]`
    // (its label defined in another answer), one a fence whose lines have no `](` but one.
    const text = buildReport({
      checked: [0, 2],
      answers: {
        14: 'See ![acc][a] and [not a link] here.',
        15: 'Our figures:\n\n[a]: figures/acc.png',
        19: '```\nplain [x] code\n![b](figures/bucket.png)\n```',
      },
    });
    const links = reportFigureLinks(text).map((l) => [l.kind, l.question, l.target.path]);
    expect(links).toEqual([
      ['reference', 14, 'figures/acc.png'],
      ['code', 19, 'figures/bucket.png'],
    ]);
    // Without the definition the reference image is nothing to follow, and nothing is found.
    expect(reportFigureLinks(text.replace('[a]: figures/acc.png', '')).map((l) => l.kind)).toEqual(['code']);
  });

  it('spaces in a path: raw spaces break GitHub (error, %20 fix); encoded ones are a warning', () => {
    const text = buildReport({ answers: { 19: '![a](figures/my shot.png)', 20: '![b](figures/my%20shot.png)' } });
    const [raw, encoded] = figureLinkFindings(text);
    expect(raw).toMatchObject({ kind: 'path-with-spaces', severity: 'error', question: 19 });
    expect(encoded).toMatchObject({ kind: 'path-with-spaces', severity: 'warning', question: 20, fixes: [] });
    expect(applyFirstFix(text, raw)).toContain('![a](figures/my%20shot.png)');
  });

  it('backslashes, disallowed extensions and paths outside the report folder', () => {
    const text = buildReport({
      answers: {
        19: '![a](figures\\a.png)',
        20: '![b](figures/b.webp)',
        21: '![c](../docs/c.png)\n![d](/Users/me/Desktop/d.png)',
      },
    });
    const findings = figureLinkFindings(text);
    expect(findings.map((f) => [f.kind, f.question])).toEqual([
      ['backslash-path', 19],
      ['disallowed-extension', 20],
      ['outside-report', 21],
      ['outside-report', 21],
    ]);
    expect(findings[1].message).toContain('.webp');
    expect(findings[3].message).toContain('a path on this computer');
    expect(applyFirstFix(text, findings[0])).toContain('![a](figures/a.png)');
  });

  it('calls /figures/x.png a path from the repository root (as GitHub reads it), not one on this computer', () => {
    const text = buildReport({ answers: { 19: '![a](/figures/a.png)', 20: '![b](/reports/figures/b.png)', 21: '![c](/home/me/c.png)' } });
    const messages = figureLinkFindings(text)
      .filter((f) => f.kind === 'outside-report')
      .map((f) => f.message);
    expect(messages[0]).toContain('/figures/a.png, a path from the repository root');
    expect(messages[0]).toContain('(figures/a.png)');
    expect(messages[0]).not.toContain('on this computer');
    expect(messages[1]).toContain('(figures/b.png)');
    expect(messages[2]).toContain('a path on this computer');
  });

  it('a fix computed on an older text refuses to apply', () => {
    const text = buildReport({ answers: { 19: '[a](figures/a.png)' } });
    const [finding] = figureLinkFindings(text);
    const edited = text.replace('### Question 1\n', '### Question 1\n\nnew line\n');
    expect(() => applyFirstFix(edited, finding)).toThrow(/changed/);
  });
});

describe('renameFigureLinks', () => {
  it('points every spelling of the file at the new name and keeps every other byte', () => {
    const text = buildReport({
      answers: {
        19: '![a](figures/old.png)\n![b](./figures/old.png "t")',
        20: '[c](figures/old.png) <img src="figures/old.png">',
        21: '![d][r]\n\n[r]: figures/old.png\n\n![e](figures/other.png)',
      },
    });
    const { text: out, changed } = renameFigureLinks(text, 'figures/old.png', 'figures/q19-new.png');
    expect(changed).toBe(5);
    expect(out).toBe(
      text
        .replace('![a](figures/old.png)', '![a](figures/q19-new.png)')
        .replace('![b](./figures/old.png "t")', '![b](./figures/q19-new.png "t")')
        .replace(
          '[c](figures/old.png) <img src="figures/old.png">',
          '[c](figures/q19-new.png) <img src="figures/q19-new.png">',
        )
        .replace('[r]: figures/old.png', '[r]: figures/q19-new.png'),
    );
  });

  it('matches other case only when asked (a case-insensitive laptop disk)', () => {
    const text = buildReport({ answers: { 19: '![a](figures/Old.png)' } });
    expect(renameFigureLinks(text, 'figures/old.png', 'figures/new.png').changed).toBe(0);
    expect(renameFigureLinks(text, 'figures/old.png', 'figures/new.png', { caseInsensitive: true }).text).toContain(
      '![a](figures/new.png)',
    );
  });
});

describe('removeFigureLink', () => {
  it("removes the link's own line in that question only", () => {
    const text = buildReport({ answers: { 19: 'Bucket:\n![a](figures/a.png)\nEnd.', 20: '![a](figures/a.png)' } });
    const { text: out, removed } = removeFigureLink(text, 19, 'figures/a.png');
    expect(removed).toBe(1);
    expect(out).toBe(text.replace('Bucket:\n![a](figures/a.png)\nEnd.', 'Bucket:\nEnd.'));
  });

  it('keeps the rest of a line, CRLF line endings and the backticks of mixed code', () => {
    const text = buildReport({
      eol: '\r\n',
      answers: { 19: 'See ![a](figures/a.png) here\n`![a](figures/a.png)`<br>\nlast' },
    });
    const out = removeFigureLink(text, 19, './figures/a.png').text;
    expect(out).toBe(
      text.replace('See ![a](figures/a.png) here\r\n`![a](figures/a.png)`<br>\r\nlast', 'See  here\r\nlast'),
    );
  });
});

describe('inserting a link', () => {
  it('puts the link on its own line wherever the cursor is', () => {
    const md = imageMarkdown('gcp bucket', 'figures/q19-gcp-bucket.png');
    expect(insertFigureLink('', 0, md)).toEqual({ text: md, cursor: md.length });
    expect(insertFigureLink('abc def', 3, md).text).toBe(`abc\n${md}\n def`);
    expect(insertFigureLink('line\n', 5, md).text).toBe(`line\n${md}`);
    expect(insertFigureLink('one\r\ntwo', 8, md).text).toBe(`one\r\ntwo\r\n${md}`);
    // Several files: each next insert at the returned cursor lands on a line of its own.
    const first = insertFigureLink('text', 4, md);
    const second = insertFigureLink(first.text, first.cursor, md);
    expect(second.text).toBe(`text\n${md}\n${md}`);
    expect(countImages(second.text)).toBe(2);
  });

  it('escapes the alt text and encodes characters markdown would choke on', () => {
    expect(imageMarkdown('a [b]\nc', 'figures/x y(1).png')).toBe('![a \\[b\\] c](figures/x%20y%281%29.png)');
    expect(countImages(imageMarkdown('a [b]', 'figures/x y(1).png'))).toBe(1);
  });
});
