/**
 * What the course's checker enforces, question by question, and the quirks of how it finds
 * answers. Both differ between the 27- and 31-question generations of `report.py`.
 */

export type Generation = 27 | 31;

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** The constraints of one question; a question with neither is unconstrained. */
export interface QuestionConstraint {
  readonly words?: Range;
  readonly images?: Range;
}

export type ConstraintSource =
  | { readonly kind: 'course-default'; readonly description: string }
  | { readonly kind: 'report.py'; readonly path?: string };

/** Everything needed to reproduce one `report.py check`. */
export interface CheckerProfile {
  readonly generation: Generation;
  readonly expectedAnswers: number;
  /** Code points removed from the start before splitting (`text = text[43:]`), 0 if none. */
  readonly headerChars: number;
  /**
   * How the text before the first `Answer:` is discarded: the 31-question checker pops the first
   * piece before filtering (`per_question.pop(0)`), the 27-question one drops the first *kept*
   * answer afterwards (`answers = answers[1:]`).
   */
  readonly discardFirst: 'piece' | 'answer';
  /** The exception text the checker raises when the answer count is off, as Python prints it. */
  readonly countError: string;
  readonly questions: readonly QuestionConstraint[];
  readonly source: ConstraintSource;
}

const words = (min: number, max: number): QuestionConstraint => ({ words: { min, max } });
const images = (min: number, max: number): QuestionConstraint => ({ images: { min, max } });
const both = (w: [number, number], i: [number, number]): QuestionConstraint => ({
  words: { min: w[0], max: w[1] },
  images: { min: i[0], max: i[1] },
});
const none: QuestionConstraint = {};

/** The course's current 31-question table (report.py of the 2026-01 template). */
export const COURSE_PROFILE_31: CheckerProfile = {
  generation: 31,
  expectedAnswers: 31,
  headerChars: 0,
  discardFirst: 'piece',
  countError:
    'ValueError: Number of answers are different from the expected 31. Have you changed the template?',
  questions: [
    none, none, words(0, 200), words(100, 200), words(100, 200), words(100, 200), words(50, 100),
    words(100, 200), words(100, 200), words(100, 200), words(200, 300), words(50, 100),
    words(100, 200), both([200, 300], [1, 3]), words(100, 200), words(100, 200), words(50, 200),
    words(100, 200), images(1, 2), images(1, 2), images(1, 2), words(100, 200), words(100, 200),
    words(100, 200), words(100, 200), words(100, 200), words(100, 200), words(0, 200),
    both([200, 400], [1, 1]), words(200, 400), words(50, 300),
  ],
  source: { kind: 'course-default', description: "the course's current 31-question report.py" },
};

/** The course's 27-question table (the last report.py of that generation). */
export const COURSE_PROFILE_27: CheckerProfile = {
  generation: 27,
  expectedAnswers: 27,
  headerChars: 43,
  discardFirst: 'answer',
  countError:
    'ValueError: Number of answers are different from the expected 27. Have you filled out every field?',
  questions: [
    none, none, words(100, 200), words(100, 200), words(100, 200), words(50, 100), words(50, 100),
    words(100, 200), words(100, 200), words(100, 200), words(200, 300), words(50, 100),
    words(100, 200), both([200, 300], [1, 3]), words(100, 200), words(100, 200), words(50, 200),
    words(100, 200), images(1, 2), images(1, 1), images(1, 1), words(100, 200), words(100, 200),
    words(25, 100), both([200, 400], [1, 1]), words(200, 400), words(50, 200),
  ],
  source: { kind: 'course-default', description: "the course's 27-question report.py" },
};

export function courseProfile(generation: Generation): CheckerProfile {
  return generation === 27 ? COURSE_PROFILE_27 : COURSE_PROFILE_31;
}

export function formatRange(range: Range): string {
  return range.min === range.max ? `exactly ${range.min}` : `${range.min}–${range.max}`;
}

/** A count with its unit, singular for one: `1 word`, `0 images`, `30 answers`. */
export const countOf = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** What `range` asks for, with its unit: `100–200 words`, `exactly 1 image`. */
export const formatNeed = (range: Range, kind: 'words' | 'images'): string =>
  range.min === range.max ? `exactly ${countOf(range.min, kind.slice(0, -1))}` : `${formatRange(range)} ${kind}`;
