/**
 * An inline link whose title quote never closes, with a `(` inside that title: Python-Markdown
 * 3.4.1's getLink lets that `(` use up its backtrack count without noting where the link ends, so
 * the end stays -1 and is used as an index. The href is the text up to two characters before its
 * end, and the last character stays after the link (`data[-1:]`). Expected HTML is what Debian's
 * Python-Markdown 3.4.1 returned for each input (`markdown.markdown(text)`).
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../src/core';
import { renderCpuMs } from './renderCpu';
import { rendersAsPython } from './pythonCases';

const PYTHON: [string, string][] = [
  // The three cases QA found.
  ["[x](a '(", '<p><a href="a">x</a>(</p>'],
  ['[a](b "c" (d)', '<p><a href="b &quot;c&quot; (">a</a>)</p>'],
  ['[a](b "c [d](e "f ', '<p><a href="b &quot;c [d](e &quot;">a</a> </p>'],
  // Either quote kind, the quote right after the href or the only thing in it, a closed title before.
  ['[x](a "(', '<p><a href="a">x</a>(</p>'],
  ["[x](a'(", '<p><a href="a">x</a>(</p>'],
  ["[x](' (", '<p><a href="\'">x</a>(</p>'],
  ['[x]("(', '<p><a href="">x</a>(</p>'],
  ["[a](b 'c' (d)", '<p><a href="b \'c\' (">a</a>)</p>'],
  ['[x](a "b" \'(', '<p><a href="a &quot;b&quot;">x</a>(</p>'],
  ['[x](a \'"(z', '<p><a href="a \'&quot;">x</a>z</p>'],
  // Text after the link: the href runs to two characters before the end, the last one stays.
  ['[x](a "( tail', '<p><a href="a &quot;( ta">x</a>l</p>'],
  ["[x](a '(b)c", '<p><a href="a \'(b">x</a>c</p>'],
  ["[x](a '(b))", '<p><a href="a \'(b">x</a>)</p>'],
  ["[x](a '()", '<p><a href="a \'">x</a>)</p>'],
  ["a [x](a '( [y](b)", '<p>a <a href="a \'( [y](">x</a>)</p>'],
  ["[y](b) [x](a '(", '<p><a href="b">y</a> <a href="a">x</a>(</p>'],
  ["[x](a '( [y](b '(", '<p><a href="a \'( [y](b">x</a>(</p>'],
  // Nested brackets in the text, markup in it and around it.
  ["[[x]](a '(b", '<p><a href="a \'">[x]</a>b</p>'],
  ["[*x*](a '( c", '<p><a href="a \'("><em>x</em></a>c</p>'],
  ["*[x](a '(*", '<p><em><a href="a \'">x</a></em></p>'],
  ["**[x](a '(**", '<p>*<em><a href="a \'(">x</a></em></p>'],
  ["_[x](a '(_ z", '<p>_<a href="a \'(_">x</a>z</p>'],
  ["[x](a '( **b**", '<p><a href="a \'( **b">x</a>*</p>'],
  // Images the same way, and a link after an image that took the rest.
  ["![x](a '(", '<p><img alt="x" src="a" />(</p>'],
  ['![x](a "(', '<p><img alt="x" src="a" />(</p>'],
  ["[x](a '( ![y](b)", '<p><a href="a \'( ![y](">x</a>)</p>'],
  ["![y](b '( [x](c)", '<p><img alt="y" src="b \'( \u0002klzzwxh:000" />\u0003</p>'],
  // The cut goes through whatever the text holds at that point: raw HTML, an entity, a placeholder of an escape or a code span (which Python leaks).
  ["[x](a '( <b>", '<p><a href="a \'( &lt;">x</a>&gt;</p>'],
  ["[x](a '( &amp;", '<p><a href="a \'( &amp;am">x</a>;</p>'],
  ["<b>[x](a '(</b>", '<p><b><a href="a \'(&lt;/">x</a>&gt;</p>'],
  ["[x](a '( `code`", '<p><a href="a \'( \u0002klzzwxh:000">x</a>\u0003</p>'],
  ["[x](a '( \\*", '<p><a href="a \'( \u0002klzzwxh:000">x</a>\u0003</p>'],
  // Other blocks, lines and line breaks: the text is the whole element's, newlines included.
  ["# [x](a '(\n", '<h1><a href="a">x</a>(</h1>'],
  ["> [x](a '(", '<blockquote>\n<p><a href="a">x</a>(</p>\n</blockquote>'],
  ["- [x](a '( b", '<ul>\n<li><a href="a \'(">x</a>b</li>\n</ul>'],
  ["line one\n[x](a '(\nline three", '<p>line one\n<a href="a \'(\nline thr">x</a>e</p>'],
  ["[x](a '(  \nb", '<p><a href="a \'(">x</a>b</p>'],
  // Characters are code points: an emoji at the end is one of them.
  ["[x](a '( \u{1f600}", '<p><a href="a \'(">x</a>\u{1f600}</p>'],
  ["[x](a '(\u{1f600}\u{1f600}", '<p><a href="a \'(">x</a>\u{1f600}</p>'],
  ["[x](a '(\u{1f600}b", '<p><a href="a \'(">x</a>b</p>'],
  ["[x](a '(\u00e9", '<p><a href="a \'">x</a>\u00e9</p>'],
];

rendersAsPython('links with an unclosed title holding a `(`, as Python-Markdown 3.4.1 makes them', PYTHON);

describe('a line of such links', () => {
  // The first link takes the rest of the line as its href: one scan, not one per opener.
  it('takes time linear in its length', () => {
    const line = (length: number): string => "[a](b '(".repeat(length / 8);
    renderCpuMs(line(50_000)); // warm-up: the measured runs use compiled code
    const smallMs = renderCpuMs(line(200_000));
    const largeMs = renderCpuMs(line(800_000));
    expect(
      largeMs / smallMs,
      `CPU for 200 kB: ${smallMs.toFixed(0)} ms, for 800 kB: ${largeMs.toFixed(0)} ms`,
    ).toBeLessThan(8);
    expect(markdownToHtml(line(200_000)).endsWith('</a>(</p>')).toBe(true);
  });
});
