/** A setext heading: the block's second line is all `=` or `-` (mixed is fine), then spaces. */
import type { BlockProcessor } from '../blockParser';
import { pyStrip } from '../pyString';
import { subElement } from '../tree';

function isUnderline(block: string, start: number): boolean {
  let i = start;
  while (i < block.length && (block[i] === '=' || block[i] === '-')) i++;
  if (i === start) return false;
  while (i < block.length && block[i] === ' ') i++;
  return i === block.length || block[i] === '\n';
}

export const setextHeader: BlockProcessor = {
  test(_p, _parent, block) {
    const nl = block.indexOf('\n');
    return nl !== -1 && isUnderline(block, nl + 1);
  },
  run(_p, parent, blocks) {
    const lines = blocks.shift().split('\n');
    const h = subElement(parent, lines[1]!.startsWith('=') ? 'h1' : 'h2');
    h.text = pyStrip(lines[0]!);
    if (lines.length > 2) blocks.unshift(lines.slice(2).join('\n'));
  },
};
