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

/** [start, end) of the first rule line in the block, or null. */
function search(block: string): [number, number] | null {
  let start = 0;
  while (start <= block.length) {
    let end = block.indexOf('\n', start);
    if (end === -1) end = block.length;
    if (isRule(block, start, end)) return [start, end];
    start = end + 1;
  }
  return null;
}

export const hr: BlockProcessor = {
  test: (_p, _parent, block) => search(block) !== null,
  run(parser, parent, blocks) {
    const block = blocks.shift();
    const [start, end] = search(block)!;
    const before = stripChars(block.slice(0, start), '\n', false, true);
    if (before) parser.parseBlocks(parent, new Blocks([before]));
    subElement(parent, 'hr');
    const after = stripChars(block.slice(end), '\n', true, false);
    if (after) blocks.unshift(after);
  },
};
