/**
 * 1-based line numbers for offsets in a text, where `\n`, `\r\n` and a lone `\r` each end a line
 * (as parseReport splits them). Built once per text; each lookup is a binary search.
 */
export function lineCounter(text: string): (offset: number) => number {
  const starts = lineStarts(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * The offsets where lines start. A check asks for these of the same text several times (figures,
 * links, graded page, checker), so the last text's are kept; `\n` is found by the engine's own
 * search rather than a character loop, which matters in a short-lived CLI whose code never warms up.
 */
let last: { readonly text: string; readonly starts: readonly number[] } | null = null;

function lineStarts(text: string): readonly number[] {
  if (last?.text === text) return last.starts;
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
  }
  last = { text, starts };
  return starts;
}
