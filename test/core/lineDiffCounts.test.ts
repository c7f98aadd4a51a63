import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff, lineDiffCounts } from '../../src/core/doctor';

const counted = (before: string, after: string) => {
  const diff = lineDiff(before, after);
  return {
    added: diff.filter((d) => d.kind === 'added').length,
    removed: diff.filter((d) => d.kind === 'removed').length,
  };
};

describe('the lines a repair adds and removes, counted without a diff', () => {
  it('agree with the line diff on random edits of random texts', () => {
    const line = fc.constantFrom('### Question 1', '> Answer:', '', 'text', 'more text', '**bold**');
    const text = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(text, text, eol, (before, after, ending) => {
        const a = before.replaceAll('\n', ending);
        expect(lineDiffCounts(a, after)).toEqual(counted(a, after));
      }),
      { numRuns: 400 },
    );
  });

  it('agree with the line diff on a repair too large to align (3 000 lines inserted among 3 000)', () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `### Question ${i}`).join('\n');
    const after = before.replaceAll('\n', '\n> Answer:\n');
    expect(lineDiffCounts(before, after)).toEqual(counted(before, after));
    expect(lineDiffCounts(before, after)).toEqual({ added: 5_997, removed: 2_998 });
  });
});
