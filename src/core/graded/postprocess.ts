/** Puts the stashed raw HTML back into the serialized page, unwrapping block-level HTML from `<p>`. */
import { AMP_SUBSTITUTE, HTML_PREFIX, type HtmlStash, isBlockLevel } from './markers';

const BLOCK_TAG = /^<\/?([^ >]+)/;

function isBlockHtml(html: string): boolean {
  const m = BLOCK_TAG.exec(html);
  if (!m) return false;
  const name = m[1]!;
  if ('!?@%'.includes(name[0]!)) return true;
  return isBlockLevel(name);
}

const PARAGRAPH_OPEN = '<p>';
const PARAGRAPH_CLOSE = '</p>';

/**
 * One pass of Python-Markdown's substitution `<p>PLACEHOLDER</p>|PLACEHOLDER` (placeholder:
 * prefix, digits, ETX), leftmost first, the wrapped form preferred, each match consumed whether
 * or not its digits name a stashed piece. Found by searching for the prefix rather than trying a
 * regular expression at every `<` of the page.
 */
function substitutePlaceholders(text: string, replace: (digits: string, wrapped: boolean) => string | undefined): string | null {
  const pieces: string[] = [];
  let copied = 0;
  let matchEnd = 0;
  for (let k = text.indexOf(HTML_PREFIX); k !== -1; k = text.indexOf(HTML_PREFIX, matchEnd > k ? matchEnd : k + 1)) {
    const digitsStart = k + HTML_PREFIX.length;
    let d = digitsStart;
    while (d < text.length && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
    if (d === digitsStart || text.charCodeAt(d) !== 3) continue;
    const wrapped =
      k - PARAGRAPH_OPEN.length >= matchEnd && text.startsWith(PARAGRAPH_OPEN, k - PARAGRAPH_OPEN.length) && text.startsWith(PARAGRAPH_CLOSE, d + 1);
    const start = wrapped ? k - PARAGRAPH_OPEN.length : k;
    matchEnd = wrapped ? d + 1 + PARAGRAPH_CLOSE.length : d + 1;
    const html = replace(text.slice(digitsStart, d), wrapped);
    if (html === undefined) continue;
    pieces.push(text.slice(copied, start), html);
    copied = matchEnd;
  }
  if (!pieces.length) return null;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

export function restoreRawHtml(text: string, stash: HtmlStash): string {
  if (!stash.blocks.length) return text;
  const blocks = stash.blocks;
  const isBlock: (boolean | undefined)[] = [];
  const replace = (digits: string, wrapped: boolean): string | undefined => {
    // Python keys the pieces as `str(i)`: `07` names nothing.
    const i = Number(digits);
    const html = i < blocks.length && String(i) === digits ? blocks[i]! : undefined;
    if (html === undefined || !wrapped) return html;
    // `<p>placeholder</p>`: block-level HTML replaces the paragraph, inline HTML stays inside it.
    isBlock[i] ??= isBlockHtml(html);
    return isBlock[i] ? html : `<p>${html}</p>`;
  };
  // The same substitution again while it changes something: stashed HTML can hold placeholders.
  for (let round = 0; round < 100; round++) {
    const next = substitutePlaceholders(text, replace);
    if (next === null || next === text) break;
    text = next;
    // Another round only when stashed HTML brought placeholders in (it would change nothing else).
    if (!text.includes(HTML_PREFIX)) break;
  }
  return text;
}

/**
 * The first round of `restoreRawHtml` done while the page is serialized, piece by piece, so the
 * page is not written and then copied again. Equivalent because a placeholder always lies inside
 * one text (or attribute value), and `<p>` right before one can only be the open tag of a
 * paragraph whose whole text it is (text and attributes are escaped: no other `<p>` exists yet).
 */
export class RawHtmlRestorer {
  private readonly isBlock: (boolean | undefined)[] = [];
  /** Whether stashed HTML put in held placeholders itself: then more rounds follow on the page. */
  private broughtPlaceholders = false;
  constructor(private readonly stash: HtmlStash) {}

  private readonly replace = (digits: string, wrapped: boolean): string | undefined => {
    const blocks = this.stash.blocks;
    const i = Number(digits);
    const html = i < blocks.length && String(i) === digits ? blocks[i]! : undefined;
    if (html === undefined) return undefined;
    if (html.includes(HTML_PREFIX)) this.broughtPlaceholders = true;
    if (!wrapped) return html;
    this.isBlock[i] ??= isBlockHtml(html);
    return this.isBlock[i] ? html : `<p>${html}</p>`;
  };

  /** The placeholders in one escaped text or attribute value. */
  inText(text: string): string {
    if (!text.includes(HTML_PREFIX)) return text;
    return substitutePlaceholders(text, this.replace) ?? text;
  }

  /** What replaces `<p>text</p>` when the text is exactly one placeholder naming stashed HTML. */
  wholeParagraph(text: string): string | undefined {
    if (!text.startsWith(HTML_PREFIX) || text.charCodeAt(text.length - 1) !== 3) return undefined;
    const digits = text.slice(HTML_PREFIX.length, -1);
    for (let k = 0; k < digits.length; k++) {
      const c = digits.charCodeAt(k);
      if (c < 48 || c > 57) return undefined;
    }
    return digits.length ? this.replace(digits, true) : undefined;
  }

  /** The further rounds, on the page serialized with this restorer. */
  finish(page: string): string {
    return this.broughtPlaceholders ? restoreRawHtml(page, this.stash) : page;
  }
}

export function restoreAmpersands(text: string): string {
  return text.replaceAll(AMP_SUBSTITUTE, '&');
}
