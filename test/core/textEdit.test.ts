import { describe, expect, it } from 'vitest';
import { applyEdits, EditMismatchError } from '../../src/core/textEdit';

describe('applyEdits', () => {
  const text = 'one two three';
  it('applies edits given in any order against the original offsets', () => {
    const out = applyEdits(text, [
      { start: 0, end: 3, expect: 'one', text: '1' },
      { start: 8, end: 13, expect: 'three', text: '3' },
      { start: 4, end: 7, expect: 'two', text: 'TWO' },
    ]);
    expect(out).toBe('1 TWO 3');
  });
  it('counts identical edits once', () => {
    const e = { start: 4, end: 7, expect: 'two', text: '2' };
    expect(applyEdits(text, [e, { ...e }])).toBe('one 2 three');
  });
  it('refuses an edit whose range no longer reads what it expects', () => {
    expect(() => applyEdits(text, [{ start: 4, end: 7, expect: 'six', text: '6' }])).toThrow(EditMismatchError);
  });
  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits(text, [
        { start: 0, end: 7, expect: 'one two', text: 'x' },
        { start: 4, end: 13, expect: 'two three', text: 'y' },
      ]),
    ).toThrow(EditMismatchError);
  });
  it('inserts at an empty range', () => {
    expect(applyEdits(text, [{ start: 3, end: 3, expect: '', text: ',' }])).toBe('one, two three');
  });
});
