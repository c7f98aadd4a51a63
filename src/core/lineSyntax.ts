/**
 * Bracket, parenthesis and backtick structure of one line, computed in a single pass, so that
 * finding every link and code span of a line stays linear. Searching forward from each `[`, `(`
 * or backtick run instead is quadratic: a pasted line of 100 000 `[` took minutes.
 *
 * Offsets are absolute (into `text`); a line runs from `start` to `end` (its break excluded).
 */

export interface CodeSpan {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
}

const BACKSLASH = 92;
const BACKTICK = 96;

/**
 * For each `[` (or `(`) of the line, the offset of its matching `]` (or `)`), or -1: what scanning
 * forward from it with a depth counter finds, skipping backslash-escaped characters.
 */
function matchingClosers(text: string, start: number, end: number, open: number, close: number): Int32Array {
  const match = new Int32Array(end - start).fill(-1);
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (c === open) stack.push(i);
    else if (c === close && stack.length > 0) match[stack.pop()! - start] = i;
  }
  return match;
}

/** Lazily built tables of one line. */
export class LineSyntax {
  private brackets: Int32Array | null = null;
  private parens: Int32Array | null = null;
  private nextGreater: Int32Array | null = null;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  /** The `]` closing the `[` at `open`, or -1. */
  closingBracket(open: number): number {
    this.brackets ??= matchingClosers(this.text, this.start, this.end, 91, 93);
    return this.brackets[open - this.start];
  }

  /** The `)` closing the `(` at `open`, or -1. */
  closingParen(open: number): number {
    this.parens ??= matchingClosers(this.text, this.start, this.end, 40, 41);
    return this.parens[open - this.start];
  }

  /** The first `>` at or after `from` on the line, or -1. */
  nextGreaterThan(from: number): number {
    if (from >= this.end) return -1;
    if (!this.nextGreater) {
      const table = new Int32Array(this.end - this.start);
      let next = -1;
      for (let i = this.end - 1; i >= this.start; i--) {
        if (this.text.charCodeAt(i) === 62) next = i;
        table[i - this.start] = next;
      }
      this.nextGreater = table;
    }
    return this.nextGreater[from - this.start];
  }
}

/**
 * Inline code spans of one line (CommonMark: a run of n backticks closed by the next run of exactly
 * n; a backslash escapes a backtick outside spans only). Each closer is found through an index of
 * the line's backtick runs by length, so a line of runs of every length stays linear.
 */
export function codeSpans(text: string, start: number, end: number): CodeSpan[] {
  // Maximal backtick runs by length, in order: closers are always whole runs.
  const runsByLength = new Map<number, number[]>();
  for (let i = start; i < end; ) {
    if (text.charCodeAt(i) !== BACKTICK) {
      i++;
      continue;
    }
    let n = 0;
    while (i + n < end && text.charCodeAt(i + n) === BACKTICK) n++;
    let runs = runsByLength.get(n);
    if (!runs) runsByLength.set(n, (runs = []));
    runs.push(i);
    i += n;
  }
  if (runsByLength.size === 0) return [];
  // The scan below only moves forward, so each length's next candidate only moves forward too.
  const cursor = new Map<number, number>();
  const closerAfter = (from: number, n: number): number => {
    const runs = runsByLength.get(n);
    if (!runs) return -1;
    let k = cursor.get(n) ?? 0;
    while (k < runs.length && runs[k] < from) k++;
    cursor.set(n, k);
    return k < runs.length ? runs[k] : -1;
  };
  const spans: CodeSpan[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && text.charCodeAt(i + 1) === BACKTICK && i + 1 < end) {
      i += 2;
      continue;
    }
    if (c !== BACKTICK) {
      i++;
      continue;
    }
    let n = 0;
    while (i + n < end && text.charCodeAt(i + n) === BACKTICK) n++;
    const closed = closerAfter(i + n, n);
    if (closed < 0) {
      i += n;
      continue;
    }
    spans.push({ start: i, end: closed + n, contentStart: i + n, contentEnd: closed });
    i = closed + n;
  }
  return spans;
}

/** The span (of `spans`, in order and disjoint) whose content holds `offset`, by binary search. */
export function spanHolding(spans: readonly CodeSpan[], offset: number): CodeSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.contentStart) hi = mid - 1;
    else if (offset >= s.contentEnd) lo = mid + 1;
    else return s;
  }
  return undefined;
}
