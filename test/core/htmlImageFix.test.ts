/**
 * An <img> inside an HTML block (seed 002, question 14): its fix must give an image that renders,
 * on GitHub (our preview's pipeline) and on the graded page (Python-Markdown, no extensions).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { figureLinkFindings } from '../../src/core/figures/figureFindings';
import { renderGradedAnswer, renderGradedPage } from '../../src/core/graded';
import { renderMarkdownToHtml } from '../../src/core/render';
import { applyEdits } from '../../src/core/textEdit';
import { resolveProfile } from '../../src/core/templateVersion';
import { corpusAvailable, corpusReports } from '../support/corpus';

/** The course's graded page renderer, when this machine has it (Debian's python3-markdown). */
function pythonMarkdown(markdown: string): string | null {
  const run = spawnSync(
    '/usr/bin/python3',
    ['-c', 'import sys, markdown; sys.stdout.write(markdown.markdown(sys.stdin.read()))'],
    {
      input: markdown,
      encoding: 'utf8',
    },
  );
  return run.status === 0 ? run.stdout : null;
}
const hasPythonMarkdown = pythonMarkdown('x') !== null;

const block =
  '<p float="left">\n  <img src="figures/sweep.jpg" width="49%" />\n  <img src="figures/opt.jpg" width="49%" />\n</p>\n';
const answer = `Our sweep:\n\n${block}\nMore text.\n`;

function fixOf(text: string, target: string) {
  const finding = figureLinkFindings(text).find((f) => f.kind === 'html-image' && f.target === target)!;
  const fix = finding.fixes[0];
  if (fix.kind !== 'edit') throw new Error('expected an edit');
  return fix;
}

/** `<img>` elements whose src is `src` — rendered as an image, not shown as text. */
const images = (html: string, src: string) => html.match(new RegExp(`<img[^>]*src="${src}"`, 'g'))?.length ?? 0;

describe('an <img> inside an HTML block', () => {
  it('moves out of the block as ![alt](path), leaving the other bytes alone', () => {
    const fix = fixOf(answer, 'figures/sweep.jpg');
    expect(fix.label).toBe('Move it below the HTML block as ![alt](path)');
    const fixed = applyEdits(answer, fix.edits);
    expect(fixed).toBe(
      'Our sweep:\n\n<p float="left">\n  <img src="figures/opt.jpg" width="49%" />\n</p>\n\n![](figures/sweep.jpg)\n\nMore text.\n',
    );
  });

  it('renders as an image in our preview and on the graded page, where the old fix showed text', () => {
    const fixed = applyEdits(answer, fixOf(answer, 'figures/sweep.jpg').edits);
    const github = renderMarkdownToHtml(fixed);
    expect(images(github, 'figures/sweep.jpg')).toBe(1);
    expect(github).not.toContain('![');
    // The graded page as our byte-equal re-implementation of report.py html renders it.
    const ours = renderGradedAnswer(fixed);
    expect(images(ours, 'figures/sweep.jpg')).toBe(1);
    expect(ours).not.toContain('![');
    const inPlaceFix = answer.replace('<img src="figures/sweep.jpg" width="49%" />', '![](figures/sweep.jpg)');
    expect(renderGradedAnswer(inPlaceFix)).toContain('![](figures/sweep.jpg)');
    if (!hasPythonMarkdown) return; // noted: the graded-page half needs /usr/bin/python3 with markdown
    const graded = pythonMarkdown(fixed)!;
    expect(images(graded, 'figures/sweep.jpg')).toBe(1);
    expect(graded).not.toContain('![');
    // What the old fix wrote (markdown in place of the tag) is literal text on the graded page.
    const inPlace = answer.replace('<img src="figures/sweep.jpg" width="49%" />', '![](figures/sweep.jpg)');
    expect(pythonMarkdown(inPlace)).toContain('![](figures/sweep.jpg)');
  });

  it('keeps the in-place fix for an <img> in a paragraph, where markdown renders', () => {
    const text = 'See <img src="figures/a.png" alt="plot"> here.\n';
    const fix = fixOf(text, 'figures/a.png');
    expect(fix.label).toBe('Write it as ![alt](path)');
    expect(applyEdits(text, fix.edits)).toBe('See ![plot](figures/a.png) here.\n');
  });

  it("keeps a CRLF file CRLF and handles a tag on the block's last line", () => {
    const text = 'Intro.\r\n\r\n<div>\r\n<img src="figures/a.png"></div>\r\n\r\nEnd.\r\n';
    const fixed = applyEdits(text, fixOf(text, 'figures/a.png').edits);
    expect(fixed).toBe('Intro.\r\n\r\n<div>\r\n</div>\r\n\r\n![](figures/a.png)\r\n\r\nEnd.\r\n');
  });

  it.skipIf(!corpusAvailable)(
    'seed 002 question 14: after both fixes the checker counts two more images, and both render',
    () => {
      const file = corpusReports().find((f) => f.name.startsWith('seed-002'))!;
      const { profile } = resolveProfile(file.text);
      let text = file.text;
      for (const target of ['figures/sweep.jpg', 'figures/sweep_opt.jpg'])
        text = applyEdits(text, fixOf(text, target).edits);
      const before = analyzeReport(file.text, profile).questions.find((q) => q.number === 14)!.images;
      expect(analyzeReport(text, profile).questions.find((q) => q.number === 14)!.images).toBe(before + 2);
      const q14 = text.slice(text.indexOf('### Question 14'), text.indexOf('### Question 15'));
      for (const render of [renderMarkdownToHtml, ...(hasPythonMarkdown ? [(m: string) => pythonMarkdown(m)!] : [])]) {
        const html = render(q14);
        expect(images(html, 'figures/sweep.jpg')).toBe(1);
        expect(images(html, 'figures/sweep_opt.jpg')).toBe(1);
      }
      // The whole graded page, as report.py html makes it from the fixed file.
      const page = renderGradedPage(text);
      expect(images(page, 'figures/sweep.jpg')).toBe(1);
      expect(images(page, 'figures/sweep_opt.jpg')).toBe(1);
    },
  );
});
