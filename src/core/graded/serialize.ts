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
  const out: string[] = [];
  write(root, out);
  return out.join('');
}

/**
 * What `serialize(root)` holds between the root's own tags (the root has no attributes and no
 * tail), without writing the whole page and searching it for them.
 */
export function serializeContent(root: Element): string {
  const out: string[] = [];
  if (root.text) out.push(escapeText(root.text));
  for (const child of root.children) write(child, out);
  return out.join('');
}

/**
 * Pieces pushed to one array and joined once: a page of tens of thousands of small strings
 * concatenated makes a deep rope that every later search must first flatten.
 */
function write(el: Element, out: string[]): void {
  const tags = tagsOf(el.tag);
  const attrs = el.attrs;
  if (attrs) {
    let open = tags.name;
    for (let i = 0; i < attrs.length; i += 2) open += ` ${attrs[i]!}="${escapeAttribute(attrs[i + 1]!)}"`;
    out.push(open, tags.empty ? ' />' : '>');
  } else out.push(tags.open);
  if (!tags.empty) {
    if (el.text) out.push(escapeText(el.text));
    for (const child of el.children) write(child, out);
    out.push(tags.close);
  }
  if (el.tail) out.push(escapeText(el.tail));
}

interface Tags {
  /** `<tag`, for attributes to follow. */
  name: string;
  /** `<tag>` or `<tag />` when there are no attributes. */
  open: string;
  close: string;
  empty: boolean;
}
/** The few tags a page uses, each written once instead of per element. */
const TAGS = new Map<string, Tags>();
function tagsOf(tag: string): Tags {
  let tags = TAGS.get(tag);
  if (!tags) {
    const empty = EMPTY.has(tag);
    tags = { name: `<${tag}`, open: empty ? `<${tag} />` : `<${tag}>`, close: `</${tag}>`, empty };
    TAGS.set(tag, tags);
  }
  return tags;
}
