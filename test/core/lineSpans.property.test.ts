/**
 * The figure scanners' line splitting (`linesOf`) and reference definitions (`definitionsOf`) find
 * line breaks with native searches instead of reading every character (a cold `check` runs them in
 * V8's interpreter), and `definitionsOf` reads only lines holding `]:`. The oracles read every
 * character, and every line for a definition (through the same per-line `definitionOn`): same
 * lines, same definitions, on any mix of `\n`, `\r`, `\r\n` and link syntax, for any range of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf, type LineSpan } from '../../src/core/figures/lineSpans';
import { definitionOn, definitionsOf, type Definition } from '../../src/core/figures/linkDefinitions';

/** Character by character: a line ends at \n, \r or \r\n. */
function oracleLines(text: string, from: number, to: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let pos = from;
  while (pos < to) {
    let end = pos;
    while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
    lines.push({ start: pos, end });
    if (end >= to) break;
    pos = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lines;
}

/** Every line read for a definition (no `]:` shortcut), the first of each label winning. */
function oracleDefinitions(text: string): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  for (const line of oracleLines(text, 0, text.length)) {
    const found = definitionOn(text, line);
    if (found && !defs.has(found.label)) defs.set(found.label, found.definition);
  }
  return defs;
}

const piece = fc.constantFrom('\n', '\r', '\r\n', '\n\r', 'a', ' ', '[x]: fig.png', '[X]:', ']:', '[', ']', ':', '<a b>', '   ', '\\]', 'word');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('line spans and link definitions agree with reading every character', () => {
  it('linesOf, over the whole text and over any range of it', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        expect(linesOf(t, 0, t.length)).toEqual(oracleLines(t, 0, t.length));
        const from = t.length === 0 ? 0 : a % (t.length + 1);
        const to = from + (t.length === 0 ? 0 : b % (t.length - from + 1));
        expect(linesOf(t, from, to)).toEqual(oracleLines(t, from, to));
      }),
      { numRuns: 5_000 },
    );
  });

  it('definitionsOf', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect([...definitionsOf(t)]).toEqual([...oracleDefinitions(t)]);
      }),
      { numRuns: 5_000 },
    );
  });

  it('stays linear on long texts with few breaks of one kind', () => {
    // One \r at the very end, 200,000 lines before it, each with a `]:` that is no definition.
    const long = `${'a ]: b\n'.repeat(200_000)}\r`;
    const started = performance.now();
    expect(linesOf(long, 0, long.length)).toHaveLength(200_001);
    expect(definitionsOf(long).size).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000); // quadratic would take minutes
  });
});
