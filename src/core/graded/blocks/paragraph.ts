/** Anything else is a paragraph; in a tight list its text goes straight into the `<li>`. */
import type { BlockProcessor } from '../blockParser';
import { pyLstrip, pyStrip } from '../pyString';
import { lastChild, subElement } from '../tree';

export const paragraph: BlockProcessor = {
  test: () => true,
  run(parser, parent, blocks) {
    const block = blocks.shift();
    if (!pyStrip(block)) return;
    if (parser.isState('list')) {
      const sibling = lastChild(parent);
      if (sibling) sibling.tail = sibling.tail ? `${sibling.tail}\n${block}` : `\n${block}`;
      else parent.text = parent.text ? `${parent.text}\n${block}` : pyLstrip(block);
    } else {
      subElement(parent, 'p').text = pyLstrip(block);
    }
  },
};
