/**
 * A change typed in an answer editor, as edits of the file: the editor shows its span's bytes with
 * LF lines (and the template's placeholder as an empty editor), so each local change maps to the
 * same change of the file, line breaks written as the file writes them. Nothing else moves.
 */
import type { LineEnding } from '../../core/reportModel';
import { placeholderFor } from '../../core/reportModel';
import type { TextEdit } from '../../core/textEdit';
import type { AnswerSpan } from './answerSpans';

/** The report's text, or what reads parts of it (the document authority). */
export interface TextSource {
  slice(start: number, end: number): string;
}

/** One change of an editor's text: `before.slice(from, to)` becomes `insert`. */
export interface LocalChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** `s.trim() === ''` without copying the answer on every key (`\s` is what `trim` removes). */
const isBlank = (s: string): boolean => !/\S/.test(s);

/**
 * The file edits for `changes` typed in question `number`'s editor (which read `before` and now
 * reads `after`). Null when the answer has no bytes in the file at all yet (a blank answer without
 * the placeholder): the first text then needs its blank lines around it, which the caller writes.
 */
export function typedEdits(
  text: TextSource,
  span: AnswerSpan,
  number: number,
  eol: LineEnding,
  changes: readonly LocalChange[],
  before: string,
  after: string,
): TextEdit[] | null {
  const spanText = text.slice(span.start, span.end);
  const whole = (content: string): TextEdit[] => [
    { start: span.start, end: span.end, expect: spanText, text: content },
  ];
  const fileText = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  if (isBlank(after)) return span.start === span.end ? [] : whole(placeholderFor(number));
  if (isBlank(before)) return span.start === span.end ? null : whole(fileText(after));
  // A file mixing line endings inside the answer: its lines are written the file's way.
  if (fileText(before) !== spanText) return whole(fileText(after));
  const extra = eol.length - 1;
  const offset = (local: number) => {
    if (extra === 0) return span.start + local;
    let breaks = 0;
    for (let i = before.indexOf('\n'); i !== -1 && i < local; i = before.indexOf('\n', i + 1)) breaks++;
    return span.start + local + breaks * extra;
  };
  return changes.map((c) => {
    const start = offset(c.from);
    const end = offset(c.to);
    return { start, end, expect: text.slice(start, end), text: fileText(c.insert) };
  });
}
