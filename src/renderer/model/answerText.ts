/**
 * How an answer looks in its editor versus in the file. A placeholder-only answer shows as an
 * empty editor (students should not have to delete `--- question N fill here ---`), and an empty
 * editor writes the placeholder back, which is what `setAnswer` does for empty text.
 */
import type { Question } from '../../core/reportModel';
import { placeholderFor } from '../../core/reportModel';

export function isPlaceholderOnly(number: number, answer: string): boolean {
  const trimmed = answer.trim();
  return trimmed === '' || trimmed === placeholderFor(number);
}

/** The text question `question`'s editor starts with. */
export function editorTextOf(question: Question): string {
  return isPlaceholderOnly(question.number, question.answer) ? '' : question.answer;
}

/** The answer the file will hold for an editor holding `editorText`. */
export function fileAnswerOf(number: number, editorText: string): string {
  return editorText.trim() === '' ? placeholderFor(number) : editorText;
}

/** Blank lines around an answer are not part of it (the parser drops them too). */
export function sameAnswer(a: string, b: string): boolean {
  const trim = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .replace(/^(?:[ \t]*\n)+/, '')
      .replace(/(?:\n[ \t]*)+$/, '');
  return trim(a) === trim(b);
}
