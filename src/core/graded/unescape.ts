/** Backslash escapes are kept as STX code ETX until the end; then they become characters again. */
import { type Element, setAttrValue } from './tree';

const ESCAPED = /\u0002(\d+)\u0003/g;

export function unescapeText(text: string): string {
  return text.includes('\u0002') ? text.replace(ESCAPED, (_, code: string) => safeChar(Number(code))) : text;
}

function safeChar(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** One element's text (but a code element's), tail and attribute values. */
export function unescapeElement(el: Element): void {
  if (el.text && el.tag !== 'code') el.text = unescapeText(el.text);
  if (el.tail) el.tail = unescapeText(el.tail);
  const attrs = el.attrs;
  // A list shared by other elements: each change makes the element a list of its own.
  if (attrs) for (let i = 1; i < attrs.length; i += 2) if (attrs[i]!.includes('\u0002')) setAttrValue(el, i, unescapeText(attrs[i]!));
}
