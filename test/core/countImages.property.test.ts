/**
 * The checker's image count (`len(re.findall(r"\!\[.*?\]\(.*?\)", text))`) is computed by a
 * linear scan instead of the backtracking regex, which is cubic on hostile lines. The regex itself,
 * with Python's `.` (anything but `\n`), is the oracle: on short strings it is fast and exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countImages } from '../../src/core/pythonText';

const ORACLE = /!\[[^\n]*?\]\([^\n]*?\)/g;
const oracle = (text: string) => [...text.matchAll(ORACLE)].length;

/** Strings over the characters the pattern cares about, plus a letter, a space, CR and LF. */
const patternText = (maxLength: number) =>
  fc.array(fc.constantFrom('!', '[', ']', '(', ')', 'a', ' ', '\n', '\r', '!['), { maxLength }).map((parts) => parts.join(''));

describe("countImages agrees with the checker's regex", () => {
  it('on random strings over `![]()a \\n`', () => {
    fc.assert(
      fc.property(patternText(40), (text) => countImages(text) === oracle(text)),
      { numRuns: 20_000 },
    );
  });

  it('on random lines of image-link pieces, many lines long', () => {
    const piece = fc.constantFrom('![a](b)', '![a](', '](', ')', '![', '[x]', '(y)', '\n', ' ', '![](', ']', '!');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        return countImages(text) === oracle(text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('on the cases the checker meets in real reports', () => {
    for (const text of [
      '![a](figures/a.png) and ![b](b.jpg)',
      '![a](b) ![c](d)\n![e](f)',
      '![a](b(c)d)',
      '![![a](b)](c)',
      '![a]](b)',
      '![a] (b)',
      '![a](b',
      '![a](b\n)',
      '`![in code](figures/a.png)`',
      '![a\r](b)',
    ]) {
      expect(countImages(text), text).toBe(oracle(text));
    }
  });

  it('takes linear time on one line of `![a](` (cubic for the regex: seconds at 10 kB)', () => {
    // A hang test, not a timing test: 2 MB of the worst line and 2 MB of short lines end well
    // within the bound; the regex would need hours.
    const started = Date.now();
    expect(countImages('![a]('.repeat(400_000))).toBe(0);
    expect(countImages(`${'![a]('.repeat(400_000)})`)).toBe(1);
    expect(countImages('![a](\n'.repeat(330_000))).toBe(0);
    expect(countImages('![a](b)\n'.repeat(250_000))).toBe(250_000);
    expect(countImages(`${'!['.repeat(500_000)}\n${'](x)'.repeat(250_000)}`)).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
