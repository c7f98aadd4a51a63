/**
 * The report as lines, and line edits applied to it. Every fix is a set of line edits on the
 * original text, so untouched lines keep their bytes, and new lines take the file's own line
 * ending (a CRLF file stays CRLF; a file without a final newline keeps not having one).
 */
import { detectLineEnding, reportLines, type Line } from '../reportLines';

/** A line of the report: its content without terminator, the terminator, and where it starts. */
export type TextLine = Line;

export interface TextLines {
  /** The whole text the lines are of. */
  readonly text: string;
  readonly bom: string;
  readonly lines: readonly TextLine[];
  /** The file's predominant line ending, used for every new line. */
  readonly eol: string;
}

/** The text's lines, split once and shared with parseReport (which needs the same lines). */
export function splitTextLines(text: string, lines: readonly TextLine[] = reportLines(text)): TextLines {
  return { text, bom: text.charCodeAt(0) === 0xfeff ? '\ufeff' : '', lines, eol: detectLineEnding(text) };
}

/** 0-based index of the line holding `offset` (an offset at the very end maps past the last line). */
export function lineIndexAt(lines: readonly TextLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * Replace `deleteCount` lines starting at line `at` (0-based) with `insert` (line contents without
 * terminators). `deleteCount` 0 inserts before line `at`; `at === lines.length` appends.
 */
export interface LineEdit {
  readonly at: number;
  readonly deleteCount: number;
  readonly insert: readonly string[];
  /**
   * True when the deleted lines are template structure whose words may go (a renamed question
   * heading, a non-standard front matter, a mistyped `Answer` line). Every other edit must keep
   * every word: applyFixes checks.
   */
  readonly dropsWords?: boolean;
}

/** True when two sets of edits touch overlapping lines (insertions at one point never conflict). */
export function editsConflict(a: readonly LineEdit[], b: readonly LineEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.deleteCount > 0 && y.deleteCount > 0) {
        if (x.at < y.at + y.deleteCount && y.at < x.at + x.deleteCount) return true;
      } else if (x.deleteCount > 0) {
        if (y.at > x.at && y.at < x.at + x.deleteCount) return true;
      } else if (y.deleteCount > 0) {
        if (x.at > y.at && x.at < y.at + y.deleteCount) return true;
      }
    }
  }
  return false;
}

/**
 * Applies non-conflicting edits. At one position, insertions come first (in the order given),
 * then the replacement of the lines there.
 */
export function applyLineEdits(text: TextLines, edits: readonly LineEdit[]): string {
  const { lines, eol } = text;
  const order = edits
    .map((edit, i) => ({ edit, i }))
    .sort((a, b) => a.edit.at - b.edit.at || Number(a.edit.deleteCount > 0) - Number(b.edit.deleteCount > 0) || a.i - b.i);
  // Runs of untouched lines are copied as one slice of the text: a line object (and a string) per
  // line of a 2 MB report cost ~40 MB for every fix simulated.
  const parts: string[] = [text.bom];
  /** Index in `parts` of the last line's terminator ('' while that line has none). */
  let lastEol = -1;
  const put = (content: string, terminator: string) => {
    // Every line but the last needs a terminator (an append after a last line that had none).
    if (lastEol >= 0 && parts[lastEol] === '') parts[lastEol] = eol;
    parts.push(content, terminator);
    lastEol = parts.length - 1;
  };
  let next = 0;
  const copyUpTo = (end: number) => {
    const stop = Math.min(end, lines.length);
    if (next >= stop) return;
    const last = lines[stop - 1];
    put(text.text.slice(lines[next].start, last.start + last.content.length), last.eol);
    next = stop;
  };
  for (const { edit } of order) {
    copyUpTo(edit.at);
    if (edit.deleteCount === 0) {
      for (const content of edit.insert) put(content, eol);
      continue;
    }
    const lastDeleted = lines[Math.min(edit.at + edit.deleteCount, lines.length) - 1];
    edit.insert.forEach((content, k) => put(content, k === edit.insert.length - 1 ? lastDeleted.eol : eol));
    next = Math.max(next, edit.at + edit.deleteCount);
  }
  copyUpTo(lines.length);
  if (lastEol >= 0 && lines.length > 0 && lines[lines.length - 1].eol === '' && parts[lastEol] !== '') {
    // The file had no final newline: keep it that way.
    parts[lastEol] = '';
  }
  return parts.join('');
}

export const isBlank = (content: string): boolean => content.trim() === '';
/** `>` alone (an empty quote line), possibly nested or indented. */
export const isEmptyQuote = (content: string): boolean => /^[ \t]*>[ \t>]*$/.test(content);
export const isQuote = (content: string): boolean => /^[ \t]{0,3}>/.test(content);
