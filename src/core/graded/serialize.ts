/**
 * Python-Markdown's XHTML serializer: `<br />`-style empty elements, attributes in key order,
 * `&` escaped only where it does not already start an entity.
 */
import type { Element } from './tree';

const EMPTY = new Set(['area', 'base', 'basefont', 'br', 'col', 'frame', 'hr', 'img', 'input', 'isindex', 'link', 'meta', 'param']);

/** `&` not followed by `#digits;`, `#xhex;` or `name;` (case-insensitive). */
const BARE_AMP = /&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)/gi;

export function escapeText(text: string): string {
  if (text.includes('&')) text = text.replace(BARE_AMP, '&amp;');
  if (text.includes('<')) text = text.replaceAll('<', '&lt;');
  if (text.includes('>')) text = text.replaceAll('>', '&gt;');
  return text;
}

export function escapeAttribute(text: string): string {
  text = escapeText(text);
  if (text.includes('"')) text = text.replaceAll('"', '&quot;');
  if (text.includes('\n')) text = text.replaceAll('\n', '&#10;');
  return text;
}

export function serialize(root: Element): string {
  const out: string[] = [];
  write(root, out);
  return out.join('');
}

function write(el: Element, out: string[]): void {
  out.push('<', el.tag);
  const keys = el.attrs.size ? [...el.attrs.keys()].sort() : [];
  for (const key of keys) out.push(' ', key, '="', escapeAttribute(el.attrs.get(key)!), '"');
  if (EMPTY.has(el.tag.toLowerCase())) out.push(' />');
  else {
    out.push('>');
    if (el.text) out.push(escapeText(el.text));
    for (const child of el.children) write(child, out);
    out.push('</', el.tag, '>');
  }
  if (el.tail) out.push(escapeText(el.tail));
}
