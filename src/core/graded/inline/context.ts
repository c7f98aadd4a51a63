/** Shared state of one inline pass: the stashed nodes behind placeholders, references, raw HTML. */
import type { Reference } from '../blockParser';
import { type HtmlStash, INLINE_PREFIX, inlinePlaceholder } from '../markers';
import { serialize } from '../serialize';
import type { Element } from '../tree';

/** Texts remembered at once in `memo`: the text a pattern searches and those searched meanwhile. */
const MEMO_KEPT = 32;

const PLACEHOLDER = /\u0002klzzwxh:([0-9]+)\u0003/g;

export class InlineContext {
  /** The stashed nodes by id; a placeholder names id i as `%04d` (`0007`, `12345`). */
  private readonly stashed: (Element | string)[] = [];
  /**
   * Characters a pattern may still scan in vain in this pass. Python-Markdown rescans to the end
   * of the paragraph for each failed `*`, `_` or `(`, which is quadratic; real text never comes
   * near this, hostile text stops matching that pattern instead of hanging.
   */
  effort = 0;
  /**
   * What a pattern learnt about a text it searches, for its next search of the same text in this
   * pass; a few texts at a time, so a huge page does not keep every version. Looked up by
   * identity first: a Map keyed by the text would hash every new text in full.
   */
  private readonly memoTexts: string[] = [];
  private readonly memoValues: object[] = [];
  /**
   * What was remembered for `data`. A hit on equal text in another string (a paragraph pasted
   * twice) compares all of it, so the entry is re-keyed to this string: later lookups with it
   * compare pointers.
   */
  recall(data: string): object | undefined {
    const texts = this.memoTexts;
    for (let i = texts.length - 1; i >= 0; i--) {
      const known = texts[i]!;
      if (known.length === data.length && known === data) {
        texts[i] = data;
        return this.memoValues[i];
      }
    }
    return undefined;
  }
  remember(data: string, value: object): void {
    if (this.memoTexts.length >= MEMO_KEPT) {
      this.memoTexts.length = 0;
      this.memoValues.length = 0;
    }
    this.memoTexts.push(data);
    this.memoValues.push(value);
  }

  constructor(
    readonly references: Map<string, Reference>,
    readonly htmlStash: HtmlStash,
  ) {}

  stash(node: Element | string): string {
    this.stashed.push(node);
    return inlinePlaceholder(this.stashed.length - 1);
  }

  /** The node a placeholder's digits name, if they are exactly how one was written. */
  stashedAt(digits: string): Element | string | undefined {
    const id = Number(digits);
    if (id >= this.stashed.length) return undefined;
    return digits.length === 4 ? this.stashed[id] : digits.length > 4 && digits[0] !== '0' ? this.stashed[id] : undefined;
  }

  /**
   * `stashedAt(data.slice(start, end))` for the ASCII digits `data` holds there, read in place: a
   * hostile line resolves hundreds of thousands of placeholders, each a slice and a number parse.
   */
  stashedAtDigits(data: string, start: number, end: number): Element | string | undefined {
    const length = end - start;
    // Exactly four digits (`0007`), or more without a leading zero, as `%04d` writes them.
    if (length < 4 || (length > 4 && data.charCodeAt(start) === 48)) return undefined;
    // Past 15 digits the sum below could lose precision; no stash is that large anyway.
    if (length > 15) return this.stashedAt(data.slice(start, end));
    let id = 0;
    for (let i = start; i < end; i++) id = id * 10 + data.charCodeAt(i) - 48;
    return id < this.stashed.length ? this.stashed[id] : undefined;
  }

  /** Placeholders back to text: strings as they are, elements as their text content. */
  unescape(text: string): string {
    if (!text.includes(INLINE_PREFIX)) return text;
    return text.replace(PLACEHOLDER, (whole, id: string) => {
      const value = this.stashedAt(id);
      if (value === undefined) return '';
      return typeof value === 'string' ? value : textContent(value);
    });
  }

  /** Placeholders back to markup, as inside raw inline HTML. */
  unescapeToHtml(text: string): string {
    if (!text.includes(INLINE_PREFIX)) return text;
    return text.replace(PLACEHOLDER, (whole, id: string) => {
      const value = this.stashedAt(id);
      if (value === undefined) return '';
      return typeof value === 'string' ? `\\${value}` : serialize(value);
    });
  }
}

export function textContent(el: Element): string {
  let out = el.text ?? '';
  for (const child of el.children) out += textContent(child) + (child.tail ?? '');
  return out;
}
