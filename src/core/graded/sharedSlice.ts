/**
 * `data.slice(start, end)`, but a short piece equal to the last one of its length is that same
 * string. The texts and tails of inline elements are what a page keeps alive until it is written;
 * on a hostile line they are the same few characters hundreds of thousands of times (`![` between
 * links, `a ` inside emphasis), each a string of its own for the collector to copy. One string
 * compare against a miss costs about what the slice does.
 */
const SHARED_UP_TO = 16;
const recent: string[] = new Array<string>(SHARED_UP_TO + 1).fill('');

export function sharedSlice(data: string, start: number, end: number = data.length): string {
  const length = end - start;
  if (length > SHARED_UP_TO || length <= 1) return data.slice(start, end);
  const known = recent[length]!;
  if (known.length === length && data.startsWith(known, start)) return known;
  return (recent[length] = data.slice(start, end));
}
