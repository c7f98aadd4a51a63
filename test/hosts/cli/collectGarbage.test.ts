/**
 * `doctor --fix` collects each phase's garbage on a huge report (V8 would let the heap grow to four
 * times what is live first). The collection must really free memory, also where the process was
 * started without `--expose-gc` (the `report-editor` binary is; so is this test's worker).
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/hosts/cli/collectGarbage';

const MB = 1024 * 1024;

describe('collectGarbage', () => {
  it('frees an unreachable structure of ~100 MB at once, without --expose-gc', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc, 'the worker runs without --expose-gc').toBe('undefined');
    // Long-lived enough to reach the old generation, as a diagnosis's lines and parse do.
    let held: { i: number; s: string }[] | null = Array.from({ length: 1_500_000 }, (_, i) => ({ i, s: `line ${i}` }));
    const before = process.memoryUsage().heapUsed;
    expect(held.length).toBe(1_500_000);
    held = null;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    expect(before - after, `heap before ${Math.round(before / MB)} MB, after ${Math.round(after / MB)} MB`).toBeGreaterThan(60 * MB);
  });
});
