/**
 * The text of a link goes through the inline patterns that come after the link pattern (images,
 * references, emphasis…), and the tree walk later runs every pattern on the texts of its children:
 * a clickable image (a README badge) is an image inside a link, and even a link inside a link's
 * text is made (nested anchors). Expected HTML is what Debian's Python-Markdown 3.4.1 returned for
 * each input (`markdown.markdown(text)`, a fresh process per input).
 */
import { describe, expect, it } from 'vitest';
import { renderCpuMs } from './renderCpu';
import { rendersAsPython } from './pythonCases';

const PYTHON: [string, string][] = [
  ['[![alt](figures/a.png)](http://x)', '<p><a href="http://x"><img alt="alt" src="figures/a.png" /></a></p>'],
  [
    '[![build](https://img.shields.io/badge/a.svg)](https://github.com/o/r/actions) [![cov](c.svg "Coverage")](https://codecov.io)',
    '<p><a href="https://github.com/o/r/actions"><img alt="build" src="https://img.shields.io/badge/a.svg" /></a> <a href="https://codecov.io"><img alt="cov" src="c.svg" title="Coverage" /></a></p>',
  ],
  ['[![a][img]](h)\n\n[img]: i.png "T"', '<p><a href="h"><img alt="a" src="i.png" title="T" /></a></p>'],
  // A short reference in the text of a link: anchors nested in anchors, as Python writes them.
  ['[[1]]()\n[1]:h', '<p><a href=""><a href="h">1</a></a></p>'],
  // The link pattern itself is not run again on the link's text…
  ['[see [this](http://a)](http://b)', '<p><a href="http://b">see [this](http://a)</a></p>'],
  ['[a [b](c) *d* ![e](f)](g)', '<p><a href="g">a [b](c) <em>d</em> <img alt="e" src="f" /></a></p>'],
  // …but it is on the text of an element made inside it, when the tree walk reaches that element.
  ['[*[x](y)*](z)', '<p><a href="z"><em><a href="y">x</a></em></a></p>'],
];

rendersAsPython('links and images inside the text of a link, as Python-Markdown 3.4.1 makes them', PYTHON);

describe('a line of clickable images', () => {
  // Each link's text is searched with the bracket patterns too; the outer line's pairs of
  // brackets must survive that, or they are found again for every badge: 200 kB took 33 s.
  it('four times as long costs far less than sixteen times the CPU', () => {
    const badges = (n: number): string => '[![a](b.svg)](c) '.repeat(n);
    renderCpuMs(badges(2_000)); // warm-up
    const smallMs = Math.min(renderCpuMs(badges(6_000)), renderCpuMs(badges(6_000)));
    const largeMs = Math.min(renderCpuMs(badges(24_000)), renderCpuMs(badges(24_000)));
    expect(
      largeMs / smallMs,
      `CPU for 6k badges: ${smallMs.toFixed(0)} ms, 24k: ${largeMs.toFixed(0)} ms`,
    ).toBeLessThan(8);
  }, 120_000);
});
