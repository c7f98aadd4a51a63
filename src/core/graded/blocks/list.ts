/**
 * Ordered (`1.`) and unordered (`*`, `+`, `-`) lists. A list must start its block; following
 * lines that look like items of either kind become items, lines indented 4–7 spaces that look like
 * items become nested content, and every other line continues the previous item. A list right
 * after another list continues it (loosely: `<p>` in the items). The start number is ignored.
 */
import { Blocks, type BlockProcessor, TAB_LENGTH } from '../blockParser';
import { pyLstrip } from '../pyString';
import { type Element, element, insertChildren, lastChild, subElement } from '../tree';

const OL_START = /^ {0,3}\p{Nd}+\. +/u;
const UL_START = /^ {0,3}[*+-] +/;
/** An item's marker; its text is the rest of the line (taken by slicing, not by the regex). */
const CHILD = /^ {0,3}(?:\p{Nd}+\.|[*+-]) +/u;
const NESTED = /^ {4,7}(?:\p{Nd}+\.|[*+-]) +/u;
const INDENT = ' '.repeat(TAB_LENGTH);

function items(block: string): string[] {
  const result: string[] = [];
  for (const line of block.split('\n')) {
    const m = CHILD.exec(line);
    if (m) result.push(line.slice(m[0].length));
    else if (NESTED.test(line) && result.length) {
      const last = result[result.length - 1]!;
      if (last.startsWith(INDENT)) result[result.length - 1] = `${last}\n${line}`;
      else result.push(line);
    } else if (result.length) result[result.length - 1] = `${result[result.length - 1]!}\n${line}`;
  }
  return result;
}

function listProcessor(tag: 'ol' | 'ul', start: RegExp): BlockProcessor {
  return {
    test: (_p, _parent, block) => start.test(block),
    run(parser, parent, blocks) {
      const all = items(blocks.shift());
      const sibling = lastChild(parent);
      let list: Element;
      if (sibling && (sibling.tag === 'ol' || sibling.tag === 'ul')) {
        list = sibling;
        const lastItem = lastChild(list)!;
        if (lastItem.text) {
          const p = element('p');
          p.text = lastItem.text;
          lastItem.text = '';
          insertChildren(lastItem, 0, [p]);
        }
        const lch = lastChild(lastItem);
        if (lch && lch.tail) {
          const p = subElement(lastItem, 'p');
          p.text = pyLstrip(lch.tail);
          lch.tail = '';
        }
        const li = subElement(list, 'li');
        parser.setState('looselist');
        parser.parseBlocks(li, new Blocks([all.shift()!]));
        parser.resetState();
      } else if (parent.tag === 'ol' || parent.tag === 'ul') {
        list = parent;
      } else {
        list = subElement(parent, tag);
      }
      parser.setState('list');
      for (const item of all) {
        if (item.startsWith(INDENT)) parser.parseBlocks(lastChild(list)!, new Blocks([item]));
        else parser.parseBlocks(subElement(list, 'li'), new Blocks([item]));
      }
      parser.resetState();
    },
  };
}

export const orderedList = listProcessor('ol', OL_START);
export const unorderedList = listProcessor('ul', UL_START);
