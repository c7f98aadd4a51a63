/**
 * An indented block after a list (or inside a list item) belongs to the list: each four spaces
 * of indent go one list level deeper, and the block becomes part of the last item at that level.
 */
import { Blocks, type BlockProcessor, looseDetab, TAB_LENGTH } from '../blockParser';
import { type Element, element, insertChildren, lastChild, subElement } from '../tree';

const INDENT = ' '.repeat(TAB_LENGTH);
const isList = (tag: string): boolean => tag === 'ul' || tag === 'ol';

function indentLevel(block: string): number {
  let spaces = 0;
  while (block.charCodeAt(spaces) === 32) spaces++;
  return Math.floor(spaces / TAB_LENGTH);
}

function getLevel(tight: boolean, parent: Element, block: string): [number, Element] {
  const wanted = indentLevel(block);
  let level = tight ? 1 : 0;
  while (wanted > level) {
    const child = lastChild(parent);
    if (child && (isList(child.tag) || child.tag === 'li')) {
      if (isList(child.tag)) level++;
      parent = child;
    } else break;
  }
  return [level, parent];
}

export const listIndent: BlockProcessor = {
  test(parser, parent, block) {
    if (!block.startsWith(INDENT) || parser.isState('detabbed')) return false;
    if (parent.tag === 'li') return true;
    const last = lastChild(parent);
    return last !== null && isList(last.tag);
  },
  run(parser, parent, blocks) {
    let block = blocks.shift();
    const [level, sibling] = getLevel(parser.isState('list'), parent, block);
    block = looseDetab(block, level);
    parser.setState('detabbed');
    if (parent.tag === 'li') {
      const last = lastChild(parent);
      parser.parseBlocks(last && isList(last.tag) ? last : parent, new Blocks([block]));
    } else if (sibling.tag === 'li') {
      parser.parseBlocks(sibling, new Blocks([block]));
    } else if (sibling.children.length && lastChild(sibling)!.tag === 'li') {
      const item = lastChild(sibling)!;
      if (item.text) {
        const p = element('p');
        p.text = item.text;
        item.text = '';
        insertChildren(item, 0, [p]);
      }
      parser.parseChunk(item, block);
    } else {
      parser.parseBlocks(subElement(sibling, 'li'), new Blocks([block]));
    }
    parser.resetState();
  },
};
