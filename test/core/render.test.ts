import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import {
  classifyImageSource,
  listImageSources,
  renderMarkdownToHast,
  renderMarkdownToHtml,
  reportBodyMarkdown,
  sniffImageType,
} from '../../src/core/render';
import { parseReport } from '../../src/core/parseReport';
import { corpusAvailable, corpusReports } from '../support/corpus';
import { buildReport } from '../support/reportBuilder';

function elements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    found.push(node);
  });
  return found;
}

describe('rendering markdown like GitHub', () => {
  it('renders headings, emphasis, lists, code blocks, tables, task lists and strikethrough', () => {
    const html = renderMarkdownToHtml(
      [
        '#### Setup',
        '',
        'We used **uv** and *ruff*, see `pyproject.toml`.',
        '',
        '- one',
        '- two',
        '',
        '```python',
        'print("hi")',
        '```',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '- [x] done',
        '',
        '~~old~~ new',
      ].join('\n'),
    );
    expect(html).toContain('<h4>Setup</h4>');
    expect(html).toContain('<strong>uv</strong>');
    expect(html).toContain('<em>ruff</em>');
    expect(html).toContain('<code>pyproject.toml</code>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain('<pre><code class="language-python">print("hi")\n</code></pre>');
    expect(html).toMatch(/<table>[\s\S]*<td>1<\/td>[\s\S]*<\/table>/);
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="done">');
    expect(html).toContain('<del>old</del>');
  });

  it('keeps the raw HTML students use for figures and line breaks', () => {
    const html = renderMarkdownToHtml(
      '<p align="center">\n  <img src="figures/sweep.jpg" width="49%" alt="Sweep" />\n</p>\n\nFirst line<br>second line',
    );
    expect(html).toContain('<p align="center">');
    expect(html).toMatch(/<img src="figures\/sweep.jpg" width="49%" alt="Sweep">/);
    expect(html).toContain('First line<br>second line');
  });

  it('makes footnote links point at footnote ids that exist', () => {
    const html = renderMarkdownToHtml('We used DVC[^1].\n\n[^1]: Data version control.');
    const href = /href="#(user-content-fn-1)"/.exec(html)?.[1];
    expect(href).toBe('user-content-fn-1');
    expect(html).toContain(`id="${href}"`);
  });
});

describe('sanitizing', () => {
  const hostile = [
    '<script>alert("script")</script>',
    '',
    'Text <img src="figures/a.png" onerror="alert(\'onerror\')" onload="alert(1)"> and <span onclick="alert(2)" onmouseover="x()">hover</span>',
    '',
    '[click](javascript:alert(3)) <a href="javascript:alert(4)">a</a> <a href="JaVaScRiPt:alert(5)">b</a> <a href="jav&#x09;ascript:alert(6)">c</a>',
    '',
    '![x](javascript:alert(7)) <img src="data:text/html,<script>alert(8)</script>">',
    '',
    '<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">',
    '',
    '<style>body { display: none }</style><form action="https://evil.example/"><input name="q"></form>',
    '',
    '<svg onload="alert(9)"><circle r="1"/></svg><math><mi xlink:href="javascript:alert(10)">x</mi></math>',
    '',
    '<div style="background:url(https://evil.example/x.png)">styled</div>',
  ].join('\n');

  it('removes <script> elements with their content', () => {
    const html = renderMarkdownToHtml(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert("script")');
  });

  it('removes every event-handler attribute', () => {
    const tree = renderMarkdownToHast(hostile);
    for (const element of elements(tree)) {
      for (const name of Object.keys(element.properties)) expect(name, element.tagName).not.toMatch(/^on/i);
    }
    expect(renderMarkdownToHtml(hostile)).not.toMatch(/\son[a-z]+=/i);
    // The content around them stays.
    expect(renderMarkdownToHtml(hostile)).toContain('hover');
  });

  it('removes javascript: URLs from links and images, however they are spelled', () => {
    const html = renderMarkdownToHtml(hostile);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/jav\s*ascript/i);
    expect(html).toContain('>click</a>');
    expect(html).not.toMatch(/src="data:/);
  });

  it('drops frames, plugins, styles, forms, SVG and inline style attributes', () => {
    const html = renderMarkdownToHtml(hostile);
    for (const tag of ['iframe', 'object', 'embed', 'style', 'form', 'svg', 'math']) {
      expect(html, tag).not.toMatch(new RegExp(`<${tag}\\b`, 'i'));
    }
    // A form field survives only as what GitHub allows: a disabled checkbox.
    for (const input of html.match(/<input\b[^>]*>/g) ?? []) expect(input).toMatch(/^(?=.*\bdisabled\b)(?=.*type="checkbox").*$/);
    expect(html).not.toContain('display: none');
    expect(html).not.toContain('style=');
    expect(html).toContain('styled');
  });

  it('keeps task-list checkboxes, which are the only inputs allowed', () => {
    const html = renderMarkdownToHtml('- [ ] todo\n- [x] done');
    expect(html.match(/<input type="checkbox"( checked)? disabled aria-label="[^"]+">/g)).toHaveLength(2);
  });

  it('names each task box after its item, so a screen reader says which task is ticked', () => {
    const tree = renderMarkdownToHast(
      [
        '* [x] Create a git repository (M5)',
        '* [ ] Use **DVC** for `data`',
        '    * [ ] a nested task',
        '',
        '* [x] A loose item',
        '',
        '  with a second paragraph',
      ].join('\n'),
    );
    const boxes = elements(tree).filter((e) => e.tagName === 'input');
    expect(boxes.map((b) => [b.properties['ariaLabel'], b.properties['checked'] === true])).toEqual([
      ['Create a git repository (M5)', true],
      ['Use DVC for data', false],
      ['a nested task', false],
      ['A loose item with a second paragraph', true],
    ]);
  });
});

describe('images', () => {
  const markdown = '![Loss](figures/loss%20curve.png)\n\n<img src="figures/raw.png" alt="Raw">\n\n![gone](figures/gone.png)';

  it('lists every image source that survives sanitizing, markdown and <img> alike', () => {
    expect(listImageSources(markdown)).toEqual(['figures/loss%20curve.png', 'figures/raw.png', 'figures/gone.png']);
    expect(listImageSources('<img src="javascript:alert(1)">')).toEqual(['']);
  });

  it('points images where the resolver says, after sanitizing (so data: URIs are ours to write)', () => {
    const html = renderMarkdownToHtml(markdown, {
      resolveImage: (src) =>
        src.includes('gone') ? { kind: 'missing', reason: 'file not found' } : { kind: 'url', url: `data:image/png;base64,${btoa(src)}` },
    });
    expect(html).toContain(`<img src="data:image/png;base64,${btoa('figures/loss%20curve.png')}" alt="Loss">`);
    expect(html).toContain(`<img src="data:image/png;base64,${btoa('figures/raw.png')}" alt="Raw">`);
  });

  it('shows a visible placeholder with the path and the reason where an image is missing', () => {
    const tree = renderMarkdownToHast(markdown, {
      resolveImage: (src) => (src.includes('gone') ? { kind: 'missing', reason: 'file not found' } : null),
    });
    const placeholder = elements(tree).find((e) => e.tagName === 'span' && String(e.properties.className).includes('missing-image'));
    expect(placeholder).toBeDefined();
    const html = renderMarkdownToHtml(markdown, {
      resolveImage: (src) => (src.includes('gone') ? { kind: 'missing', reason: 'file not found' } : null),
    });
    expect(html).toContain('Missing image: figures/gone.png');
    expect(html).toContain('file not found. Alt text: “gone”');
    expect(html).not.toMatch(/<img [^>]*src="figures\/gone.png"/);
    expect(html).toMatch(/<img src="figures\/raw.png"/);
  });

  it('tells figure paths from remote and unsupported sources', () => {
    expect(classifyImageSource('figures/loss%20curve.png')).toEqual({ kind: 'relative', path: 'figures/loss curve.png' });
    expect(classifyImageSource('./figures/a.png?raw=true#x')).toEqual({ kind: 'relative', path: './figures/a.png' });
    expect(classifyImageSource('figures\\a.png')).toEqual({ kind: 'relative', path: 'figures/a.png' });
    expect(classifyImageSource('https://x.example/a.png').kind).toBe('remote');
    expect(classifyImageSource('//x.example/a.png').kind).toBe('remote');
    expect(classifyImageSource('data:image/png;base64,AAAA').kind).toBe('unsupported');
    expect(classifyImageSource('file:///etc/passwd').kind).toBe('unsupported');
  });

  it('knows image formats by their bytes', () => {
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffImageType(new TextEncoder().encode('# not an image'))).toBeNull();
  });
});

describe('whole reports', () => {
  it('blanks the Jekyll front matter but keeps line numbers', () => {
    const text = buildReport({ generation: 27 });
    const body = reportBodyMarkdown(text);
    expect(body.split('\n')).toHaveLength(text.split('\n').length);
    expect(body.startsWith('\n\n\n\n')).toBe(true);
    const html = renderMarkdownToHtml(body);
    expect(html).not.toContain('layout: default');
    expect(html.trimStart().startsWith('<h1>Exam template for 02476 Machine Learning Operations</h1>')).toBe(true);
  });

  it('renders what the parsed file holds: the BOM dropped and only a real front matter blanked', () => {
    // The body read from the parse's segments (what reportBodyMarkdown was before it read only the
    // file's head): every variant of BOM, front matter and line ending gives the same body.
    const fromSegments = (text: string) =>
      parseReport(text)
        .segments.filter((s) => s.kind !== 'bom')
        .map((s) => (s.kind === 'frontMatter' ? s.text.replace(/[^\r\n]+/g, '') : s.text))
        .join('');
    const report27 = buildReport({ generation: 27 });
    const variants = [
      report27,
      `\ufeff${report27}`,
      report27.replace(/\n/g, '\r\n'),
      `\ufeff${report27.replace(/\n/g, '\r')}`,
      // Closed by "..." instead of "---".
      report27.replace(/^(---\n(?:.*\n){1,5}?)---\n/, '$1...\n'),
      // Closed only past the 30th line: not a front matter at all.
      `---\n${'key: value\n'.repeat(30)}---\n${buildReport()}`,
      `---\n${'key: value\n'.repeat(28)}---\n${buildReport()}`,
      '---',
      '',
      buildReport(),
      ...(corpusAvailable ? corpusReports().map((f) => f.text) : []),
    ];
    for (const text of variants) expect(reportBodyMarkdown(text)).toBe(fromSegments(text));
    expect(reportBodyMarkdown(`---\n${'key: value\n'.repeat(28)}---\nrest`)).toBe(`${'\n'.repeat(30)}rest`);
  });

  it('marks the blocks that differ on the graded page with a note under each', () => {
    const markdown = 'Intro paragraph.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nLast paragraph.';
    const html = renderMarkdownToHtml(markdown, { notes: [{ line: 4, message: 'Tables are not rendered.' }] });
    expect(html).toMatch(/<table class="graded-diff">[\s\S]*<\/table><aside class="graded-note" role="note"><strong>On the graded page: <\/strong>Tables are not rendered.<\/aside>/);
    expect(html).toContain('<p>Intro paragraph.</p>');
    expect(html).not.toMatch(/<p class="graded-diff">/);
  });

  it.skipIf(!corpusAvailable)('shows exactly the figures the graded page shows, for every real report', () => {
    for (const file of corpusReports()) {
      const graded = readFileSync(file.expectedHtmlPath, 'utf8');
      const gradedImages = new Set([...graded.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => decodeURI(m[1].replace(/&amp;/g, '&'))));
      const ours = new Set(listImageSources(reportBodyMarkdown(file.text)).map((src) => decodeURI(src)));
      expect([...ours].sort(), file.name).toEqual([...gradedImages].sort());
    }
  });

  it.skipIf(!corpusAvailable)('renders every real report without scripts, handlers or javascript: URLs, keeping its answers', () => {
    for (const file of corpusReports()) {
      const html = renderMarkdownToHtml(reportBodyMarkdown(file.text));
      expect(html, file.name).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      // The last answer's first words are in the page.
      const last = file.expected.per_answer[file.expected.per_answer.length - 1]?.text ?? '';
      const words = last.replace(/[^A-Za-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w.length > 3).slice(0, 3);
      for (const word of words) expect(html, `${file.name}: ${word}`).toContain(word);
    }
  });
});
