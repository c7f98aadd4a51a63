/**
 * The report as lines, and line edits applied to it. Every fix is a set of line edits on the
 * original text, so untouched lines keep their bytes, and new lines take the file's own line
 * ending (a CRLF file stays CRLF; a file without a final newline keeps not having one).
 */
import { detectLineEnding } from '../parseReport';

export interface TextLine {
  /** The line without its terminator (and without the BOM on the first line). */
  readonly content: string;
  /** `\n`, `\r\n`, `\r`, or `` on a last line without one. */
  readonly eol: string;
  /** Offset of the line's first character in the whole text (BOM included in the count). */
  readonly start: number;
}

export interface TextLines {
  readonly bom: string;
  readonly lines: readonly TextLine[];
  /** The file's predominant line ending, used for every new line. */
  readonly eol: string;
}

export function splitTextLines(text: string): TextLines {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const lines: TextLine[] = [];
  let pos = bom.length;
  while (pos < text.length) {
    let end = pos;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let eol = '';
    if (end < text.length) eol = text[end] === '\r' && text[end + 1] === '\n' ? '\r\n' : text[end];
    lines.push({ content: text.slice(pos, end), eol, start: pos });
    pos = end + eol.length;
  }
  return { bom, lines, eol: detectLineEnding(text) };
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
  const out: { content: string; eol: string }[] = [];
  let next = 0;
  const copyUpTo = (end: number) => {
    for (; next < end && next < lines.length; next++) out.push({ content: lines[next].content, eol: lines[next].eol });
  };
  for (const { edit } of order) {
    copyUpTo(edit.at);
    if (edit.deleteCount === 0) {
      for (const content of edit.insert) out.push({ content, eol });
      continue;
    }
    const lastDeleted = lines[Math.min(edit.at + edit.deleteCount, lines.length) - 1];
    edit.insert.forEach((content, k) => {
      out.push({ content, eol: k === edit.insert.length - 1 ? lastDeleted.eol : eol });
    });
    next = Math.max(next, edit.at + edit.deleteCount);
  }
  copyUpTo(lines.length);
  // Every line but the last needs a terminator (an append after a last line that had none).
  for (let i = 0; i < out.length - 1; i++) if (out[i].eol === '') out[i].eol = eol;
  if (out.length > 0 && lines.length > 0 && lines[lines.length - 1].eol === '' && out[out.length - 1].eol !== '') {
    // The file had no final newline: keep it that way.
    out[out.length - 1].eol = '';
  }
  let result = text.bom;
  for (const line of out) result += line.content + line.eol;
  return result;
}

export const isBlank = (content: string): boolean => content.trim() === '';
/** `>` alone (an empty quote line), possibly nested or indented. */
export const isEmptyQuote = (content: string): boolean => /^[ \t]*>[ \t>]*$/.test(content);
export const isQuote = (content: string): boolean => /^[ \t]{0,3}>/.test(content);
