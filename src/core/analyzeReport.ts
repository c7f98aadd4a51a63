/**
 * The per-question view: for each `### Question N` heading, what the grader will count for that
 * question, and a warning wherever the checker's positional split disagrees with the structure the
 * student sees (answers cut short by a heading, missing or extra `Answer:`, answers landing on the
 * wrong question, placeholders left in).
 */
import { type CheckResult, checkReport, officialAnswers, type OfficialAnswer } from './checkReport';
import type { CheckerProfile, QuestionConstraint } from './constraints';
import { lineCounter } from './lineIndex';
import { parseReport } from './parseReport';
import { countImages, countWords, normalizeNewlines, stripNewlines } from './pythonText';
import { placeholderFor, type ReportDocument } from './reportModel';
import { foldRepeatedWarnings } from './repeatedWarnings';

export type WarningKind =
  | 'cut-by-heading'
  | 'missing-answer-marker'
  | 'extra-answer-marker'
  | 'shifted'
  | 'placeholder'
  | 'missing-question'
  | 'duplicate-question';

export interface ReportWarning {
  readonly kind: WarningKind;
  readonly question: number | null;
  /** 1-based line in the file where the problem is, when there is one place. */
  readonly line: number | null;
  readonly message: string;
}

export type QuestionStatus =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'images-missing'
  | 'too-many-images'
  | 'warning'
  | 'ok';

export interface QuestionView {
  readonly number: number;
  readonly section: string | null;
  readonly constraint: QuestionConstraint;
  /** Words and images the grader counts for this question. */
  readonly words: number;
  readonly images: number;
  /**
   * False when the checker stops with an error (nothing is graded); `words`/`images` then show
   * what this answer would count once the structure is repaired.
   */
  readonly graded: boolean;
  /** Words of the whole answer as written under the heading (differs when something cuts it). */
  readonly writtenWords: number;
  readonly status: QuestionStatus;
  readonly warnings: readonly ReportWarning[];
  readonly headingLine: number;
  readonly answerLine: number;
}

export interface ReportAnalysis {
  readonly check: CheckResult;
  readonly questions: readonly QuestionView[];
  /** Every question's warnings, identical ones folded into one with a count (repeatedWarnings). */
  readonly warnings: readonly ReportWarning[];
}

/** A question's status from its counts: the one rule for the navigator, meters and CLI. */
export function questionStatus(
  constraint: QuestionConstraint,
  words: number,
  images: number,
  empty: boolean,
  warned: boolean,
): QuestionStatus {
  if (empty) return 'empty';
  if (constraint.words && words < constraint.words.min) return 'too-short';
  if (constraint.words && words > constraint.words.max) return 'too-long';
  if (constraint.images && images < constraint.images.min) return 'images-missing';
  if (constraint.images && images > constraint.images.max) return 'too-many-images';
  return warned ? 'warning' : 'ok';
}

/** The first index of `sorted` (ascending by `key`) whose key is at least `value`. */
function firstAtOrAfter<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The line where the checker's cut falls, quoted as the student wrote it (`the heading "#### Backend"`,
 * or `the "##" in "x = 1  ## comment"`), so they can find it without counting lines.
 */
function cuttingLine(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const full = text.slice(start, end === -1 ? text.length : end).trim();
  const shown = full.length > 60 ? `${full.slice(0, 57)}…` : full;
  return /^#{2,}(\s|$)/.test(full) && start + text.slice(start).search(/\S/) === at ? `the heading "${shown}"` : `the "##" in "${shown}"`;
}

/**
 * Checks `text` and explains the verdict question by question. `doc` may be passed when the
 * caller already parsed `text`.
 */
export function analyzeReport(text: string, profile: CheckerProfile, doc?: ReportDocument): ReportAnalysis {
  const check = checkReport(text, profile);
  const norm = normalizeNewlines(text);
  const ndoc = doc && norm === text ? doc : parseReport(norm);
  const official = officialAnswers(norm, profile);
  const line = lineCounter(norm);
  // The checker's answers in file order, and the copy of the last one it appends.
  const positional = official.filter((a) => !a.appendedLast);
  const appended = official.find((a) => a.appendedLast);

  // Every `Answer:` the checker splits on (after its header cut).
  const markerOffsets: number[] = [];
  for (let at = norm.indexOf('Answer:'); at !== -1; at = norm.indexOf('Answer:', at + 1)) {
    markerOffsets.push(at);
  }

  const warnings: ReportWarning[] = [];
  // One string per distinct message: 100 000 pasted headings repeat two messages 100 000 times.
  const messages = new Map<string, string>();
  const shared = (message: string) => {
    const known = messages.get(message);
    if (known !== undefined) return known;
    messages.set(message, message);
    return message;
  };
  const seen = new Set<number>();
  const views: QuestionView[] = [];
  for (const q of ndoc.questions) {
    const heading = ndoc.segments[q.headingSegment];
    const answerSegment = ndoc.segments[q.answerSegment];
    const regionStart = heading.start;
    const regionEnd = answerSegment.start + answerSegment.text.length;
    const inRegion = (offset: number) => offset >= regionStart && offset < regionEnd;
    const own: ReportWarning[] = [];
    const warn = (kind: WarningKind, message: string, at: number | null = null) =>
      own.push({ kind, question: q.number, line: at, message: shared(message) });

    if (seen.has(q.number)) {
      warn('duplicate-question', `Question ${q.number} appears twice; the checker counts both.`, q.headingLine);
    }
    seen.add(q.number);

    // Binary searches, not filters: a report with tens of thousands of headings stays linear.
    const firstMarker = firstAtOrAfter(markerOffsets, regionStart, (at) => at);
    let markerCount = 0;
    while (firstMarker + markerCount < markerOffsets.length && markerOffsets[firstMarker + markerCount] < regionEnd) {
      markerCount++;
    }
    const markers = markerCount > 0 ? [markerOffsets[firstMarker], markerOffsets[firstMarker + markerCount - 1]] : [];
    if (markers.length === 0) {
      warn(
        'missing-answer-marker',
        `Question ${q.number} has no "Answer:" line, so the checker does not see this answer and every later answer moves up one question.`,
        q.headingLine,
      );
    } else if (markerCount > 1) {
      warn(
        'extra-answer-marker',
        `"Answer:" appears ${markerCount} times in question ${q.number}; the checker only counts the text after the last one and every later answer moves down one question.`,
        line(markers[markers.length - 1]),
      );
    }

    // The checker's answer that comes from this heading's text (its last `Answer:`).
    const firstOwn = firstAtOrAfter(positional, regionStart, (a) => a.start);
    const fromHere: OfficialAnswer | undefined =
      (firstOwn < positional.length && inRegion(positional[firstOwn].start) ? positional[firstOwn] : undefined) ??
      (appended && inRegion(appended.start) ? appended : undefined);
    let words: number;
    let images: number;
    let writtenWords: number;
    let graded = check.error === null;
    if (fromHere) {
      if (fromHere.index !== q.number) {
        warn(
          'shifted',
          `The checker grades the text under question ${q.number} as question ${fromHere.index}.`,
          q.answerLine,
        );
      }
      // perAnswer is indexed like `official`, whether or not the checker raised.
      const counted = check.perAnswer[fromHere.index - 1];
      const written = stripNewlines(norm.slice(fromHere.start, regionEnd));
      // Counting is the costly part of a check: count the written text only when a cut made it differ.
      writtenWords = written.length === fromHere.text.length ? counted.words : countWords(written);
      const lost = writtenWords - counted.words;
      if (lost > 0 && !fromHere.appendedLast) {
        // The first "##" (which "###" also starts with) is where the checker's cut fell.
        const hashes = fromHere.start + norm.slice(fromHere.start, regionEnd).indexOf('##');
        warn(
          'cut-by-heading',
          `In question ${q.number}, ${cuttingLine(norm, hashes)} inside the answer cuts it short: the ${lost} word${lost === 1 ? '' : 's'} after it ${lost === 1 ? 'is' : 'are'} not counted (headings and "#" comments with two or more "#" end an answer).`,
          line(hashes),
        );
      }
      // What the grader counts for question N is the answer at position N, wherever it came from.
      const atPosition = graded ? check.perAnswer[q.number - 1] : counted;
      words = atPosition.words;
      images = atPosition.images;
    } else {
      graded = false;
      words = countWords(q.answer);
      images = countImages(q.answer);
      writtenWords = words;
    }
    if (q.isPlaceholder) {
      // The placeholder's own line (as the doctor names it), not the answer's first line.
      const at = answerSegment ? norm.indexOf(placeholderFor(q.number), answerSegment.start) : -1;
      const within = answerSegment !== undefined && at !== -1 && at < answerSegment.start + answerSegment.text.length;
      warn('placeholder', `Question ${q.number} still contains the placeholder "${placeholderFor(q.number)}".`, within ? line(at) : q.answerLine);
    }
    const constraint = profile.questions[q.number - 1] ?? {};
    const empty = q.answer.trim() === '' || q.answer.trim() === placeholderFor(q.number);
    views.push({
      number: q.number,
      section: q.section,
      constraint,
      words,
      images,
      graded,
      writtenWords,
      status: questionStatus(constraint, words, images, empty, own.some((w) => w.kind !== 'placeholder')),
      warnings: own,
      headingLine: q.headingLine,
      answerLine: q.answerLine,
    });
    warnings.push(...own);
  }
  for (let n = 1; n <= profile.expectedAnswers; n++) {
    if (!seen.has(n)) {
      warnings.push({
        kind: 'missing-question',
        question: n,
        line: null,
        message: `There is no "### Question ${n}" heading; the template's question ${n} was deleted or renamed.`,
      });
    }
  }
  return { check, questions: views, warnings: foldRepeatedWarnings(warnings) };
}
