/**
 * The guard in front of remark/rehype: real reports never reach it; pathological blocks are shown
 * as plain text under a note, never dropped, and everything around them still renders where it was.
 */
import { describe, expect, it } from 'vitest';
import { courseProfile } from '../../src/core/constraints';
import { findGradedPageDifferences, findGradedPageDifferencesInMarkdown } from '../../src/core/gradedPage';
import { parseReport } from '../../src/core/parseReport';
import {
  guardedRanges,
  imageReferences,
  MAX_BLOCK_CHARS,
  renderMarkdownToHast,
  renderMarkdownToHtml,
  reportBodyMarkdown,
} from '../../src/core/render';
import { corpusAvailable, corpusReports } from '../support/corpus';
import { buildReport } from '../support/reportBuilder';

describe('the render guard', () => {
  it.skipIf(!corpusAvailable)('leaves every real report and every real answer alone', () => {
    for (const file of corpusReports()) {
      expect(guardedRanges(reportBodyMarkdown(file.text)), file.name).toEqual([]);
      const notAnalysed = findGradedPageDifferences(file.text).filter((d) => d.kind === 'not-analysed');
      expect(notAnalysed, file.name).toEqual([]);
    }
  });

  it('shows a deeply nested block as escaped text under a note; the rest renders, at its own lines', () => {
    const nested = `${'> '.repeat(5_000)}<script>x</script>`;
    const markdown = ['# Title', '', 'Before.', '', nested, '', '## After', '', '![fig](figures/a.png)', ''].join('\n');
    const html = renderMarkdownToHtml(markdown);
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<h2>After</h2>');
    expect(html).toMatch(/Line 5 is shown as plain text: the block is nested too deeply/);
    // Not dropped, and escaped: the text is there, the tag is not.
    expect(html).toContain('&#x3C;script>x&#x3C;/script>');
    expect(html).not.toContain('<script>');
    expect(html.split('&#x3C;script>').length).toBe(2);
    // Positions after the guarded block are the original markdown's.
    expect(imageReferences(renderMarkdownToHast(markdown)).map((r) => r.line)).toEqual([9]);
  });

  it('a block over the size limit and a document over the budget: plain text from there on, with a note', () => {
    const big = 'word '.repeat(MAX_BLOCK_CHARS / 4);
    const html = renderMarkdownToHtml(`Intro.\n\n${big}\n\nOutro *emphasis*.\n`);
    expect(html).toMatch(/Line 3 is shown as plain text: the block is too large/);
    expect(html).toContain('<em>emphasis</em>');
    const many = Array.from({ length: 5_000 }, (_, i) => `> Answer: ${i}`).join('\n\n');
    const manyHtml = renderMarkdownToHtml(many);
    expect(manyHtml).toMatch(/shown as plain text: the report is too large to render in full/);
    expect(manyHtml).toContain('> Answer: 4999</pre>');
  });

  it('graded-page notes are skipped for a pathological answer, with a note naming the question', () => {
    const text = buildReport({ answers: { 14: '*a_| '.repeat(5_000), 15: '```\ncode\n```' } });
    const differences = findGradedPageDifferences(text, parseReport(text));
    expect(differences.find((d) => d.question === 14)?.message).toMatch(
      /^Graded-page notes skipped for question 14: the answer holds too much markdown syntax to analyse/,
    );
    // Other answers are still analysed.
    expect(differences.some((d) => d.question === 15 && d.kind === 'fenced-code')).toBe(true);
    expect(findGradedPageDifferencesInMarkdown('x'.repeat(60_000))[0].message).toMatch(/too large to analyse/);
    expect(courseProfile(31).expectedAnswers).toBe(31);
  });
});
