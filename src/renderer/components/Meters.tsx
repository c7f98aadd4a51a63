/**
 * The live word and image meters of one question: the grader's count against the range. They
 * follow every keystroke through the session's live readings and fall back to the last full
 * analysis between edits.
 */
import type { CSSProperties } from 'react';
import type { QuestionView } from '../../core/analyzeReport';
import { formatRange, type Range } from '../../core/constraints';
import { readingOf, type MeterReading } from '../model/meterReading';
import { meterValueText, meterVerdict, VERDICT_MARK, type MeterUnit } from '../model/meterText';
import { useLiveReading } from '../state/liveMeters';
import type { ReportSession } from '../state/reportSession';

function useReading(session: ReportSession, number: number, view: QuestionView | undefined): MeterReading | undefined {
  const live = useLiveReading(session.meters, number);
  return live ?? (view ? readingOf(view) : undefined);
}

type Tone = 'empty' | 'good' | 'bad' | 'neutral';

function toneOf(reading: MeterReading, range: Range | undefined, count: number): Tone {
  if (reading.status === 'empty') return 'empty';
  if (!range) return 'neutral';
  return count < range.min || count > range.max ? 'bad' : 'good';
}

/**
 * A bar from 0 past the maximum, with the allowed zone marked. One element whose background draws
 * the zone and the fill (custom properties set per reading): a keystroke that moves the fill only
 * repaints the bar, with no child boxes to lay out or clip.
 */
function RangeBar({ range, count }: { range: Range; count: number }) {
  const scale = Math.max(range.max * 1.25, range.max + 1, count);
  const pct = (n: number) => `${(Math.min(n, scale) / scale) * 100}%`;
  const style = { '--zone-from': pct(range.min), '--zone-to': pct(range.max), '--fill': pct(count) } as CSSProperties;
  return <span className="meter-bar" aria-hidden="true" style={style} />;
}

/**
 * What assistive technology reads for a meter: a `meter` role with the count and, as its value
 * text, the verdict in words; the visible pieces inside are presentational for it.
 */
function meterAria(unit: MeterUnit, number: number, count: number, range: Range | undefined, reading: MeterReading) {
  const placeholder = reading.status === 'empty';
  return {
    role: 'meter',
    'aria-label': `${unit === 'word' ? 'Words' : 'Images'} in answer ${number}`,
    'aria-valuenow': count,
    'aria-valuemin': 0,
    // A meter's maximum is its scale's end: past the range when the answer is over it.
    'aria-valuemax': Math.max(range?.max ?? count, count),
    'aria-valuetext': `${meterValueText(unit, count, range, placeholder)}${reading.exact ? '' : ' (checking)'}`,
  } as const;
}

/** ↓ ✓ ↑ ○ beside the coloured count: the verdict does not rest on colour alone. */
function VerdictMark({ count, range, reading }: { count: number; range: Range | undefined; reading: MeterReading }) {
  const mark = VERDICT_MARK[meterVerdict(count, range, reading.status === 'empty')];
  return mark ? (
    <span className="meter-mark" aria-hidden="true">
      {mark}
    </span>
  ) : null;
}

interface MeterProps {
  readonly session: ReportSession;
  readonly number: number;
  readonly view: QuestionView | undefined;
}

export function WordMeter({ session, number, view }: MeterProps) {
  const reading = useReading(session, number, view);
  if (!reading) return null;
  const range = view?.constraint.words;
  const tone = toneOf(reading, range, reading.words);
  const graded = view?.graded !== false;
  return (
    <div
      className={`meter meter--${tone}`}
      data-testid={`word-meter-${number}`}
      data-status={reading.status}
      data-count={reading.words}
      data-exact={reading.exact ? 'true' : 'false'}
      {...meterAria('word', number, reading.words, range, reading)}
      title={
        graded
          ? 'Words the course checker counts for this answer (markdown, links and code included)'
          : 'What the checker would count here; right now it stops before grading anything'
      }
    >
      <VerdictMark count={reading.words} range={range} reading={reading} />
      <span className="meter-count">{reading.words}</span>
      <span className="meter-unit">{reading.words === 1 ? 'word' : 'words'}</span>
      <span className="meter-range">{range ? formatRange(range) : 'no limit'}</span>
      {range && <RangeBar range={range} count={reading.words} />}
      {reading.status === 'empty' && <span className="meter-note">placeholder</span>}
      {!reading.exact && <span className="meter-note">checking…</span>}
    </div>
  );
}

export function ImageMeter({ session, number, view }: MeterProps) {
  const reading = useReading(session, number, view);
  const range = view?.constraint.images;
  if (!reading || !range) return null;
  const tone = toneOf(reading, range, reading.images);
  return (
    <div
      className={`meter meter--${tone}`}
      data-testid={`image-meter-${number}`}
      data-status={reading.status}
      data-count={reading.images}
      data-exact={reading.exact ? 'true' : 'false'}
      {...meterAria('image', number, reading.images, range, reading)}
      title="Images the checker counts: ![alt](path) links on one line"
    >
      <VerdictMark count={reading.images} range={range} reading={reading} />
      <span className="meter-count">{reading.images}</span>
      <span className="meter-unit">{reading.images === 1 ? 'image' : 'images'}</span>
      <span className="meter-range">{formatRange(range)}</span>
    </div>
  );
}
