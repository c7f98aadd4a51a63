/**
 * The control characters and placeholder shapes Python-Markdown hides stashed pieces behind.
 * They leak into the graded page in a few corner cases (a backslash escape inside raw HTML), so
 * they must be the same characters and digits, not just "some unique marker".
 */
export const STX = '\u0002';
export const ETX = '\u0003';
export const INLINE_PREFIX = `${STX}klzzwxh:`;
export const HTML_PREFIX = `${STX}wzxhzdk:`;
export const AMP_SUBSTITUTE = `${STX}amp${ETX}`;

export function inlinePlaceholder(id: number): string {
  return `${INLINE_PREFIX}${String(id).padStart(4, '0')}${ETX}`;
}

export function htmlPlaceholder(id: number): string {
  return `${HTML_PREFIX}${id}${ETX}`;
}

/** Python-Markdown's block-level tag list (3.4), which decides raw HTML blocks and prettifying. */
const BLOCK_LEVEL = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'table', 'ul', 'canvas', 'colgroup', 'dd', 'body', 'dt', 'group', 'iframe', 'li',
  'legend', 'math', 'map', 'noscript', 'output', 'object', 'option', 'progress', 'script', 'style', 'summary',
  'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'tr', 'video',
]);

export function isBlockLevel(tag: string): boolean {
  let t = tag.toLowerCase();
  while (t.endsWith('/')) t = t.slice(0, -1);
  return BLOCK_LEVEL.has(t);
}

/** Characters a backslash escapes in Python-Markdown's core syntax. */
export const ESCAPED_CHARS = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '>', '#', '+', '-', '.', '!']);

/** A store of raw HTML pieces shared by the block preprocessor and the inline HTML pattern. */
export class HtmlStash {
  readonly blocks: string[] = [];
  store(html: string): string {
    this.blocks.push(html);
    return htmlPlaceholder(this.blocks.length - 1);
  }
}
