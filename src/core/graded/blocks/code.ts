/** Indented code: four spaces; a following indented block after a blank line joins the same `<pre>`. */
import { type BlockProcessor, detab, TAB_LENGTH } from '../blockParser';
import { pyRstrip } from '../pyString';
import { lastChild, subElement } from '../tree';

export function codeEscape(text: string): string {
  if (text.includes('&')) text = text.replaceAll('&', '&amp;');
  if (text.includes('<')) text = text.replaceAll('<', '&lt;');
  if (text.includes('>')) text = text.replaceAll('>', '&gt;');
  return text;
}

const INDENT = ' '.repeat(TAB_LENGTH);

export const codeBlock: BlockProcessor = {
  test: (_p, _parent, block) => block.startsWith(INDENT),
  run(_p, parent, blocks) {
    const sibling = lastChild(parent);
    const [code, rest] = detab(blocks.shift());
    if (sibling && sibling.tag === 'pre' && sibling.children.length && sibling.children[0]!.tag === 'code') {
      const el = sibling.children[0]!;
      el.text = `${el.text ?? ''}\n${codeEscape(pyRstrip(code))}\n`;
    } else {
      const pre = subElement(parent, 'pre');
      const el = subElement(pre, 'code');
      el.text = `${codeEscape(pyRstrip(code))}\n`;
      el.atomic = true;
    }
    if (rest) blocks.unshift(rest);
  },
};
