/**
 * A horizontal rule on any line of a block: up to three spaces, then at least three of one of
 * `-`, `_`, `*`, with at most two spaces between them, then only spaces.
 */
import { Blocks, type BlockProcessor } from '../blockParser';
import { subElement } from '../tree';
import { stripChars } from '../pyString';

function isRule(text: string, start: number, stop: number): boolean {
  const line = text;
  let i = start;
  while (i < start + 3 && line[i] === ' ') i++;
  const mark = line[i];
  if (mark !== '-' && mark !== '_' && mark !== '*') return false;
  // A rule ends with its mark (then spaces): checked first, so a long line that starts like a
  // rule (`- - - … a`, a list nested 100 000 deep, tested at every level) is not walked each time.
  let last = stop - 1;
  while (last > i && line[last] === ' ') last--;
  if (line[last] !== mark) return false;
  let count = 0;
  let spaces = 0;
  let end = i;
  for (; end < stop; end++) {
    const c = line[end];
    if (c === mark) {
      if (spaces > 2) return false;
      count++;
      spaces = 0;
    } else if (c === ' ') spaces++;
    else return false;
  }
  return count >= 3;
}

/** End of the line starting at `start`. */
function lineEnd(block: string, start: number): number {
  const end = block.indexOf('\n', start);
  return end === -1 ? block.length : end;
}

/** Start of the first rule line at or after the line start `from`, or -1. */
function searchFrom(block: string, from: number): number {
  let start = from;
  while (start <= block.length) {
    const end = lineEnd(block, start);
    if (isRule(block, start, end)) return start;
    start = end + 1;
  }
  return -1;
}

export const hr: BlockProcessor = {
  test: (parser, _parent, block) => parser.lineSearch('hr', block, searchFrom) !== -1,
  run(parser, parent, blocks) {
    const block = blocks.first();
    const start = parser.lineSearch('hr', block, searchFrom);
    const end = lineEnd(block, start);
    blocks.shift();
    const before = stripChars(block.slice(0, start), '\n', false, true);
    if (before) parser.parseBlocks(parent, new Blocks([before]));
    subElement(parent, 'hr');
    const after = stripChars(block.slice(end), '\n', true, false);
    if (after) blocks.unshift(after);
  },
};
