/**
 * Reference definitions are taken off a block one at a time and the rest of the block goes back to
 * the queue; the line searches of the processors tried first (headings, rules, quotes) must not
 * rescan that rest for every definition (2 MB of definitions took ~47 s). The time bound is a
 * generous hang detector for a loaded 2-core machine, not a benchmark.
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderGradedPage } from '../../../src/core';

const HANG_BOUND_MS = 5_000;

function definitionsAndUses(bytes: number, tail = ''): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 2) {
    const pair = `[ref ${i}]: https://example.com/${i} "t"\n[x][ref ${i}] ![i][ref ${i}]`;
    lines.push(pair);
    size += pair.length + 1;
  }
  return lines.join('\n') + tail;
}

describe('reference definitions', () => {
  it('renders 2 MB of definitions alternating with their uses within the hang bound', () => {
    const text = definitionsAndUses(2_000_000);
    const start = performance.now();
    const html = renderGradedPage(text);
    const ms = performance.now() - start;
    // (the graded page drops the first 43 characters, so the first definition is cut)
    expect(html).toContain('<a href="https://example.com/2" title="t">x</a> <img alt="i" src="https://example.com/2" title="t" />');
    expect(ms, `2 MB took ${ms.toFixed(0)} ms`).toBeLessThan(HANG_BOUND_MS);
  });

  it('renders 2 MB of definitions ending in a heading, a rule and a quote within the hang bound', () => {
    const text = definitionsAndUses(2_000_000, '\n# end\n---\n> quote');
    const start = performance.now();
    const html = markdownToHtml(text);
    const ms = performance.now() - start;
    expect(html).toContain('<h1>end</h1>');
    expect(html).toContain('<hr />');
    expect(html).toContain('<blockquote>');
    expect(ms, `2 MB took ${ms.toFixed(0)} ms`).toBeLessThan(HANG_BOUND_MS);
  });

  it('still finds headings, rules and quotes between definitions', () => {
    const text = [
      '[a]: /a "A"',
      'use [x][a]',
      '[b]: /b',
      '# H',
      '[c]: /c',
      '> q [y][c]',
      '[d]: /d',
      '***',
      '[e]: /e',
      'last [z][b] [w][e]',
    ].join('\n');
    expect(markdownToHtml(text)).toBe(
      [
        '<p>use <a href="/a" title="A">x</a></p>',
        '<h1>H</h1>',
        '<blockquote>',
        '<p>q <a href="/c">y</a></p>',
        '</blockquote>',
        '<hr />',
        '<p>last <a href="/b">z</a> <a href="/e">w</a></p>',
      ].join('\n'),
    );
  });
});
