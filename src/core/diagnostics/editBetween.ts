/**
 * The one edit that turns `before` into `after`: the differing middle, found by trimming the
 * longest common prefix and suffix. Analyses whose fixes produce a whole new text (the doctor's
 * line edits, a conflict resolution) return it as an edit, so only the changed bytes travel.
 */
import type { TextEdit } from '../textEdit';

export function editBetween(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < limit - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  // Never split a surrogate pair or a CRLF between the kept and the replaced part.
  while (
    start > 0 &&
    (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))
  )
    start--;
  while (
    end > 0 &&
    (isLowSurrogate(before.charCodeAt(before.length - end)) ||
      (before[before.length - end - 1] === '\r' && before[before.length - end] === '\n'))
  )
    end--;
  return {
    start,
    end: before.length - end,
    expect: before.slice(start, before.length - end),
    text: after.slice(start, after.length - end),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
