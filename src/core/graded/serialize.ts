/**
 * Python-Markdown's XHTML serializer: `<br />`-style empty elements, attributes in key order,
 * `&` escaped only where it does not already start an entity.
 */
import type { RawHtmlRestorer } from './postprocess';
import type { Element } from './tree';

const EMPTY = new Set(['area', 'base', 'basefont', 'br', 'col', 'frame', 'hr', 'img', 'input', 'isindex', 'link', 'meta', 'param']);

/**
 * `&` not followed by `#digits;`, `#xhex;` or `name;` (case-insensitive). Python's `[0-9a-z]` with
 * re.I also takes the four non-ASCII letters whose case maps onto ASCII (İ ı ſ and the Kelvin
 * sign); JavaScript's takes none of them without the u flag, so they are listed.
 */
const BARE_AMP = /&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z\u0130\u0131\u017f\u212a]+);)/gi;

const SPECIAL = /[&<>]/;

export function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  if (text.includes('&')) text = text.replace(BARE_AMP, '&amp;');
  if (text.includes('<')) text = text.replaceAll('<', '&lt;');
  if (text.includes('>')) text = text.replaceAll('>', '&gt;');
  return text;
}

/**
 * Python-Markdown's `_escape_attrib_html`, not ElementTree's `_escape_attrib`: a newline in an
 * attribute (an image's alt text over two lines, an href with a line break) stays a newline.
 */
export function escapeAttribute(text: string): string {
  text = escapeText(text);
  if (text.includes('"')) text = text.replaceAll('"', '&quot;');
  return text;
}

/**
 * The page's pieces, joined every few thousand into a chunk and the chunks once at the end: one
 * list of a piece per tag and text (three per link on a hostile line: millions) grew by copying
 * and kept every piece alive until the end.
 */
class Output {
  readonly pieces: string[] = [];
  private chunks: string[] | null = null;
  /** Called between elements: the pieces of one element are few. */
  settle(): void {
    if (this.pieces.length < JOIN_EVERY) return;
    (this.chunks ??= []).push(this.pieces.join(''));
    this.pieces.length = 0;
  }
  text(): string {
    if (!this.chunks) return this.pieces.join('');
    this.chunks.push(this.pieces.join(''));
    return this.chunks.join('');
  }
}
const JOIN_EVERY = 2048;

export function serialize(root: Element): string {
  const out = new Output();
  write(root, out, null);
  lastOpen = NO_OPEN;
  return out.text();
}

/**
 * What `serialize(root)` holds between the root's own tags (the root has no attributes and no
 * tail), without writing the whole page and searching it for them.
 */
export function serializeContent(root: Element, restorer: RawHtmlRestorer | null = null): string {
  const out = new Output();
  if (root.text) out.pieces.push(restored(escapeText(root.text), restorer));
  for (const child of root.children) {
    write(child, out, restorer);
    out.settle();
  }
  // Not kept past the page: it would hold on to the page's stash of raw HTML.
  lastOpen = NO_OPEN;
  return out.text();
}

/** A text or attribute value with the stashed HTML its placeholders name (`restorer`'s first round). */
function restored(text: string, restorer: RawHtmlRestorer | null): string {
  return restorer ? restorer.inText(text) : text;
}

/**
 * Pieces pushed to an array and joined (see Output): a page of tens of thousands of small strings
 * concatenated makes a deep rope that every later search must first flatten.
 */
function write(el: Element, output: Output, restorer: RawHtmlRestorer | null): void {
  const out = output.pieces;
  const tags = tagsOf(el.tag);
  const attrs = el.attrs;
  // `<p>placeholder</p>`: the paragraph gives way to the stashed HTML (or wraps inline HTML).
  const whole = restorer && el.tag === 'p' && !attrs && !el.children.length && el.text ? restorer.wholeParagraph(el.text) : undefined;
  if (whole !== undefined) out.push(whole);
  else {
    if (attrs) out.push(openingTag(el.tag, tags, attrs, restorer));
    else out.push(tags.open);
    if (!tags.empty) {
      if (el.text) out.push(restored(escapeText(el.text), restorer));
      for (const child of el.children) {
        write(child, output, restorer);
        output.settle();
      }
      out.push(tags.close);
    }
  }
  if (el.tail) out.push(restored(escapeText(el.tail), restorer));
}

/**
 * The last opening tag with attributes that was written, and what it was made from: a hostile
 * line repeats one link or image hundreds of thousands of times, and each tag built anew was a
 * handful of short strings kept alive until the page was joined.
 */
const NO_OPEN = { tag: '', attrs: [] as string[], restorer: null as RawHtmlRestorer | null, html: '' };
let lastOpen = NO_OPEN;

function openingTag(tag: string, tags: Tags, attrs: string[], restorer: RawHtmlRestorer | null): string {
  const last = lastOpen;
  if (last.tag === tag && last.restorer === restorer && sameStrings(last.attrs, attrs)) return last.html;
  let open = tags.name;
  for (let i = 0; i < attrs.length; i += 2) open += ` ${attrs[i]!}="${restored(escapeAttribute(attrs[i + 1]!), restorer)}"`;
  open += tags.empty ? ' />' : '>';
  lastOpen = { tag, attrs: attrs.slice(), restorer, html: open };
  return open;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
