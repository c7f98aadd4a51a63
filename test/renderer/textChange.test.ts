import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalChange } from '../../src/renderer/model/textChange';

const apply = (text: string, change: ReturnType<typeof minimalChange>) =>
  change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;

describe('minimalChange', () => {
  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(apply(a, minimalChange(a, b))).toBe(b);
      }),
    );
  });

  it('touches only the changed middle, so a cursor before or after it keeps its place', () => {
    expect(minimalChange('one two three', 'one 2 three')).toEqual({ from: 4, to: 7, insert: '2' });
    expect(minimalChange('same', 'same')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const change = minimalChange('a😀b', 'a😁b')!;
    expect(change.from).toBe(1);
    expect(change.insert).toBe('😁');
  });
});
