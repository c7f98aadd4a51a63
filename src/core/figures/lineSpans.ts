/** The lines of `text[from, to)` as offsets into `text`, for scanners that never copy a line. */

/** A line's span in the text, without its line break. */
export interface LineSpan {
  start: number;
  end: number;
}

export function linesOf(text: string, from: number, to: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let pos = from;
  while (pos < to) {
    let end = pos;
    while (end < to && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    lines.push({ start: pos, end });
    if (end >= to) break;
    pos = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lines;
}
