import { describe, expect, it } from 'vitest';
import { renderGradedAnswer } from '../../src/core/graded';
import { gradedHtmlToHast, hastToHtml as toHtml, MAX_GRADED_VIEW_CHARS } from '../../src/core/render';

describe('the graded page made safe to show', () => {
  it('keeps what Python-Markdown made and drops scripts, handlers and javascript: links', () => {
    const html = renderGradedAnswer(
      '```json\n{"a": 1}\n```\n\n| a | b |\n|---|---|\n\n<script>alert(1)</script>\n\n<img src="figures/a.png" onerror="alert(2)"> [x](javascript:alert(3))',
    );
    expect(html).toContain('<script>');
    const out = toHtml(gradedHtmlToHast(html).tree);
    expect(out).toContain('<p><code>json\n{"a": 1}</code></p>');
    expect(out).toContain('<p>| a | b |\n|---|---|</p>');
    expect(out).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('points images where the host serves them', () => {
    const { tree } = gradedHtmlToHast('<p><img alt="x" src="figures/a.png" /></p>', {
      resolveImage: (src) => ({ kind: 'url', url: `/files/${src}` }),
    });
    expect(toHtml(tree)).toBe('<p><img alt="x" src="/files/figures/a.png"></p>');
  });

  it('shows a page too deep or too large as its source text, saying why', () => {
    const deep = '<div>'.repeat(300) + 'x';
    expect(gradedHtmlToHast(deep).refused).toBe('too-deep');
    expect(toHtml(gradedHtmlToHast(deep).tree)).toMatch(/^<pre>&#x3C;div>/);
    expect(gradedHtmlToHast('a'.repeat(MAX_GRADED_VIEW_CHARS + 1)).refused).toBe('too-large');
    expect(gradedHtmlToHast('<p>ok</p>').refused).toBeNull();
  });
});
