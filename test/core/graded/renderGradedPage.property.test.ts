/**
 * The renderer runs on every idle tick while a student types, on whatever text is there: it must
 * never throw and never hang. Arbitrary text, report-like text, and 2 MB of hostile text (long
 * runs and mixtures of the characters Markdown reacts to, deep quote and list nesting). The time
 * bound is a generous hang detector, not a benchmark (that is `npm run bench`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderGradedPage } from '../../../src/core';
import { corpusAvailable, corpusFiles } from '../../support/corpus';

const markdownish = fc.constantFrom(
  '- item', '1. one', '    code', '# h', 'Title', '===', '---', '> quote', '[id]: http://x "t"', '[a](b "c")', '![i](f.png)',
  '`c`', '```', '*e*', '**s**', '_u_', '<div>', '</div>', '<!-- c -->', '<!--', '&amp;', '&#x;', '\\*', '  ', '<http://a>',
  '<a@b>', '<script>', '<p align="center">', '<hr>', '<?x', '<!x', '|a|b|', '',
);
const reportish = fc
  .array(fc.oneof(markdownish, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

/**
 * A hang bound for one small input (a few hundred characters render in well under a millisecond):
 * generous for a loaded machine, far below what a runaway scan of such an input would take.
 */
const SMALL_INPUT_BOUND_MS = 2_000;

/** Renders `t` with `render` and says whether it returned a string within the hang bound. */
function rendersInTime(render: (t: string) => string, t: string): boolean {
  const start = performance.now();
  const html = render(t);
  return typeof html === 'string' && performance.now() - start < SMALL_INPUT_BOUND_MS;
}

describe('renderGradedPage never throws and never hangs', () => {
  it('on any unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (t) => rendersInTime(renderGradedPage, t)),
      { numRuns: 400 },
    );
  });

  it('on random mixtures of Markdown constructs and noise', () => {
    fc.assert(fc.property(reportish, (t) => rendersInTime(markdownToHtml, t)), { numRuns: 600 });
  });

  it('on strings of the characters Markdown reacts to', () => {
    const special = fc.string({ unit: fc.constantFrom(...'*_[]()`<>!#-+.:\\&"\' \n\t=/'), maxLength: 300 });
    fc.assert(fc.property(special, (t) => rendersInTime(markdownToHtml, t)), { numRuns: 600 });
  });
});

describe('renderGradedPage takes linear time on report-like text', () => {
  // The real reports repeated to 1 MB and to 10 MB: ten times the text must not take thirty times
  // as long (a quadratic pass would take ~100x). CPU time of runs back to back in this process, so
  // the load of a shared machine largely cancels out. Not a speed test (that is `npm run bench`,
  // where 20 MB takes a few seconds); sizes kept small enough for `npm test`.
  it.skipIf(!corpusAvailable)('10 MB takes at most 30x the CPU time of 1 MB', () => {
    const reports = corpusFiles()
      .map((f) => f.text.slice(43))
      .join('\n\n');
    const sized = (bytes: number) => `${'x'.repeat(43)}${reports.repeat(Math.ceil(bytes / reports.length)).slice(0, bytes)}`;
    const cpuMs = (text: string) => {
      const before = process.cpuUsage();
      const html = renderGradedPage(text);
      const used = process.cpuUsage(before);
      expect(html.length).toBeGreaterThan(text.length / 2);
      return (used.user + used.system) / 1000;
    };
    cpuMs(sized(200_000)); // warm-up: the measured runs use compiled code
    const smallMs = cpuMs(sized(1_000_000));
    const largeMs = cpuMs(sized(10_000_000));
    expect(largeMs / smallMs, `CPU for 1 MB: ${smallMs.toFixed(0)} ms, for 10 MB: ${largeMs.toFixed(0)} ms`).toBeLessThan(30);
  }, 600_000);
});
