/**
 * A line diff of a repair, for showing the user what will change before anything is written.
 * Line endings are not part of the comparison (a repair keeps them).
 */

export interface DiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
  /** 1-based line in the old text (same/removed) and in the new text (same/added). */
  readonly oldLine: number | null;
  readonly newLine: number | null;
}

export interface DiffHunk {
  readonly oldStart: number;
  readonly newStart: number;
  readonly lines: readonly DiffLine[];
}

function toLines(text: string): string[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Above this many cells the middle part is shown as removed-then-added rather than aligned. */
const MAX_CELLS = 4_000_000;

/** The unchanged lines at both ends, and the middles between them. */
function trimCommon(before: string, after: string) {
  const a = toLines(before);
  const b = toLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { a, b, head, tail, midA: a.slice(head, a.length - tail), midB: b.slice(head, b.length - tail) };
}

/** Longest common subsequences of every pair of suffixes: `lcs[i * (m + 1) + j]`. */
function lcsTable(midA: readonly string[], midB: readonly string[]): Uint32Array {
  const n = midA.length;
  const m = midB.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        midA[i] === midB[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  return lcs;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const { a, b, head, tail, midA, midB } = trimCommon(before, after);
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: a[i], oldLine: i + 1, newLine: i + 1 });
  if (midA.length * midB.length > MAX_CELLS) {
    midA.forEach((text, i) => out.push({ kind: 'removed', text, oldLine: head + i + 1, newLine: null }));
    midB.forEach((text, j) => out.push({ kind: 'added', text, oldLine: null, newLine: head + j + 1 }));
  } else {
    // Longest common subsequence over the middle, walked from the front.
    const n = midA.length;
    const m = midB.length;
    const lcs = lcsTable(midA, midB);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        out.push({ kind: 'same', text: midA[i], oldLine: head + i + 1, newLine: head + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
        out.push({ kind: 'removed', text: midA[i], oldLine: head + i + 1, newLine: null });
        i++;
      } else {
        out.push({ kind: 'added', text: midB[j], oldLine: null, newLine: head + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < tail; k++) {
    out.push({ kind: 'same', text: a[a.length - tail + k], oldLine: a.length - tail + k + 1, newLine: b.length - tail + k + 1 });
  }
  return out;
}

/** Where each line of `text` starts and ends, split as `toLines` splits it. */
function lineSpans(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    starts.push(pos);
    ends.push(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    pos = i + 1;
  }
  // The text after the last line break is a line too, unless it is empty and not the only one.
  if (pos < text.length || starts.length === 0) {
    starts.push(pos);
    ends.push(text.length);
  }
  return { starts, ends };
}

/**
 * How many lines `lineDiff` shows as added and removed, without a string or an object per line
 * (a repair of a 2 MB report made ~600 000 of each just to be counted).
 */
export function lineDiffCounts(before: string, after: string): { added: number; removed: number } {
  const a = lineSpans(before);
  const b = lineSpans(after);
  const same = (i: number, j: number) => {
    const length = a.ends[i] - a.starts[i];
    if (length !== b.ends[j] - b.starts[j]) return false;
    for (let k = 0; k < length; k++) {
      if (before.charCodeAt(a.starts[i] + k) !== after.charCodeAt(b.starts[j] + k)) return false;
    }
    return true;
  };
  const n = a.starts.length;
  const m = b.starts.length;
  let head = 0;
  while (head < n && head < m && same(head, head)) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && same(n - 1 - tail, m - 1 - tail)) tail++;
  const midA = n - head - tail;
  const midB = m - head - tail;
  if (midA * midB > MAX_CELLS) return { added: midB, removed: midA };
  const lines = (text: string, spans: typeof a, count: number) =>
    Array.from({ length: count }, (_, k) => text.slice(spans.starts[head + k], spans.ends[head + k]));
  // The walk of lineDiff keeps exactly the longest common subsequence; everything else changes.
  const common = lcsTable(lines(before, a, midA), lines(after, b, midB))[0];
  return { added: midB - common, removed: midA - common };
}

/** The changed lines with `context` unchanged lines around each change, grouped into hunks. */
export function diffHunks(diff: readonly DiffLine[], context = 2): DiffHunk[] {
  const keep = new Array<boolean>(diff.length).fill(false);
  diff.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) keep[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] | null = null;
  diff.forEach((line, i) => {
    if (!keep[i]) {
      current = null;
      return;
    }
    if (!current) {
      current = [];
      const first = diff.slice(i).find((l) => l.oldLine !== null);
      const firstNew = diff.slice(i).find((l) => l.newLine !== null);
      hunks.push({ oldStart: first?.oldLine ?? 0, newStart: firstNew?.newLine ?? 0, lines: current });
    }
    current.push(line);
  });
  return hunks;
}
