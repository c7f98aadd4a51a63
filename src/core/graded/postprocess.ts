/** Puts the stashed raw HTML back into the serialized page, unwrapping block-level HTML from `<p>`. */
import { AMP_SUBSTITUTE, HTML_PREFIX, type HtmlStash, htmlPlaceholder, isBlockLevel } from './markers';

const BLOCK_TAG = /^<\/?([^ >]+)/;

function isBlockHtml(html: string): boolean {
  const m = BLOCK_TAG.exec(html);
  if (!m) return false;
  const name = m[1]!;
  if ('!?@%'.includes(name[0]!)) return true;
  return isBlockLevel(name);
}

const PLACEHOLDER = /<p>\u0002wzxhzdk:([0-9]+)\u0003<\/p>|\u0002wzxhzdk:([0-9]+)\u0003/g;

export function restoreRawHtml(text: string, stash: HtmlStash): string {
  if (!stash.blocks.length) return text;
  const replacements = new Map<string, string>();
  stash.blocks.forEach((html, i) => {
    if (isBlockHtml(html)) replacements.set(`<p>${htmlPlaceholder(i)}</p>`, html);
    replacements.set(htmlPlaceholder(i), html);
  });
  // The same substitution again while it changes something: stashed HTML can hold placeholders.
  for (let round = 0; round < 100; round++) {
    const next = text.replace(PLACEHOLDER, (key: string) => {
      const direct = replacements.get(key);
      if (direct !== undefined) return direct;
      const inner = replacements.get(key.slice(3, -4));
      return inner !== undefined ? `<p>${inner}</p>` : key;
    });
    if (next === text) break;
    text = next;
    // Another round only when stashed HTML brought placeholders in (it would change nothing else).
    if (!text.includes(HTML_PREFIX)) break;
  }
  return text;
}

export function restoreAmpersands(text: string): string {
  return text.replaceAll(AMP_SUBSTITUTE, '&');
}
