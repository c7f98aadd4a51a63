import { describe, expect, it } from 'vitest';
import { gradedImages, replaceGradedImageSources } from '../../../src/core/graded';

describe('images of a graded page', () => {
  it('finds the serializer\'s images and raw ones in any quoting, decoding character references', () => {
    const page =
      '<p><img alt="a src=&quot;x&quot; &amp; b" src="figures/a&amp;b.png" /> <IMG SRC=\'figures/c.png\' width="5"><img src=figures/d.png></p>\n';
    expect(gradedImages(page).map((i) => [i.src, i.quote])).toEqual([
      ['figures/a&b.png', '"'],
      ['figures/c.png', "'"],
      ['figures/d.png', ''],
    ]);
  });

  it('skips commented-out images and images without a source', () => {
    expect(gradedImages('<!-- <img src="a.png"> --><img alt="x" /><img src="b.png">').map((i) => i.src)).toEqual(['b.png']);
    expect(gradedImages('<!-- <img src="a.png">')).toEqual([]);
  });

  it('replaces only the source values, escaping each for its quoting', () => {
    const page = '<p><img alt="q" src="a.png" /><img src=\'b.png\'><img src=c.png></p>';
    expect(replaceGradedImageSources(page, (src) => (src === 'c.png' ? 'x y"' : `data:${src}'&"`))).toBe(
      '<p><img alt="q" src="data:a.png\'&amp;&quot;" /><img src=\'data:b.png&#39;&amp;"\'><img src=x&#32;y&#34;></p>',
    );
    expect(replaceGradedImageSources(page, () => null)).toBe(page);
    // A replaced value holding ">" does not hide the images after it.
    const once = replaceGradedImageSources(page, () => 'data:image/svg+xml,<svg>a</svg>');
    expect(gradedImages(once)).toHaveLength(3);
  });

  it('stays linear on hostile pages', () => {
    const hostile = '<img "'.repeat(200_000) + '<img alt=\'' + 'x'.repeat(500_000);
    const started = performance.now();
    gradedImages(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
