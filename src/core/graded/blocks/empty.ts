/** A block that is empty or starts with a blank line; inside code it keeps the blank lines. */
import type { BlockProcessor } from '../blockParser';
import { lastChild } from '../tree';

export const emptyBlock: BlockProcessor = {
  test: (_p, _parent, block) => block === '' || block.startsWith('\n'),
  run(_p, parent, blocks) {
    const block = blocks.shift();
    let filler = '\n\n';
    if (block) {
      filler = '\n';
      const rest = block.slice(1);
      if (rest) blocks.unshift(rest);
    }
    const sibling = lastChild(parent);
    if (sibling && sibling.tag === 'pre' && sibling.children.length && sibling.children[0]!.tag === 'code') {
      const code = sibling.children[0]!;
      code.text = `${code.text ?? ''}${filler}`;
    }
  },
};
