/**
 * Where raw HTML blocks are in markdown. Inside a block-level HTML block (`<p>`, `<div>`,
 * `<table>` … starting a paragraph) both GitHub and Python-Markdown pass the lines through as
 * HTML until the next blank line, so markdown written there — `![alt](path)` — shows as literal
 * text. A fix that writes markdown must therefore write it outside the block.
 */

/** Tags that open an HTML block in both CommonMark (type 6) and Python-Markdown (block-level). */
const BLOCK_TAGS =
  'address|article|aside|blockquote|center|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';

const BLOCK_START = new RegExp(`^ {0,3}<(?:${BLOCK_TAGS})(?=[\\s/>]|$)`, 'i');

export interface HtmlBlock {
  /** Offset of the block's first character (start of its first line). */
  readonly start: number;
  /** Offset just after the last character of its last line (before that line's break). */
  readonly end: number;
}

interface Line {
  readonly start: number;
  readonly end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    lines.push({ start, end });
    if (end >= text.length) return lines;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
}

const blank = (text: string, line: Line) => text.slice(line.start, line.end).trim() === '';

/**
 * The block-level HTML block holding `offset`, or null. A block starts at a line that begins with
 * a block-level tag (GitHub lets it interrupt a paragraph) and runs to the next blank line. `from`/`to` bound the search (an answer's span), so a block never reaches past it.
 */
export function htmlBlockAt(text: string, offset: number, from = 0, to = text.length): HtmlBlock | null {
  const region = text.slice(from, to);
  const lines = linesOf(region);
  const at = offset - from;
  const index = lines.findIndex((l) => at >= l.start && at <= l.end);
  if (index === -1 || blank(region, lines[index])) return null;
  let first = index;
  while (first > 0 && !blank(region, lines[first - 1])) first--;
  // GitHub also lets a block tag interrupt a paragraph: the block then starts at that line.
  while (first <= index && !BLOCK_START.test(region.slice(lines[first].start, lines[first].end))) first++;
  if (first > index) return null;
  let last = index;
  while (last + 1 < lines.length && !blank(region, lines[last + 1])) last++;
  return { start: from + lines[first].start, end: from + lines[last].end };
}
