import { describe, expect, it } from 'vitest';
import { EditMismatchError } from '../../src/core/textEdit';
import { ChunkedText } from '../../src/renderer/document/chunkedText';

/** A deterministic pseudo-random sequence (the same edits on every run). */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
}

describe('the text in pieces', () => {
  it('reads and edits exactly as one string would, across piece edges, over thousands of edits', () => {
    const next = random(7);
    let plain = Array.from({ length: 6000 }, (_, i) => `line ${i}\r\n`).join('');
    const chunked = new ChunkedText(plain);
    for (let round = 0; round < 3000; round++) {
      const start = next(plain.length + 1);
      const end = Math.min(plain.length, start + (round % 10 === 0 ? next(40_000) : next(5)));
      const text = round % 7 === 0 ? '' : 'x'.repeat(next(3)) + (round % 5 === 0 ? '\n' : 'y');
      chunked.apply([{ start, end, expect: plain.slice(start, end), text }]);
      plain = plain.slice(0, start) + text + plain.slice(end);
      expect(chunked.length).toBe(plain.length);
      const from = next(plain.length + 1);
      const to = Math.min(plain.length, from + next(50_000));
      expect(chunked.slice(from, to)).toBe(plain.slice(from, to));
      if (round % 500 === 0) expect(chunked.toString()).toBe(plain);
    }
    expect(chunked.toString()).toBe(plain);
  });

  it('applies several edits at once, and none when one no longer reads what it expects', () => {
    const chunked = new ChunkedText('alpha beta gamma');
    chunked.apply([
      { start: 0, end: 5, expect: 'alpha', text: 'A' },
      { start: 11, end: 16, expect: 'gamma', text: 'G' },
    ]);
    expect(chunked.toString()).toBe('A beta G');
    expect(() =>
      chunked.apply([
        { start: 0, end: 1, expect: 'A', text: 'a' },
        { start: 2, end: 6, expect: 'BETA', text: 'b' },
      ]),
    ).toThrow(EditMismatchError);
    expect(chunked.toString()).toBe('A beta G');
  });

  it('holds an empty text', () => {
    const chunked = new ChunkedText('');
    expect(chunked.slice(0, 0)).toBe('');
    chunked.apply([{ start: 0, end: 0, expect: '', text: 'hi' }]);
    expect(chunked.toString()).toBe('hi');
  });
});
