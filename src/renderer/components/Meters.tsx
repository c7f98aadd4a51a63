/**
 * The live word and image meters of one question: the grader's count against the range. They
 * follow every keystroke through the session's live readings and fall back to the last full
 * analysis between edits.
 */
import type { QuestionView } from '../../core/analyzeReport';
import { formatRange, type Range } from '../../core/constraints';
import { readingOf, type MeterReading } from '../model/meterReading';
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

/** A bar from 0 past the maximum, with the allowed zone marked. */
function RangeBar({ range, count }: { range: Range; count: number }) {
  const scale = Math.max(range.max * 1.25, range.max + 1, count);
  const pct = (n: number) => `${(Math.min(n, scale) / scale) * 100}%`;
  return (
    <span className="meter-bar" aria-hidden="true">
      <span
        className="meter-zone"
        style={{ left: pct(range.min), width: `calc(${pct(range.max)} - ${pct(range.min)})` }}
      />
      <span className="meter-fill" style={{ width: pct(count) }} />
    </span>
  );
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
      title={
        graded
          ? 'Words the course checker counts for this answer (markdown, links and code included)'
          : 'What the checker would count here; right now it stops before grading anything'
      }
    >
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
      title="Images the checker counts: ![alt](path) links on one line"
    >
      <span className="meter-count">{reading.images}</span>
      <span className="meter-unit">{reading.images === 1 ? 'image' : 'images'}</span>
      <span className="meter-range">{formatRange(range)}</span>
    </div>
  );
}
