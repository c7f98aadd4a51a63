/** Python `str` methods the renderer needs with Python's exact whitespace set. */
import { isPythonWhitespace } from '../pythonText';

export function pyStrip(text: string): string {
  return pyRstrip(pyLstrip(text));
}

export function pyLstrip(text: string): string {
  let start = 0;
  while (start < text.length && isPythonWhitespace(text.charCodeAt(start))) start++;
  return start === 0 ? text : text.slice(start);
}

export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonWhitespace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text.strip(chars)` / `lstrip` / `rstrip` with an explicit character set. */
export function stripChars(text: string, chars: string, left = true, right = true): string {
  let start = 0;
  let end = text.length;
  if (left) while (start < end && chars.includes(text[start]!)) start++;
  if (right) while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** `str.expandtabs(size)`: tabs to the next multiple of `size`, columns counted in code points. */
export function expandTabs(text: string, size: number): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const pad = size - (column % size);
      out += ' '.repeat(pad);
      column += pad;
    } else if (ch === '\n' || ch === '\r') {
      out += ch;
      column = 0;
    } else {
      out += ch;
      column++;
    }
  }
  return out;
}

/** Python's `\w` for one character (Unicode letters and digits, and `_`). */
const WORD_CHAR = /[\p{L}\p{N}_]/u;
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/** `isWordChar(charAt(text, index))`, without making a string for ASCII characters. */
export function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return index < text.length && isWordChar(charAt(text, index));
}

/** The code point that ends just before `index` (a lookbehind's single character). */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/** Where the last `count` code points of `text` begin: Python's negative index `-count`. */
export function fromEnd(text: string, count: number): number {
  let index = text.length;
  for (let i = 0; i < count && index > 0; i++) index -= charBefore(text, index)!.length;
  return index;
}

/** The code point starting at `index`. */
export function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const cp = text.codePointAt(index)!;
  return String.fromCodePoint(cp);
}
