/**
 * Text primitives that behave exactly like the Python the course's `report.py` runs.
 * JavaScript's `\s` and string indexing differ from Python's in ways that change word counts
 * and cut points, so nothing in the checker may use them directly.
 */

/**
 * Python's `str.isspace()` set, which `str.split()` splits on. Unlike JS `\s` it includes
 * U+001C–U+001F and U+0085 and excludes U+FEFF (a BOM is glued to the first word).
 */
const WHITESPACE_CODES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
/** A lookup table up to the highest whitespace code point, so the per-character test is one load. */
const WHITESPACE_TABLE = new Uint8Array(0x3001);
for (const code of WHITESPACE_CODES) WHITESPACE_TABLE[code] = 1;

export function isPythonWhitespace(code: number): boolean {
  return code <= 0x3000 && WHITESPACE_TABLE[code] === 1;
}

/** Python's `open(...).read()` in text mode: universal newlines turn CRLF and lone CR into LF. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** A word as `str.split()` sees it: a run of anything but WHITESPACE_CODES (the tests compare the two). */
const PYTHON_WORD = /[^\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * `len(text.split())` in Python, by one native search per word: no string or match object is made.
 * Fastest while V8 still interprets this code (a single `check`: 0.8 ms for real-041's answers,
 * against 2.2 ms for the loop below, whose every character is a call there).
 */
export function countWordsBySearch(text: string): number {
  PYTHON_WORD.lastIndex = 0;
  let count = 0;
  // `test` moves lastIndex past each word, and sets it back to 0 once none is left.
  while (PYTHON_WORD.test(text)) count++;
  return count;
}

/**
 * `len(text.split())` in Python, character by character. Once optimised, a third faster than the
 * search (it runs on every keystroke over the whole report); splitting into an array of strings
 * was the slowest part of a check.
 */
export function countWordsByChars(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x3000 && WHITESPACE_TABLE[code] === 1) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}

/** Counts so far in this process: the first are cold (a single `check` makes ~60), the rest warm. */
let counts = 0;
const COLD_COUNTS = 200;

/** `len(text.split())` in Python: the same count either way, by the faster way for this process so far. */
export function countWords(text: string): number {
  return ++counts <= COLD_COUNTS ? countWordsBySearch(text) : countWordsByChars(text);
}

/**
 * `len(re.findall(r"\!\[.*?\]\(.*?\)", text))`, the checker's image count, in linear time.
 *
 * As a backtracking regex the pattern is cubic on a line of repeated `![a](` (seconds at 10 kB, a
 * hang at 1 MB). Its matches follow from three facts: `.` stops only at `\n`, both `.*?` are lazy,
 * and findall resumes after each match. So a match starting at a `![` ends at the first `)` after
 * the first `](` after it, on the same line; and when a `![` finds no such `](` … `)`, no later `![`
 * on that line can either (it would need the same `](` … `)` further right), so the scan skips to
 * the next line. Each search only ever moves forward, so each pattern's next occurrence is looked up
 * once per position: linear overall, even with many short lines.
 */
export function countImages(text: string): number {
  const next = {
    bang: nextOccurrence(text, '!['),
    close: nextOccurrence(text, ']('),
    paren: nextOccurrence(text, ')'),
    newline: nextOccurrence(text, '\n'),
  };
  let count = 0;
  let pos = 0;
  while (pos < text.length) {
    const start = next.bang(pos);
    if (start === -1) break;
    const lineEnd = next.newline(start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const close = next.close(start + 2);
    const paren = close === -1 || close >= end ? -1 : next.paren(close + 2);
    if (paren === -1 || paren >= end) {
      pos = end + 1; // nothing more on this line can match
      continue;
    }
    count++;
    pos = paren + 1;
  }
  return count;
}

/**
 * `text.indexOf(needle, from)` for non-decreasing `from`: the last answer is reused while it still
 * lies ahead, so a run of queries scans the text at most once.
 */
function nextOccurrence(text: string, needle: string): (from: number) => number {
  let found = -2; // not searched yet
  return (from) => {
    if (found === -1 || (found >= from && found !== -2)) return found;
    found = text.indexOf(needle, from);
    return found;
  };
}

/** `text[n:]` in Python: drops n code points, not n UTF-16 units. Returns the UTF-16 offset cut. */
export function codePointOffset(text: string, codePoints: number): number {
  let offset = 0;
  for (let i = 0; i < codePoints && offset < text.length; i++) {
    const unit = text.charCodeAt(offset);
    offset += unit >= 0xd800 && unit <= 0xdbff && offset + 1 < text.length ? 2 : 1;
  }
  return offset;
}

/** Python's `s.strip("\n")`. */
export function stripNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 10) start++;
  while (end > start && text.charCodeAt(end - 1) === 10) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
