/**
 * Myers' O(ND) difference of two sequences of keys (numbers), as the hunks where they differ.
 * Written here rather than taken from a package: none is installed, and the merge needs only this
 * small piece. Reports differ in a few hundred lines at most, so D stays small; past MAX_EDITS the
 * middle is reported as one replaced block (still correct, only coarser).
 */

/** A block of `a[aStart, aEnd)` replaced by `b[bStart, bEnd)`; an empty `a` range is an insertion. */
export interface Hunk {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

const MAX_EDITS = 3000;
/** Bounds the O((N+M)·D) work, so a huge pathological file cannot stall a `git pull`. */
const MAX_WORK = 50_000_000;

/** Pairs of matching positions (a index → b index) of a shortest edit script, in order. */
function myersMatches(a: readonly number[], b: readonly number[], aFrom: number, aTo: number, bFrom: number, bTo: number): [number, number][] | null {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  const max = Math.min(n + m, MAX_EDITS, Math.floor(MAX_WORK / (n + m + 1)));
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aFrom + x] === b[bFrom + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number) => prev[k + d - 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // After the one edit of this step comes a snake of matches up to (x, y).
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    while (x > startX) {
      x--;
      y--;
      matches.push([aFrom + x, bFrom + y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    matches.push([aFrom + x, bFrom + y]);
  }
  return matches.reverse();
}

/** The hunks that turn `a` into `b`, in order, separated by at least one matching element. */
export function diffSequences(a: readonly number[], b: readonly number[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aTo = a.length - tail;
  const bTo = b.length - tail;
  if (head === aTo && head === bTo) return [];
  const matches = myersMatches(a, b, head, aTo, head, bTo) ?? [];
  const hunks: Hunk[] = [];
  let i = head;
  let j = head;
  for (const [mi, mj] of [...matches, [aTo, bTo] as [number, number]]) {
    if (mi > i || mj > j) hunks.push({ aStart: i, aEnd: mi, bStart: j, bEnd: mj });
    i = mi + 1;
    j = mj + 1;
  }
  return hunks;
}
