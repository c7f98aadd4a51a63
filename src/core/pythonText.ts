/**
 * Text primitives that behave exactly like the Python the course's `report.py` runs.
 * JavaScript's `\s` and string indexing differ from Python's in ways that change word counts
 * and cut points, so nothing in the checker may use them directly.
 */

/**
 * Python's `str.isspace()` set, which `str.split()` splits on. Unlike JS `\s` it includes
 * U+001C–U+001F and U+0085 and excludes U+FEFF (a BOM is glued to the first word).
 */
const PYTHON_WHITESPACE_RUN =
  /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** Python's `open(...).read()` in text mode: universal newlines turn CRLF and lone CR into LF. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** `len(text.split())` in Python. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(PYTHON_WHITESPACE_RUN)) if (token !== '') count++;
  return count;
}

/**
 * `len(re.findall(r"\!\[.*?\]\(.*?\)", text))`. Python's `.` excludes only `\n`
 * (JS's also excludes `\r`, U+2028 and U+2029), hence `[^\n]`.
 */
const IMAGE_LINK = /!\[[^\n]*?\]\([^\n]*?\)/g;
export function countImages(text: string): number {
  let count = 0;
  IMAGE_LINK.lastIndex = 0;
  while (IMAGE_LINK.exec(text) !== null) count++;
  return count;
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
