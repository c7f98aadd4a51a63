/**
 * Markdown's bracket links on one line — `[..](..)`, `![..](..)`, `![..][..]` — parsed leniently
 * as the course's checker reads them (spaces in a target are kept), with exact offsets.
 */
import type { LineSyntax } from '../lineSyntax';

/** A bracket link as written: where it is and what it points at, not yet classified. */
export interface RawLink {
  bang: boolean;
  start: number;
  end: number;
  alt: string;
  /** Inline links: the target as written. */
  targetStart?: number;
  targetEnd?: number;
  /** Reference images: the label. */
  label?: string;
}

/** Starts only where a run of blanks starts: inside a long run each start would rescan it. */
const TITLE_AT_END = /(?<![ \t])[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*$/;

/** Parses `(target "title")` at `open` leniently: spaces in the target are kept, as the checker does. */
function inlineDestination(
  text: string,
  open: number,
  line: LineSyntax,
): { targetStart: number; targetEnd: number; end: number } | null {
  const limit = line.end;
  let j = open + 1;
  while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === '<') {
    const close = line.nextGreaterThan(j);
    if (close !== -1) {
      let k = close + 1;
      const rest = text.slice(k, limit);
      const tail = /^(?:[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))?[ \t]*\)/.exec(rest);
      if (tail) {
        k += tail[0].length;
        return { targetStart: j, targetEnd: close + 1, end: k };
      }
    }
  }
  const p = line.closingParen(open);
  if (p === -1) return null;
  let content = text.slice(j, p);
  const title = TITLE_AT_END.exec(content);
  if (title) content = content.slice(0, title.index);
  return { targetStart: j, targetEnd: j + trimmedLength(content), end: p + 1 };
}

/** The length of `s` without its trailing spaces and tabs (`/[ \t]+$/` is quadratic on long runs). */
function trimmedLength(s: string): number {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/** Every `[..](..)`, `![..](..)` and `![..][..]` on one line. */
export function bracketLinks(text: string, line: LineSyntax): RawLink[] {
  const found: RawLink[] = [];
  let i = line.start;
  while (i < line.end) {
    const open = text.indexOf('[', i);
    if (open === -1 || open >= line.end) break;
    if (open > line.start && text[open - 1] === '\\') {
      i = open + 1;
      continue;
    }
    const bang = open > line.start && text[open - 1] === '!' && !(open - 1 > line.start && text[open - 2] === '\\');
    const close = line.closingBracket(open);
    if (close === -1) {
      i = open + 1;
      continue;
    }
    const start = bang ? open - 1 : open;
    const alt = text.slice(open + 1, close);
    if (text[close + 1] === '(') {
      const dest = inlineDestination(text, close + 1, line);
      if (dest) {
        found.push({ bang, start, end: dest.end, alt, targetStart: dest.targetStart, targetEnd: dest.targetEnd });
        // An image cannot hold another link; a link can (`[![a](b.png)](url)`).
        i = bang ? dest.end : open + 1;
        continue;
      }
    } else if (bang) {
      if (text[close + 1] === '[') {
        const labelClose = text.indexOf(']', close + 2);
        if (labelClose !== -1 && labelClose < line.end) {
          const label = text.slice(close + 2, labelClose);
          found.push({ bang, start, end: labelClose + 1, alt, label: label.trim() === '' ? alt : label });
          i = labelClose + 1;
          continue;
        }
      }
      found.push({ bang, start, end: close + 1, alt, label: alt });
      i = close + 1;
      continue;
    }
    i = open + 1;
  }
  return found;
}
