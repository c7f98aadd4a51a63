import { describe, expect, it } from 'vitest';
import { meterValueText, meterVerdict, VERDICT_MARK } from '../../src/renderer/model/meterText';

describe('what a meter says in words', () => {
  const words = { min: 100, max: 200 };
  it('says the count and what the checker needs, not a colour', () => {
    expect(meterValueText('word', 83, words, false)).toBe('83 words, needs 100 to 200');
    expect(meterValueText('word', 150, words, false)).toBe('150 words, within 100 to 200');
    expect(meterValueText('word', 201, words, false)).toBe('201 words, too many: needs 100 to 200');
    expect(meterValueText('word', 1, words, false)).toBe('1 word, needs 100 to 200');
    expect(meterValueText('word', 6, words, true)).toBe('not answered yet (the placeholder counts 6 words), needs 100 to 200');
    expect(meterValueText('image', 0, { min: 1, max: 1 }, false)).toBe('0 images, needs exactly 1');
    expect(meterValueText('word', 40, undefined, false)).toBe('40 words, no limit');
  });

  it('puts a mark beside the coloured count for each verdict at the range edges', () => {
    expect([99, 100, 200, 201].map((n) => VERDICT_MARK[meterVerdict(n, words, false)])).toEqual(['↓', '✓', '✓', '↑']);
    expect(VERDICT_MARK[meterVerdict(500, words, true)]).toBe('○');
  });
});
