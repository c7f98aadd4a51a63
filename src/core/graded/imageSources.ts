/**
 * The images of a graded page (the HTML string `renderGradedPage` returns), and the same page with
 * their sources swapped: the export inlines each figure as a data: URI and changes nothing else, so
 * its body is the graded page byte for byte apart from those attribute values.
 *
 * The page holds our serializer's `<img alt="…" src="…" />` and, verbatim, whatever `<img>` tags a
 * student wrote as raw HTML (any quoting, any attribute order). Comments are skipped: an image
 * commented out is not shown, so it is not inlined either.
 */

export interface GradedImage {
  /** The `src` as the browser reads it (character references decoded). */
  readonly src: string;
  /** Where the attribute value sits in the page, quotes excluded. */
  readonly start: number;
  readonly end: number;
  readonly quote: '"' | "'" | '';
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an attribute value of the page can hold. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const IMG_OR_COMMENT = /<!--|<img(?=[\s/>])/gi;
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

/**
 * Every `<img>` of the page with a `src`, in page order. Attributes are read one by one (as a
 * browser does), so a `src=` inside another attribute's quoted value is not taken for the source;
 * each tag is scanned once, so the cost stays linear whatever the page holds.
 */
export function gradedImages(html: string): GradedImage[] {
  const found: GradedImage[] = [];
  IMG_OR_COMMENT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = IMG_OR_COMMENT.exec(html)) !== null) {
    if (match[0] === '<!--') {
      const close = html.indexOf('-->', match.index + 4);
      if (close === -1) break;
      IMG_OR_COMMENT.lastIndex = close + 3;
      continue;
    }
    let at = match.index + 4;
    let image: GradedImage | null = null;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(html);
      if (!attribute || attribute[0] === '') break;
      at = ATTRIBUTE.lastIndex;
      if (image !== null || attribute[1].toLowerCase() !== 'src') continue;
      const raw = attribute[2] ?? attribute[3] ?? attribute[4];
      if (raw === undefined) continue;
      const quote = attribute[2] !== undefined ? '"' : attribute[3] !== undefined ? "'" : '';
      const start = at - raw.length - quote.length;
      image = { src: decodeAttribute(raw), start, end: start + raw.length, quote };
    }
    if (image) found.push(image);
    IMG_OR_COMMENT.lastIndex = Math.max(at, match.index + 4);
  }
  return found;
}

/** Escapes a new attribute value for the quoting it goes into. */
function escapeFor(value: string, quote: GradedImage['quote']): string {
  const escaped = value.replace(/&/g, '&amp;');
  if (quote === '"') return escaped.replace(/"/g, '&quot;');
  if (quote === "'") return escaped.replace(/'/g, '&#39;');
  return escaped.replace(/[\s"'=<>`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page with every image's `src` replaced by `replace(src)` (or kept when it answers null). */
export function replaceGradedImageSources(html: string, replace: (src: string) => string | null): string {
  let out = '';
  let at = 0;
  for (const image of gradedImages(html)) {
    const next = replace(image.src);
    if (next === null) continue;
    out += html.slice(at, image.start) + escapeFor(next, image.quote);
    at = image.end;
  }
  return out + html.slice(at);
}
