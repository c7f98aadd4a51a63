/**
 * What a meter says in words — to a screen reader (its `aria-valuetext`) and beside the coloured
 * count (a mark), so the verdict never rests on colour alone: "83 words, needs 100 to 200".
 */
import type { Range } from '../../core/constraints';

export type MeterUnit = 'word' | 'image';

/** Where a count stands against its range: the visible mark and the words for it. */
export type MeterVerdict = 'placeholder' | 'under' | 'over' | 'within' | 'no-limit';

export function meterVerdict(count: number, range: Range | undefined, placeholder: boolean): MeterVerdict {
  if (placeholder) return 'placeholder';
  if (!range) return 'no-limit';
  if (count < range.min) return 'under';
  if (count > range.max) return 'over';
  return 'within';
}

/** The mark shown next to the count (the navigator's own symbols: ↓ too short, ↑ too long, ✓ ok, ○ not answered). */
export const VERDICT_MARK: Record<MeterVerdict, string> = {
  placeholder: '○',
  under: '↓',
  over: '↑',
  within: '✓',
  'no-limit': '',
};

const plural = (count: number, unit: MeterUnit) => `${count} ${unit}${count === 1 ? '' : 's'}`;

function rangeWords(range: Range): string {
  return range.min === range.max ? `exactly ${range.min}` : `${range.min} to ${range.max}`;
}

/** "83 words, needs 100 to 200"; "150 words, within 100 to 200"; "3 images, at most 2 allowed"… */
export function meterValueText(unit: MeterUnit, count: number, range: Range | undefined, placeholder: boolean): string {
  const counted = plural(count, unit);
  const verdict = meterVerdict(count, range, placeholder);
  if (!range || verdict === 'no-limit') return `${counted}, no limit`;
  switch (verdict) {
    case 'placeholder':
      return `not answered yet (the placeholder counts ${counted}), needs ${rangeWords(range)}`;
    case 'under':
      return `${counted}, needs ${rangeWords(range)}`;
    case 'over':
      return `${counted}, too many: needs ${rangeWords(range)}`;
    case 'within':
      return `${counted}, within ${rangeWords(range)}`;
  }
}
