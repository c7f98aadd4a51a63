/**
 * What a question's meters show. After each keystroke the meter must show the grader's count
 * without re-checking the whole report: while the answer holds nothing the checker's split reacts to
 * (`##`, `Answer:`), the grader's count moves exactly as the answer's own count does, so the last
 * full analysis plus that difference is exact. Otherwise the reading is marked inexact until the
 * (debounced) full analysis catches up.
 */
import { questionStatus, type QuestionStatus, type QuestionView } from '../../core/analyzeReport';
import type { QuestionConstraint } from '../../core/constraints';
import { countImages, countWords } from '../../core/pythonText';
import type { Question } from '../../core/reportModel';
import { fileAnswerOf, isPlaceholderOnly } from './answerText';

export interface MeterReading {
  readonly words: number;
  readonly images: number;
  readonly status: QuestionStatus;
  /** False while the count is an estimate waiting for the full analysis. */
  readonly exact: boolean;
}

export interface MeterBaseline {
  readonly number: number;
  readonly constraint: QuestionConstraint;
  /** What the grader counts beyond the answer's own words/images (e.g. `**` after `Answer:`). */
  readonly wordOffset: number;
  readonly imageOffset: number;
  readonly warned: boolean;
  readonly fastPath: boolean;
}

/**
 * Text the checker's split reacts to: a cut (`##`, also inside `###`) or another answer marker;
 * also any heading line, which may start a new question or section in the file's structure.
 */
export function touchesCheckerSplit(text: string): boolean {
  return text.includes('##') || text.includes('Answer:') || /(?:^|\n) {0,3}#/.test(text);
}

/** The same rule as analyzeReport's, for counts computed between analyses. */
export const statusFor = questionStatus;

export function readingOf(view: QuestionView): MeterReading {
  return { words: view.words, images: view.images, status: view.status, exact: true };
}

export function baselineOf(view: QuestionView, question: Question): MeterBaseline {
  const warned = view.warnings.some((w) => w.kind !== 'placeholder');
  return {
    number: view.number,
    constraint: view.constraint,
    wordOffset: view.words - countWords(question.answer),
    imageOffset: view.images - countImages(question.answer),
    warned,
    fastPath: !warned && !touchesCheckerSplit(question.answer),
  };
}

export function liveReading(baseline: MeterBaseline, editorText: string): MeterReading {
  const answer = fileAnswerOf(baseline.number, editorText);
  const words = Math.max(0, countWords(answer) + baseline.wordOffset);
  const images = Math.max(0, countImages(answer) + baseline.imageOffset);
  const exact = baseline.fastPath && !touchesCheckerSplit(editorText);
  const empty = isPlaceholderOnly(baseline.number, editorText);
  return {
    words,
    images,
    status: statusFor(baseline.constraint, words, images, empty, baseline.warned),
    exact,
  };
}
