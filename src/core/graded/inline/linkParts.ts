/**
 * The two halves of `[text](href "title")` as Python-Markdown scans them: bracketed text with
 * nesting, then a parenthesised destination whose parentheses and quotes are balanced by hand.
 */
import { PY_SPACE } from '../pyRegex';
import { isPythonWhitespace } from '../../pythonText';
import { fromEnd, pyStrip } from '../pyString';
import type { InlineContext } from './context';

/**
 * For each `[` of a string, the index of the `]` that closes it (-1: never closed), in a typed
 * array indexed by position: a Map of a million hostile openers cost more to fill and collect
 * than the whole rest of the line's rendering.
 */
interface Pairs {
  /** The closer of the `[` at `open`, or -1. */
  closing(open: number): number;
  /** How many replacements these pairs were carried through (0: found in the text itself). */
  readonly carried: number;
}

class BracketPairs implements Pairs {
  readonly carried = 0;
  /**
   * At an opener's index: 1 + the index of its closer; 0: not closed (or not an opener). Made at
   * the first pair: a line of openers that never close (or of placeholders after its links were
   * made) needs none.
   */
  private closeAfter: Int32Array | null = null;
  constructor(data: string) {
    const open: number[] = [];
    let nextOpen = data.indexOf('[');
    let nextClose = nextOpen === -1 ? -1 : data.indexOf(']', nextOpen);
    // Once no `]` is left no opener can close: a line of openers after its links were made (each
    // `![` before a placeholder) would otherwise push every one of them for nothing.
    while (nextClose !== -1 && (nextOpen !== -1 || open.length)) {
      if (nextOpen !== -1 && (nextClose === -1 || nextOpen < nextClose)) {
        open.push(nextOpen);
        nextOpen = data.indexOf('[', nextOpen + 1);
      } else {
        if (open.length) (this.closeAfter ??= new Int32Array(data.length))[open.pop()!] = nextClose + 1;
        nextClose = data.indexOf(']', nextClose + 1);
      }
    }
  }
  closing(open: number): number {
    return this.closeAfter ? this.closeAfter[open]! - 1 : -1;
  }
}

/**
 * The pairs of a text in which `[start, end)` was replaced by `insertedLength` characters without
 * brackets, the replaced part balanced on its own: no bracket outside it was paired with one
 * inside, so every other pair stands, moved by the change in length.
 */
class CarriedPairs implements Pairs {
  readonly carried: number;
  private readonly delta: number;
  constructor(
    private readonly before: Pairs,
    private readonly start: number,
    private readonly end: number,
    insertedLength: number,
  ) {
    this.carried = before.carried + 1;
    this.delta = insertedLength - (end - start);
  }
  closing(open: number): number {
    if (open < this.start) {
      const close = this.before.closing(open);
      return close < this.start ? close : close + this.delta;
    }
    if (open < this.end + this.delta) return -1;
    const close = this.before.closing(open - this.delta);
    return close === -1 ? -1 : close + this.delta;
  }
}

/** Replacements pairs are carried through before they are found again (each adds a step per question). */
const CARRIED_AT_MOST = 8;

let pairsCache: { data: string; pairs: Pairs } | null = null;

/** The pairs already found for `data`, if they are the ones at hand. */
export function pairsFoundFor(data: string): Pairs | null {
  return pairsCache && pairsCache.data === data ? pairsCache.pairs : null;
}

/**
 * Runs `inner` (the patterns on a new link's text, another string) and then gives the pairs found
 * before back: the search of the outer text goes on right after, and finding its pairs again for
 * every link it makes (a line of badges) is quadratic.
 */
export function keepingPairs<T>(inner: () => T): T {
  const kept = pairsCache;
  try {
    return inner();
  } finally {
    pairsCache = kept;
  }
}

/**
 * Keeps `pairs` (of `before`) for `after`, which is `before` with `[start, end)` replaced by
 * `insertedLength` characters without brackets (a link made into a placeholder): a pattern that
 * searches from the start again after each replacement would otherwise find every pair of a 2 MB
 * line again for each of its first links.
 */
export function carryPairs(pairs: Pairs | null, before: string, after: string, start: number, end: number, insertedLength: number): void {
  if (!pairs || pairs.carried >= CARRIED_AT_MOST) return;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = before.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93 && --depth < 0) return;
  }
  if (depth === 0) pairsCache = { data: after, pairs: new CarriedPairs(pairs, start, end, insertedLength) };
}

/**
 * Index of the `]` that balances the `[` just before `index`, or -1 (the text is
 * `data.slice(index, close)`). Python scans forward counting brackets; the matching pairs are
 * found once per string instead, so a line of a million `[` is not scanned a million times.
 */
export function closingBracket(data: string, index: number): number {
  if (!pairsCache || pairsCache.data !== data) pairsCache = { data, pairs: new BracketPairs(data) };
  // Equal text in another string (a paragraph pasted twice): the comparison above read all of it;
  // holding this string makes the next call's comparison a pointer check.
  else pairsCache.data = data;
  return pairsCache.pairs.closing(index - 1);
}

const ANGLE_LINK = new RegExp(`\\([${PY_SPACE}]*(?:(<[^<>]*>)[${PY_SPACE}]*(?:('[^']*'|"[^"]*")[${PY_SPACE}]*)?\\))?`, 'y');
const ANY_SPACE = new RegExp(`[${PY_SPACE}]`, 'g');

function dequote(text: string): string {
  if (text.length >= 2 || text.length === 1) {
    if ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'"))) return text.slice(1, -1);
  }
  return text;
}

export interface LinkTarget {
  href: string;
  title: string | null;
  end: number;
}

/** The `(href "title")` part starting at `index`, or null when there is none that closes. */
export function getLink(ctx: InlineContext, data: string, index: number): LinkTarget | null {
  if (data.charCodeAt(index) !== 40) return null;
  // The `<href>` form needs a `<` after the spaces; without one the regex would only say where
  // the spaces end, and a hostile line of links would pay for its match arrays.
  let afterSpaces = index + 1;
  while (afterSpaces < data.length && isPythonWhitespace(data.charCodeAt(afterSpaces))) afterSpaces++;
  let m: RegExpExecArray | null = null;
  if (data.charCodeAt(afterSpaces) === 60) {
    ANGLE_LINK.lastIndex = index;
    m = ANGLE_LINK.exec(data);
  }
  let href = '';
  let title: string | null = null;
  let end: number;
  if (m && m[1]) {
    href = pyStrip(m[1].slice(1, -1));
    if (m[2]) title = m[2].slice(1, -1);
    end = m.index + m[0].length;
  } else {
    let brackets = 1;
    let backtrack = 1;
    const startIndex = afterSpaces;
    let i = startIndex;
    let lastBracket = -1;
    let quote = '';
    let startQuote = -1;
    let exitQuote = -1;
    let ignoreMatches = false;
    let altQuote = '';
    let startAltQuote = -1;
    let exitAltQuote = -1;
    let last = '';
    let pos = startIndex;
    for (; pos < data.length; pos++) {
      const c = data[pos]!;
      if (c === '(') {
        if (!ignoreMatches) brackets++;
        else if (backtrack > 0) backtrack--;
      } else if (c === ')') {
        if ((exitQuote !== -1 && quote === last) || (exitAltQuote !== -1 && altQuote === last)) brackets = 0;
        else if (!ignoreMatches) brackets--;
        else if (backtrack > 0) {
          backtrack--;
          if (backtrack === 0) lastBracket = i + 1;
        }
      } else if (c === "'" || c === '"') {
        if (!quote) {
          ignoreMatches = true;
          backtrack = brackets;
          brackets = 1;
          startQuote = i + 1;
          quote = c;
        } else if (c !== quote && !altQuote) {
          startAltQuote = i + 1;
          altQuote = c;
        } else if (c === quote) exitQuote = i + 1;
        else if (altQuote && c === altQuote) exitAltQuote = i + 1;
      }
      i++;
      if (brackets === 0) {
        if (exitQuote >= 0 && quote === last) {
          href = data.slice(startIndex, startQuote - 1);
          title = data.slice(startQuote, exitQuote - 1);
        } else if (exitAltQuote >= 0 && altQuote === last) {
          href = data.slice(startIndex, startAltQuote - 1);
          title = data.slice(startAltQuote, exitAltQuote - 1);
        } else href = data.slice(startIndex, i - 1);
        break;
      }
      if (c !== ' ') last = c;
    }
    ctx.effort -= pos - startIndex;
    if (brackets !== 0 && backtrack === 0) {
      if (lastBracket === -1) {
        // A `(` inside the unclosed title can use up the backtrack count, and then no `)` ever
        // set lastBracket: Python goes on with -1 as an index. Its href is data[startIndex:-2]
        // and the caller's data[-1:] keeps the text's last character after the link, counted in
        // code points (an emoji at the end is one character to Python, two units here).
        href = data.slice(startIndex, fromEnd(data, 2));
        i = fromEnd(data, 1);
      } else {
        href = data.slice(startIndex, lastBracket - 1);
        i = lastBracket;
      }
      brackets = 0;
    }
    if (brackets !== 0) return null;
    end = i;
  }
  if (title !== null) title = dequote(ctx.unescape(pyStrip(title))).replace(ANY_SPACE, ' ');
  href = pyStrip(ctx.unescape(href));
  return { href, title, end };
}
