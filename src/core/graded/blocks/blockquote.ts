/** `>` quotes, found on any line of a block; the lines before are parsed first. */
import { Blocks, type BlockProcessor } from '../blockParser';
import { pyStrip } from '../pyString';
import { emptyBlock } from './empty';
import { lastChild, subElement } from '../tree';

/** Python stops nesting quotes near its recursion limit (298 levels from the top); deeper `>` stay text. */
export const MAX_QUOTE_DEPTH = 298;

/** Start of the first quote line (up to 3 spaces then `>`) at or after the line start `from`, or -1. */
function searchFrom(block: string, from: number): number {
  let start = from;
  for (;;) {
    let i = start;
    while (i < start + 3 && block[i] === ' ') i++;
    if (block[i] === '>') return start;
    const nl = block.indexOf('\n', start);
    if (nl === -1) return -1;
    start = nl + 1;
  }
}

function clean(line: string): string {
  if (pyStrip(line) === '>') return '';
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '>') return line;
  i++;
  if (line[i] === ' ') i++;
  return line.slice(i);
}

export const blockquote: BlockProcessor = {
  test: (parser, _parent, block) =>
    parser.quoteDepth < MAX_QUOTE_DEPTH && parser.lineSearch('blockquote', block, searchFrom) !== -1,
  run(parser, parent, blocks) {
    let block = blocks.first();
    const start = parser.lineSearch('blockquote', block, searchFrom);
    blocks.shift();
    if (start !== -1) {
      // The lines before the quote; none (the usual case) is an empty block, whose only effect
      // is on a code block right before: done here rather than through a queue of its own.
      if (start === 0 && parser.canNest) emptyBlock.run(parser, parent, new Blocks(['']));
      else parser.parseBlocks(parent, new Blocks([block.slice(0, start === 0 ? 0 : start - 1)]));
      block = block.slice(start).split('\n').map(clean).join('\n');
    }
    const sibling = lastChild(parent);
    const quote = sibling && sibling.tag === 'blockquote' ? sibling : subElement(parent, 'blockquote');
    parser.setState('blockquote');
    parser.quoteDepth++;
    parser.parseChunk(quote, block);
    parser.quoteDepth--;
    parser.resetState();
  },
};
