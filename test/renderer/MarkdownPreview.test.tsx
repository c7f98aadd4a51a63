import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findGradedPageDifferencesInMarkdown } from '../../src/core/gradedPage';
import { MarkdownPreview } from '../../src/renderer/preview/MarkdownPreview';

const imageUrl = (path: string) => `/figures/${encodeURIComponent(path)}?token=t`;

describe('MarkdownPreview', () => {
  it('renders an answer through the sanitized pipeline, figures through the host route', () => {
    const html = renderToStaticMarkup(
      <MarkdownPreview
        markdown={'We used **DVC**.\n\n![Loss](figures/loss%20curve.png)\n\n<img src="x" onerror="alert(1)"><script>alert(2)</script>\n\n[bad](javascript:alert(3))'}
        imageUrl={imageUrl}
      />,
    );
    expect(html).toContain('<div class="report-body" data-testid="markdown-preview">');
    expect(html).toContain('<strong>DVC</strong>');
    expect(html).toContain(`<img src="/figures/${encodeURIComponent('figures/loss curve.png')}?token=t" alt="Loss"/>`);
    expect(html).not.toMatch(/onerror|<script|javascript:/i);
  });

  it('shows placeholders for remote figures and for paths the host will not serve', () => {
    const html = renderToStaticMarkup(
      <MarkdownPreview markdown={'![r](https://example.com/a.png) ![o](../outside.png)'} imageUrl={(p) => (p.startsWith('..') ? null : imageUrl(p))} />,
    );
    expect(html).toContain('Missing image: https://example.com/a.png');
    expect(html).toContain('Missing image: ../outside.png');
    expect(html).not.toContain('<img');
  });

  it('marks where the graded page differs, with what it will show', () => {
    const markdown = 'Our services:\n- Buckets\n- Cloud Run';
    const notes = findGradedPageDifferencesInMarkdown(markdown);
    const html = renderToStaticMarkup(<MarkdownPreview markdown={markdown} imageUrl={imageUrl} notes={notes} />);
    expect(html).toMatch(/<ul class="graded-diff">[\s\S]*<\/ul><aside class="graded-note" role="note"><strong>On the graded page: <\/strong>This list follows a paragraph line/);
  });
});
