/**
 * Python-Markdown's inline pass. Each element's text goes through the patterns in priority order;
 * every match is replaced by a placeholder for a stashed node (an element or a string), so later
 * patterns cannot see inside it. Then the placeholders are resolved into child elements and
 * text/tail strings, and the new children's own text is processed the same way.
 */
import { ETX, INLINE_PREFIX } from '../markers';
import { charBefore } from '../pyString';
import { sharedSlice } from '../sharedSlice';
import { type Element, NO_CHILDREN, insertChildren } from '../tree';
import { backtick } from './backtick';
import type { InlineContext } from './context';
import { asterisk, underscore } from './emphasis';
import { escape } from './escape';
import { carryPairs, keepingPairs, pairsFoundFor } from './linkParts';
import { imageLink, imageReference, link, reference, shortImageReference, shortReference } from './links';
import type { InlinePattern } from './pattern';
import { autolink, automail, entity, html, lineBreak, notStrong } from './simple';

const PATTERNS: readonly InlinePattern[] = [
  backtick, escape, reference, link, imageLink, imageReference, shortReference, shortImageReference,
  autolink, automail, lineBreak, html, entity, notStrong, asterisk, underscore,
];

/** Characters scanned by restarts in one pattern pass before switching to the linear fallback. */
const EXACT_RESTART_BUDGET = 4_000_000;
/** Pieces (text, placeholder, …) a forward pass gathers before joining them into one. */
const JOIN_EVERY = 512;
/** Vain scanning allowed per pattern pass (see InlineContext.effort). */
const EFFORT_PER_PASS = 2_000_000;

/**
 * The characters of every pattern's triggers, one bit each: one scan of a text tells which
 * patterns can match at all, instead of each pattern searching the whole text for its triggers.
 * A replacement only ever removes characters (a placeholder holds none of these), so a pattern
 * whose trigger characters were absent at the start stays impossible for the whole pass.
 */
const TRIGGER_BIT = new Uint16Array(128);
let triggerChars = 0;
for (const pattern of PATTERNS) {
  for (const trigger of [...pattern.triggers, pattern.requires ?? '']) {
    for (const ch of trigger) {
      const code = ch.charCodeAt(0);
      if (code >= 128 || triggerChars >= 16) throw new Error(`inline trigger ${JSON.stringify(ch)} needs a wider mask`);
      if (TRIGGER_BIT[code] === 0) TRIGGER_BIT[code] = 1 << triggerChars++;
    }
  }
}
/**
 * For each pattern, its triggers' characters as masks: all characters of one trigger (and those
 * the pattern requires) must occur for a match (patterns have at most two triggers; a second mask
 * of 0 means none).
 */
const PATTERN_MASKS = new Uint16Array(PATTERNS.length * 2);
PATTERNS.forEach((pattern, i) => {
  if (pattern.triggers.length > 2) throw new Error(`inline pattern ${pattern.name} has more than two triggers`);
  const chars = (trigger: string): string[] => [...trigger, ...(pattern.requires ?? '')];
  pattern.triggers.forEach((trigger, j) => {
    PATTERN_MASKS[i * 2 + j] = chars(trigger).reduce((mask, ch) => mask | TRIGGER_BIT[ch.charCodeAt(0)]!, 0);
  });
});

/** Patterns with a trigger of several characters (`![`, two spaces and a newline). */
const MULTI_CHAR_TRIGGERS = PATTERNS.map((pattern) => pattern.triggers.some((t) => t.length > 1));

function mayMatch(patternIndex: number, present: number): boolean {
  const first = PATTERN_MASKS[patternIndex * 2]!;
  const second = PATTERN_MASKS[patternIndex * 2 + 1]!;
  return (present & first) === first || (second !== 0 && (present & second) === second);
}

/** The trigger characters, each with its bit. */
const TRIGGER_LIST: [string, number][] = [];
TRIGGER_BIT.forEach((bit, code) => {
  if (bit) TRIGGER_LIST.push([String.fromCharCode(code), bit]);
});

/** Past this length one engine search per trigger character beats a loop over the text. */
const SEARCH_PER_CHAR_FROM = 200;

function triggerCharsIn(data: string): number {
  let present = 0;
  if (data.length >= SEARCH_PER_CHAR_FROM) {
    for (const [ch, bit] of TRIGGER_LIST) if (data.includes(ch)) present |= bit;
    return present;
  }
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code < 128) present |= TRIGGER_BIT[code]!;
  }
  return present;
}

export class InlineProcessor {
  private readonly tailHolder: Element = { tag: 'd', attrs: null, text: null, atomic: false, tail: null, children: NO_CHILDREN };

  constructor(private readonly ctx: InlineContext) {}

  /** Runs every pattern from `patternIndex` on, each until it no longer matches. */
  private handleInline(data: string, patternIndex = 0): string {
    const present = triggerCharsIn(data);
    for (let i = patternIndex; i < PATTERNS.length; i++) {
      if (mayMatch(i, present)) data = this.applyPattern(PATTERNS[i]!, data, i);
    }
    return data;
  }

  private applyPattern(pattern: InlinePattern, data: string, patternIndex: number): string {
    // The trigger mask said each single-character trigger was there; longer ones may not be.
    if (MULTI_CHAR_TRIGGERS[patternIndex] && !pattern.triggers.some((t) => data.includes(t))) return data;
    this.ctx.effort = EFFORT_PER_PASS + 4 * data.length;
    if (pattern.earlierStaysUnmatched) return this.applyPatternForward(pattern, data, patternIndex, 0);
    // Python searches again from the start after every replacement: earlier positions can match
    // once a later piece is hidden behind a placeholder. That is quadratic, so past a budget of
    // work (only on huge paragraphs) the search continues after the replacement instead.
    let work = 0;
    let from = 0;
    for (;;) {
      if (work > EXACT_RESTART_BUDGET) return this.applyPatternForward(pattern, data, patternIndex, from);
      const m = pattern.find(this.ctx, data, from, (i) => charBefore(data, i));
      if (!m) return data;
      if (m.node === null) {
        from = m.end;
        continue;
      }
      const pairs = pairsFoundFor(data);
      const placeholder = this.stashMatch(m.node, patternIndex);
      const before = data;
      data = data.slice(0, m.start) + placeholder + data.slice(m.end);
      carryPairs(pairs, before, data, m.start, m.end, placeholder.length);
      work += m.end + data.length;
      from = 0;
    }
  }

  /** Processes a new node's own text (with the later patterns) and tails, then stashes it. */
  private stashMatch(node: Element | string, patternIndex: number): string {
    if (typeof node !== 'string' && !node.atomic) keepingPairs(() => this.processNewNode(node, patternIndex));
    return this.ctx.stash(node);
  }

  /** A new node's own text with the later patterns, its children's tails with this one on. */
  private processNewNode(node: Element, patternIndex: number): void {
    for (let ci = -1; ci < node.children.length; ci++) {
      const child = ci < 0 ? node : node.children[ci]!;
      // Only the later patterns: a link's text gets images, references, emphasis… but no link
      // pattern again here (the tree walk later runs all of them on the texts of its children).
      if (child.text) child.text = this.handleInline(child.text, patternIndex + 1);
      if (child.tail) child.tail = this.handleInline(child.tail, patternIndex);
    }
  }

  /** The linear fallback: one pass, each search continuing after the previous replacement. */
  private applyPatternForward(pattern: InlinePattern, data: string, patternIndex: number, from: number): string {
    const pieces: string[] = [];
    let chunks: string[] | null = null;
    let cursor = 0;
    // Right after a replacement the character before is the placeholder's closing ETX.
    const prevAt = (i: number): string | undefined => (i === cursor && cursor > 0 ? ETX : charBefore(data, i));
    for (;;) {
      const m = pattern.find(this.ctx, data, from, prevAt);
      if (!m) break;
      if (m.node === null) {
        from = m.end;
        continue;
      }
      pieces.push(data.slice(cursor, m.start), this.stashMatch(m.node, patternIndex));
      cursor = from = m.end;
      // Joined as they come: a line of a million matches would otherwise keep two million small
      // strings alive to the end of the pass, each copied by the collector on the way.
      if (pieces.length >= JOIN_EVERY) {
        (chunks ??= []).push(pieces.join(''));
        pieces.length = 0;
      }
    }
    if (!pieces.length && !chunks) return data;
    pieces.push(data.slice(cursor));
    if (!chunks) return pieces.join('');
    chunks.push(pieces.join(''));
    return chunks.join('');
  }

  /** Resolves placeholders in `data` into text of `parent` (or its tail) and returned elements. */
  private processPlaceholders(data: string, parent: Element, isText: boolean): Element[] {
    const result: Element[] = [];
    const linkText = (text: string): void => {
      if (!text) return;
      if (result.length) {
        const last = result[result.length - 1]!;
        last.tail = last.tail ? last.tail + text : text;
      } else if (!isText) parent.tail = parent.tail ? parent.tail + text : text;
      else parent.text = parent.text ? parent.text + text : text;
    };
    let start = 0;
    for (;;) {
      const index = data.indexOf(INLINE_PREFIX, start);
      if (index === -1) {
        linkText(sharedSlice(data, start));
        break;
      }
      // The prefix, digits, then ETX: read by hand (a regex match array per placeholder adds up
      // on hostile lines of hundreds of thousands of them).
      const digitsStart = index + INLINE_PREFIX.length;
      let digitsEnd = digitsStart;
      while (digitsEnd < data.length && data.charCodeAt(digitsEnd) >= 48 && data.charCodeAt(digitsEnd) <= 57) digitsEnd++;
      const whole = digitsEnd > digitsStart && data.charCodeAt(digitsEnd) === 3;
      const node = whole ? this.ctx.stashedAtDigits(data, digitsStart, digitsEnd) : undefined;
      if (node === undefined) {
        const end = index + INLINE_PREFIX.length;
        linkText(data.slice(start, end));
        start = end;
        continue;
      }
      linkText(sharedSlice(data, start, index));
      start = digitsEnd + 1;
      if (typeof node === 'string') {
        linkText(node);
        continue;
      }
      for (let ci = -1; ci < node.children.length; ci++) {
        const child = ci < 0 ? node : node.children[ci]!;
        // Python skips blank texts; texts without a placeholder (never blank: the prefix has
        // letters) come back unchanged, which is most new elements' texts.
        if (child.tail && child.tail.includes(INLINE_PREFIX)) this.processElementText(node, child, false);
        if (child.text && child.text.includes(INLINE_PREFIX)) this.processElementText(child, child, true);
      }
      result.push(node);
    }
    return result;
  }

  private processElementText(node: Element, subnode: Element, isText: boolean): void {
    let text: string;
    if (isText) {
      text = subnode.text!;
      subnode.text = null;
    } else {
      text = subnode.tail!;
      subnode.tail = null;
    }
    const children = this.processPlaceholders(text, subnode, isText);
    const pos = !isText && node !== subnode ? node.children.indexOf(subnode) + 1 : 0;
    insertChildren(node, pos, children);
  }

  /**
   * Python-Markdown's tree walk: every element's text and tail go through all the patterns, and
   * the elements made from a text are walked in turn (so the children of a link's text, such as
   * an `em`, get every pattern again, links included). Python also keeps a list of ancestor tags
   * for patterns' ANCESTOR_EXCLUDES, but no pattern of 3.4.1 has any: nothing here needs it.
   */
  run(root: Element): void {
    const elements: Element[] = [root];
    while (elements.length) {
      const current = elements.pop()!;
      let insertQueue: [Element, Element[]][] | null = null;
      for (let ci = 0; ci < current.children.length; ci++) {
        const child = current.children[ci]!;
        if (child.text && !child.atomic) {
          const text = this.handleInline(child.text);
          // Nothing matched (most texts of elements the patterns made): the text stays as it is.
          if (!text.includes(INLINE_PREFIX)) child.text = text;
          else {
            child.text = null;
            const list = this.processPlaceholders(text, child, true);
            for (const el of list) elements.push(el);
            if (list.length) (insertQueue ??= []).push([child, list]);
          }
        }
        if (child.tail) {
          const tail = this.handleInline(child.tail);
          // Nothing matched (most tails: a hostile line has a million): the tail stays as it is.
          if (!tail.includes(INLINE_PREFIX)) child.tail = tail;
          else {
            // Python's throwaway `d` element: only its tail is read back, so one serves every tail.
            const dummy = this.tailHolder;
            dummy.tail = null;
            child.tail = null;
            const tailResult = this.processPlaceholders(tail, dummy, false);
            if (dummy.tail) child.tail = dummy.tail;
            insertChildren(current, ci + 1, tailResult);
          }
        }
        if (child.children.length) elements.push(child);
      }
      if (insertQueue) for (const [el, list] of insertQueue) insertChildren(el, 0, list);
    }
  }
}
