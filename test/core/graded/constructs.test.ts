/**
 * Construct by construct: every input of PYTHON-MARKDOWN.md's appendix with Python-Markdown
 * 3.4.1's output as printed there (parsed from the document at test time), then cases found by
 * comparing with the real Python-Markdown (scripts/dev/compare-graded.mjs); their expected HTML
 * is what `markdown.markdown(text)` returned.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderGradedAnswer, renderGradedPage } from '../../../src/core';
import { SHARED_DIR } from '../../support/corpus';
import { rendersAsPython } from './pythonCases';

const DOC = join(SHARED_DIR, 'PYTHON-MARKDOWN.md');

/** A single-quoted Python string literal with the escapes the document uses. */
function pythonLiteral(literal: string): string {
  if (!literal.startsWith("'") || !literal.endsWith("'")) throw new Error(`not a literal: ${literal}`);
  const body = literal.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' };
  return body.replace(/\\(.)/g, (whole, ch: string) => {
    const value = escapes[ch];
    if (value === undefined) throw new Error(`unknown escape ${whole}`);
    return value;
  });
}

interface AppendixCase {
  title: string;
  input: string;
  output: string;
}

function appendixCases(): AppendixCase[] {
  const text = readFileSync(DOC, 'utf8');
  const appendix = text.slice(text.indexOf('## Appendix'));
  const sections = appendix.split(/\n### /).slice(1);
  return sections.map((section) => {
    const title = section.slice(0, section.indexOf('\n'));
    const input = /Input, as a Python string literal:\n\n````text\n(.*)\n````/.exec(section);
    const output = /Python-Markdown 3\.4\.1 \(`markdown\.markdown\(text\)`\):\n\n````html\n([\s\S]*?)\n````/.exec(section);
    if (!input || !output) throw new Error(`appendix section "${title}" has an unexpected shape`);
    return { title, input: pythonLiteral(input[1]!), output: output[1]! };
  });
}

describe.skipIf(!existsSync(DOC))("PYTHON-MARKDOWN.md's appendix, construct by construct", () => {
  const cases = existsSync(DOC) ? appendixCases() : [];
  it('finds all 32 documented constructs', () => expect(cases).toHaveLength(32));
  for (const c of cases) {
    it(c.title, () => expect(markdownToHtml(c.input)).toBe(c.output));
  }
});

/** [input, Python-Markdown 3.4.1 output] pairs observed with Debian's python3-markdown. */
const OBSERVED: [string, string][] = [
  ['[x] [y] [w] [z](u)', '<p>[x] [y] [w] <a href="u">z</a></p>'],
  ['a *b* **c** ***d*** _e_ __f__', '<p>a <em>b</em> <strong>c</strong> <strong><em>d</em></strong> <em>e</em> <strong>f</strong></p>'],
  ['\\<b> a & b &amp; c &copy; &#12; &#xzz;', '<p>\\<b> a &amp; b &amp; c &copy; &#12; &amp;#xzz;</p>'],
  // A backslash escape inside raw inline HTML leaks Python-Markdown's internal marker.
  ['<a href="x\\_y">t</a>', '<p><a href="x\\\u000295\u0003y">t</a></p>'],
  ['`a` \\\\`b`', '<p><code>a</code> \\<code>b</code></p>'],
  ['``foo`', '<p><code>`foo</code></p>'],
  ['x <span>y</span> <http://a.b/c?d&e>', '<p>x <span>y</span> <a href="http://a.b/c?d&amp;e">http://a.b/c?d&amp;e</a></p>'],
  [
    '<x@y.com>',
    '<p><a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#120;&#64;&#121;&#46;&#99;&#111;&#109;">&#120;&#64;&#121;&#46;&#99;&#111;&#109;</a></p>',
  ],
  ['*a **b** c*', '<p><em>a </em><em>b</em><em> c</em></p>'],
  ['***a** b*', '<p><em><strong>a</strong> b</em></p>'],
  ['[a](<b c> "t\\"x")', '<p><a href="&lt;b c&gt;" title="t\\&quot;x">a</a></p>'],
  ['![i](x.png "T & <q>")', '<p><img alt="i" src="x.png" title="T &amp; &lt;q&gt;" /></p>'],
  ['__init__.py and *a*b* and _a_b_', '<p><strong>init</strong>.py and <em>a</em>b* and <em>a_b</em></p>'],
  // Emphasis is searched again from the start after each match, so an earlier `*` can pair up later.
  ['[id]\n*** ---\nx a *em* b', '<p>[id]\n*<em><em> ---\nx a </em>em</em> b</p>'],
  // A declaration with text after it on its line: the text is read as a reference definition.
  ['x\n<!DOCTYPE html> [x]: <http://a.b>\n1) paren', '<p>x</p>\n<!DOCTYPE html>\n<p>1) paren</p>'],
  ['a </ x> b', '<p>a &lt;/ x&gt; b</p>'],
  ['<p align="center">\n\n2. two\n\n   <script>\n\n</p>\n\n__strong__', '<p align="center">\n\n2. two\n\n   <script>\n\n</p>\n\n__strong__'],
  ['<!--\n-----\n       >\n--> 1. one', '<h2>&lt;!--</h2>\n<pre><code>   &gt;\n</code></pre>\n<p>--&gt; 1. one</p>'],
  ['<!-- x --!> b', '<p>&lt;!-- x --!&gt; b</p>'],
  ['- a\n\n    more\n\n- b', '<ul>\n<li>\n<p>a</p>\n<p>more</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>'],
  ['1. a\n    1. b\n2. c', '<ol>\n<li>a<ol>\n<li>b</li>\n</ol>\n</li>\n<li>c</li>\n</ol>'],
  ['> a\n> > b\n>\n> c', '<blockquote>\n<p>a</p>\n<blockquote>\n<p>b</p>\n</blockquote>\n<p>c</p>\n</blockquote>'],
  ['Title\n=====\nbody', '<h1>Title</h1>\n<p>body</p>'],
  ['# Head #\n## Two \\#', '<h1>Head</h1>\n<h2>Two #</h2>'],
  ['    code <b>\n\n    more', '<pre><code>code &lt;b&gt;\n\nmore\n</code></pre>'],
  ['<details>\n<summary>S</summary>\n\n*x*\n</details>\nafter', '<details>\n<summary>S</summary>\n\n*x*\n</details>\n<p>after</p>'],
];

rendersAsPython('Python-Markdown behaviour found by comparing with the real one', OBSERVED);

describe('the graded page around the text', () => {
  it('drops the first 43 characters, counted as Python counts them (code points, after CRLF → LF)', () => {
    const title = '# Exam template for 02476 Machine Learning Operations\r\n\r\n## Group\r\n';
    expect(renderGradedPage(title)).toBe('<p>Operations</p>\n<h2>Group</h2>');
    expect(renderGradedPage(`😀${'x'.repeat(42)}*kept*`)).toBe('<p><em>kept</em></p>');
  });

  it('renders an empty or blank page as nothing, without a trailing newline', () => {
    expect(renderGradedPage('short')).toBe('');
    expect(renderGradedPage(`${'x'.repeat(43)}   \n\n`)).toBe('');
    expect(renderGradedAnswer('Some **answer**.\n')).toBe('<p>Some <strong>answer</strong>.</p>');
  });
});
