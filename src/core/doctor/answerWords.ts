/**
 * The doctor's promise, made measurable: a repair never changes the words of an answer.
 *
 * Words are the checker's words (Python's `str.split()`), compared after removing what a repair
 * is allowed to touch — pure markup that carries no word:
 * - tokens made only of `#` or `>` (heading and quote marks: `####`, `>`),
 * - `*` and `` ` `` inside tokens (a heading `#### Details` becomes `**Details**`),
 * - the `Answer:` token itself and its escaped forms (`Answer&#58;`, `Answer⁠:` with a word joiner),
 *   which a repair inserts or neutralises,
 * - the template's placeholder `--- question N fill here ---`, which is not the student's text.
 */
import { parseReport } from '../parseReport';
import { normalizeNewlines } from '../pythonText';

export const PLACEHOLDER_PATTERN = /---[ \t]*question[ \t]+\d+[ \t]+fill[ \t]+here[ \t]*---/gi;

/** A run of anything but Python's whitespace: one of `str.split()`'s words. */
const PYTHON_WORD = /[^\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Calls `visit` with each comparable word of a piece of markdown in order, without an array of
 * them (a 3 MB repaired report has ~700 000).
 */
export function eachComparableWord(markdown: string, visit: (word: string) => void): void {
  const text = markdown.replace(PLACEHOLDER_PATTERN, ' ');
  PYTHON_WORD.lastIndex = 0;
  for (let m = PYTHON_WORD.exec(text); m !== null; m = PYTHON_WORD.exec(text)) {
    const token = m[0]
      .replace(/Answer(?:&#58;|\u2060:)/g, 'Answer:')
      .replace(/[*`]/g, '')
      .replace(/^>+/, '');
    if (token === '' || token === 'Answer:' || /^#+$/.test(token)) continue;
    visit(token);
  }
}

/** The comparable words of a piece of markdown (see the file comment for what is ignored). */
export function comparableWords(markdown: string): string[] {
  const out: string[] = [];
  eachComparableWord(markdown, (word) => out.push(word));
  return out;
}

export interface QuestionWords {
  /** Words of everything under the heading: prompt and answer. */
  readonly zone: readonly string[];
  readonly prompt: readonly string[];
  /** The answer as the parser sees it (after the `Answer:` line). */
  readonly answer: readonly string[];
  readonly hasAnswerMarker: boolean;
}

/** Comparable words per `### Question N` heading (the first heading when a number repeats). */
export function wordsByQuestion(text: string): Map<number, QuestionWords> {
  const doc = parseReport(normalizeNewlines(text));
  const out = new Map<number, QuestionWords>();
  for (const q of doc.questions) {
    if (out.has(q.number)) continue;
    const prompt = q.promptSegment === null ? '' : doc.segments[q.promptSegment].text;
    const answer = doc.segments[q.answerSegment].text;
    out.set(q.number, {
      zone: comparableWords(`${prompt}\n${answer}`),
      prompt: comparableWords(prompt),
      answer: comparableWords(answer),
      hasAnswerMarker: q.hasAnswerMarker,
    });
  }
  return out;
}

/** Words of `before` missing from `after` (as a multiset), in `before`'s order. */
export function lostWords(before: readonly string[], after: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of after) counts.set(w, (counts.get(w) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of before) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else lost.push(w);
  }
  return lost;
}
