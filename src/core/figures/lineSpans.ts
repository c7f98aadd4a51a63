/** The lines of `text[from, to)` as offsets into `text`, for scanners that never copy a line. */

/** A line's span in the text, without its line break. */
export interface LineSpan {
  start: number;
  end: number;
}

/** A line break: `\r\n`, `\r` or `\n`. */
const BREAK = /\r\n?|\n/g;

/**
 * Each line break is found by the regular expression engine (native code) rather than by reading
 * every character in JavaScript: `check` runs this cold, in V8's interpreter, where a loop over
 * each of a report's ~50,000 characters cost ~3 ms. The search for a break never runs past the
 * line it ends, so a range costs its own length, whatever follows it.
 */
export function linesOf(text: string, from: number, to: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let pos = from;
  while (pos < to) {
    BREAK.lastIndex = pos;
    const found = BREAK.test(text);
    const after = BREAK.lastIndex; // just past the break
    const breakStart = !found ? -1 : after - (after - pos >= 2 && text[after - 2] === '\r' && text[after - 1] === '\n' ? 2 : 1);
    const end = breakStart === -1 || breakStart > to ? to : breakStart;
    lines.push({ start: pos, end });
    if (end >= to) break;
    pos = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lines;
}
