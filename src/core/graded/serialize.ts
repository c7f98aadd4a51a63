/**
 * Python-Markdown's XHTML serializer: `<br />`-style empty elements, attributes in key order,
 * `&` escaped only where it does not already start an entity.
 */
import type { Element } from './tree';

const EMPTY = new Set(['area', 'base', 'basefont', 'br', 'col', 'frame', 'hr', 'img', 'input', 'isindex', 'link', 'meta', 'param']);

/** `&` not followed by `#digits;`, `#xhex;` or `name;` (case-insensitive). */
const BARE_AMP = /&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)/gi;

const SPECIAL = /[&<>]/;

export function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text;
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
  return write(root);
}

/** String concatenation: V8 builds ropes, cheaper here than an array of small pieces. */
function write(el: Element): string {
  let out = `<${el.tag}`;
  const attrs = el.attrs;
  if (attrs) {
    for (const key of [...attrs.keys()].sort()) out += ` ${key}="${escapeAttribute(attrs.get(key)!)}"`;
  }
  if (EMPTY.has(el.tag)) out += ' />';
  else {
    out += '>';
    if (el.text) out += escapeText(el.text);
    for (const child of el.children) out += write(child);
    out += `</${el.tag}>`;
  }
  if (el.tail) out += escapeText(el.tail);
  return out;
}
