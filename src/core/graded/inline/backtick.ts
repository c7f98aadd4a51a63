/**
 * Code spans: a backtick run (not after a backslash) up to the next run of exactly the same
 * length, across lines; a shorter opening is tried when the longer one never closes. An even run
 * of backslashes right before a backtick stays backslashes (each pair one backslash).
 */
import { codeEscape } from '../blocks/code';
import { pyStrip } from '../pyString';
import { element } from '../tree';
import type { InlineMatch, InlinePattern } from './pattern';

const ESCAPED_BACKSLASH = '\u000292\u0003';

/** Backtick runs of the data, found once per data string. */
class Runs {
  /** Run starts by length, ascending. */
  readonly byLength = new Map<number, number[]>();
  readonly lengths: number[];
  constructor(data: string) {
    for (let i = data.indexOf('`'); i !== -1; ) {
      let j = i;
      while (data.charCodeAt(j) === 96) j++;
      const list = this.byLength.get(j - i) ?? [];
      list.push(i);
      this.byLength.set(j - i, list);
      i = data.indexOf('`', j);
    }
    this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
  }
  /** The first run of exactly `length` starting after `after`, or -1. */
  firstAfter(length: number, after: number): number {
    const list = this.byLength.get(length);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! > after) hi = mid;
      else lo = mid + 1;
    }
    return lo < list.length ? list[lo]! : -1;
  }
}

let cache: { data: string; runs: Runs } | null = null;
function runsOf(data: string): Runs {
  if (!cache || cache.data !== data) cache = { data, runs: new Runs(data) };
  return cache.runs;
}

export const backtick: InlinePattern = {
  name: 'backtick',
  triggers: ['`'],
  earlierStaysUnmatched: true,
  find(_ctx, data, from, prevAt) {
    // Only backslashes and backticks matter: jump from one to the next.
    let nextTick = data.indexOf('`', from);
    let nextSlash = data.indexOf('\\', from);
    let i = from;
    while (i < data.length) {
      if (nextTick !== -1 && nextTick < i) nextTick = data.indexOf('`', i);
      if (nextSlash !== -1 && nextSlash < i) nextSlash = data.indexOf('\\', i);
      if (nextTick === -1 && nextSlash === -1) return null;
      i = nextTick === -1 ? nextSlash : nextSlash === -1 ? nextTick : Math.min(nextTick, nextSlash);
      const c = data.charCodeAt(i);
      if (prevAt(i) === '\\') {
        i++;
        continue;
      }
      if (c === 92) {
        let j = i;
        while (data.charCodeAt(j) === 92) j++;
        if ((j - i) % 2 === 0 && data.charCodeAt(j) === 96) {
          const node = data.slice(i, j).replaceAll('\\\\', ESCAPED_BACKSLASH);
          return { start: i, end: j, node };
        }
        i = j;
        continue;
      }
      const match = codeSpanAt(data, i);
      if (match) return match;
      // Every later start in this run fails too: it has fewer backticks to try.
      while (data.charCodeAt(i) === 96) i++;
    }
    return null;
  },
};

function codeSpanAt(data: string, start: number): InlineMatch | null {
  let runEnd = start;
  while (data.charCodeAt(runEnd) === 96) runEnd++;
  const longest = runEnd - start;
  const runs = runsOf(data);
  for (const length of runs.lengths) {
    if (length > longest) continue;
    const close = runs.firstAfter(length, runEnd);
    if (close === -1) continue;
    const code = element('code');
    code.text = codeEscape(pyStrip(data.slice(start + length, close)));
    code.atomic = true;
    return { start, end: close + length, node: code };
  }
  return null;
}
