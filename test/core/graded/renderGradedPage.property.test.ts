/**
 * The renderer runs on every idle tick while a student types, on whatever text is there: it must
 * never throw and never hang. Arbitrary text, report-like text, and 2 MB of hostile text (long
 * runs and mixtures of the characters Markdown reacts to, deep quote and list nesting). The time
 * bound is a generous hang detector, not a benchmark (that is `npm run bench`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderGradedPage } from '../../../src/core';

const markdownish = fc.constantFrom(
  '- item', '1. one', '    code', '# h', 'Title', '===', '---', '> quote', '[id]: http://x "t"', '[a](b "c")', '![i](f.png)',
  '`c`', '```', '*e*', '**s**', '_u_', '<div>', '</div>', '<!-- c -->', '<!--', '&amp;', '&#x;', '\\*', '  ', '<http://a>',
  '<a@b>', '<script>', '<p align="center">', '<hr>', '<?x', '<!x', '|a|b|', '',
);
const reportish = fc
  .array(fc.oneof(markdownish, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

describe('renderGradedPage never throws', () => {
  it('on any unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (t) => typeof renderGradedPage(t) === 'string'),
      { numRuns: 400 },
    );
  });

  it('on random mixtures of Markdown constructs and noise', () => {
    fc.assert(fc.property(reportish, (t) => typeof markdownToHtml(t) === 'string'), { numRuns: 600 });
  });

  it('on strings of the characters Markdown reacts to', () => {
    const special = fc.string({ unit: fc.constantFrom(...'*_[]()`<>!#-+.:\\&"\' \n\t=/'), maxLength: 300 });
    fc.assert(fc.property(special, (t) => typeof markdownToHtml(t) === 'string'), { numRuns: 600 });
  });
});

/** A deterministic 2 MB mixture of `alphabet` (so a slow case is reproducible). */
function mixture(alphabet: string, length: number): string {
  let seed = 7;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}

const MB2 = 2_000_000;
const HOSTILE: [string, () => string][] = [
  ['a line of *', () => '*'.repeat(MB2)],
  ['a line of _', () => '_'.repeat(MB2)],
  ['a line of [', () => '['.repeat(MB2)],
  ['a line of `', () => '`'.repeat(MB2)],
  ['a line of <', () => '<'.repeat(MB2)],
  ['a line of >', () => '>'.repeat(MB2)],
  ['a mixture of * _ [ ` < >', () => mixture('*_[`<>', MB2)],
  ['a mixture with spaces, brackets and newlines', () => mixture('*_[]()`<> !\\\n-#', MB2)],
  ['`<a` repeated', () => '<a'.repeat(MB2 / 2)],
  ['`[](` repeated', () => '[]('.repeat(MB2 / 3)],
  ['`_a ` repeated', () => '_a '.repeat(MB2 / 3)],
  ['`&#` repeated', () => '&#'.repeat(MB2 / 2)],
  ['quotes nested 300 deep, many times', () => Array.from({ length: 20_000 }, (_, i) => `${'>'.repeat(i % 300)} a`).join('\n')],
  ['lists nested 50 deep, many times', () => Array.from({ length: 40_000 }, (_, i) => `${' '.repeat((i % 50) * 4)}- item`).join('\n')],
];

describe('renderGradedPage on 2 MB of hostile text', () => {
  for (const [name, make] of HOSTILE) {
    it(`finishes ${name} in well under a few seconds`, () => {
      const text = make();
      const start = performance.now();
      const html = markdownToHtml(text);
      const elapsed = performance.now() - start;
      expect(html.length).toBeGreaterThan(0);
      // A hang detector, not a timing test: vitest runs files in parallel on a shared 2-core machine.
      // Python-Markdown itself takes minutes or never finishes on several of these.
      expect(elapsed).toBeLessThan(15_000);
    });
  }
});
