/** The newlines Python-Markdown adds between block elements, after `<br />` and at the end of code. */
import { isBlockLevel } from './markers';
import { pyRstrip, pyStrip } from './pyString';
import type { Element } from './tree';

function blank(text: string | null): boolean {
  return !text || pyStrip(text) === '';
}

function prettifyElement(el: Element): void {
  if (isBlockLevel(el.tag) && el.tag !== 'code' && el.tag !== 'pre') {
    if (blank(el.text) && el.children.length && isBlockLevel(el.children[0]!.tag)) el.text = '\n';
    for (const child of el.children) if (isBlockLevel(child.tag)) prettifyElement(child);
    if (blank(el.tail)) el.tail = '\n';
  }
  if (blank(el.tail)) el.tail = '\n';
}

/** The newlines between and after block elements, from the root down through block elements. */
export function prettifyBlocks(root: Element): void {
  prettifyElement(root);
}

/** The newline after a `<br />` and at the end of a code block: applied to every element. */
export function prettifyElementEnd(el: Element): void {
  if (el.tag === 'br') el.tail = blank(el.tail) ? '\n' : `\n${el.tail}`;
  if (el.tag === 'pre' && el.children.length && el.children[0]!.tag === 'code') {
    const code = el.children[0]!;
    if (!code.children.length && code.text !== null) {
      code.text = `${pyRstrip(code.text)}\n`;
      code.atomic = true;
    }
  }
}
