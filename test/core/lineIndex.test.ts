import { describe, expect, it } from 'vitest';
import { lineCounter } from '../../src/core/lineIndex';

/** Line of each offset, counted the slow and obvious way. */
function expectedLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  for (let i = 0; i <= text.length; i++) {
    out.push(line);
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
  }
  return out;
}

describe('lineCounter', () => {
  it.each([
    ['only \\n', 'a\nbb\n\nccc\n'],
    ['\\r\\n', 'a\r\nbb\r\n\r\nccc'],
    ['a lone \\r and mixed endings', 'a\rbb\r\n\nc\r\rd'],
    ['no line break', 'abc'],
    ['empty', ''],
  ])('numbers lines as parseReport splits them (%s)', (_name, text) => {
    const lineOf = lineCounter(text);
    expect([...Array(text.length + 1).keys()].map(lineOf)).toEqual(expectedLines(text));
  });

  it('answers for the text it was built for when several texts alternate', () => {
    const a = lineCounter('x\ny\nz');
    const b = lineCounter('x\r\ny');
    const again = lineCounter('x\ny\nz');
    expect([a(4), b(4), again(4)]).toEqual([3, 2, 3]);
  });
});
