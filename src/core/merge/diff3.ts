/**
 * A three-way merge of key sequences (diff3): where only one side changed the base, that side's
 * version is taken; where both changed the same stretch differently, it is a conflict. Unlike git,
 * changes that merely touch (one side edits a line, the other the next line) are both taken: in a
 * report the merged units are whole template lines, answers and checkboxes, so two neighbouring
 * edits are two separate intentions. Two different insertions at the same place still conflict.
 */
import { diffSequences, type Hunk } from './sequenceDiff';

/** Half-open index ranges into base, mine and theirs. */
export interface Ranges {
  readonly base: readonly [number, number];
  readonly mine: readonly [number, number];
  readonly theirs: readonly [number, number];
}

export type RegionKind =
  /** Nobody changed it. */
  | 'unchanged'
  /** Only mine changed it: take mine. */
  | 'mine'
  /** Only theirs changed it: take theirs. */
  | 'theirs'
  /** Both changed it to the same keys. */
  | 'both'
  /** Both changed it differently. */
  | 'conflict';

export interface Region extends Ranges {
  readonly kind: RegionKind;
}

interface SideHunk extends Hunk {
  readonly side: 'mine' | 'theirs';
}

function sameKeys(a: readonly number[], [as, ae]: readonly [number, number], b: readonly number[], [bs, be]: readonly [number, number]): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

/** The span of one side covering base `[gs, ge)`, from that side's hunks inside the group. */
function sideSpan(hunks: readonly SideHunk[], gs: number, ge: number, shift: number): [number, number] {
  if (hunks.length === 0) return [gs + shift, ge + shift];
  const first = hunks[0];
  const last = hunks[hunks.length - 1];
  return [first.bStart - (first.aStart - gs), last.bEnd + (ge - last.aEnd)];
}

export function diff3(base: readonly number[], mine: readonly number[], theirs: readonly number[]): Region[] {
  const hunks: SideHunk[] = [
    ...diffSequences(base, mine).map((h) => ({ ...h, side: 'mine' as const })),
    ...diffSequences(base, theirs).map((h) => ({ ...h, side: 'theirs' as const })),
  ].sort((x, y) => x.aStart - y.aStart || x.aEnd - y.aEnd);

  const regions: Region[] = [];
  // How far each side's indices run ahead of base's after the hunks seen so far.
  let shiftMine = 0;
  let shiftTheirs = 0;
  let at = 0;
  const unchangedUpTo = (end: number) => {
    if (end > at) regions.push({ kind: 'unchanged', base: [at, end], mine: [at + shiftMine, end + shiftMine], theirs: [at + shiftTheirs, end + shiftTheirs] });
  };
  for (let h = 0; h < hunks.length; ) {
    const group = [hunks[h]];
    let gs = hunks[h].aStart;
    let ge = hunks[h].aEnd;
    for (h++; h < hunks.length; h++) {
      const next = hunks[h];
      const overlaps = next.aStart < ge || (next.aStart === ge && next.aStart === next.aEnd && gs === ge);
      if (!overlaps) break;
      group.push(next);
      ge = Math.max(ge, next.aEnd);
    }
    gs = Math.min(...group.map((g) => g.aStart));
    unchangedUpTo(gs);
    const mineHunks = group.filter((g) => g.side === 'mine');
    const theirsHunks = group.filter((g) => g.side === 'theirs');
    const mineSpan = sideSpan(mineHunks, gs, ge, shiftMine);
    const theirsSpan = sideSpan(theirsHunks, gs, ge, shiftTheirs);
    const kind: RegionKind =
      theirsHunks.length === 0 ? 'mine' : mineHunks.length === 0 ? 'theirs' : sameKeys(mine, mineSpan, theirs, theirsSpan) ? 'both' : 'conflict';
    regions.push({ kind, base: [gs, ge], mine: mineSpan, theirs: theirsSpan });
    shiftMine = mineSpan[1] - ge;
    shiftTheirs = theirsSpan[1] - ge;
    at = ge;
  }
  unchangedUpTo(base.length);
  return regions;
}
