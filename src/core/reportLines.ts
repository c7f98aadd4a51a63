/**
 * A report as lines, each with its own terminator and offset, so every edit can give back the
 * student's bytes exactly (CRLF, lone CR and a missing final newline included).
 */
import type { LineEnding } from './reportModel';

export interface Line {
  /** The line without its terminator. */
  readonly content: string;
  /** The terminator: `\n`, `\r\n`, `\r` or `` on the last line. */
  readonly eol: string;
  /** Offset of the line's first character in the text (after the BOM on the first line). */
  readonly start: number;
}

function splitLines(text: string, from: number, limit: number): Line[] {
  const lines: Line[] = [];
  const hasCr = text.indexOf('\r', from) !== -1;
  let pos = from;
  while (pos < text.length && lines.length < limit) {
    // indexOf jumps are far faster than a per-character loop; CR only needs care when present.
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    if (hasCr) {
      const cr = text.indexOf('\r', pos);
      if (cr !== -1 && cr < end) end = cr;
    }
    let eol = '';
    if (end < text.length) eol = text[end] === '\r' && text[end + 1] === '\n' ? '\r\n' : text[end];
    lines.push({ content: text.slice(pos, end), eol, start: pos });
    pos = end + eol.length;
  }
  return lines;
}

/** The offset just past `line`'s terminator: where the next line starts. */
export function lineEnd(line: Line): number {
  return line.start + line.content.length + line.eol.length;
}

/**
 * The lines of a whole report (a BOM is not part of the first line), as parseReport reads them;
 * only the first `limit` of them when that is all a caller reads.
 */
export function reportLines(text: string, limit = Infinity): Line[] {
  return splitLines(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, limit);
}

export function detectLineEnding(text: string): LineEnding {
  if (text.indexOf('\r') === -1) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}
