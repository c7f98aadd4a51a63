import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../../src/hosts/cli/jsonOut';

function written(value: Record<string, unknown>): string {
  const lines: string[] = [];
  writeJson(value, (line) => lines.push(`${line}\n`));
  return lines.join('');
}

describe('--json written piece by piece', () => {
  it('is byte for byte what JSON.stringify(value, null, 2) prints', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the shape of a verdict: empty arrays, nulls, nested objects, undefined keys left out', () => {
    const value = {
      error: null,
      failures: [],
      warnings: [{ kind: 'x', line: 3, nested: { a: [1, 2] } }],
      skipped: undefined,
    };
    expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('writes a long array one element per call, never the whole array as one string', () => {
    const calls: string[] = [];
    writeJson({ warnings: Array.from({ length: 1000 }, (_, i) => ({ i })) }, (line) => calls.push(line));
    expect(calls.length).toBe(1004); // {, "warnings": [, 1000 elements, ], }
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThan(40);
  });
});
