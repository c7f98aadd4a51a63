/**
 * Identical warnings folded into one. A pasted or generated file can repeat one mistake tens of
 * thousands of times (32 000 copies of "### Question 1" make ~230 000 warnings); listing each is
 * unreadable, and carrying each as an object through every later step (diagnostics, output) took
 * hundreds of MB. A student needs the mistake, how often, and where the first few are.
 */

/** What folding needs of a warning; every analysis's warning has this shape. */
export interface FoldableWarning {
  readonly kind: string;
  readonly question: number | null;
  readonly line: number | null;
  readonly message: string;
}

/**
 * Up to this many identical warnings stay apart, as before (a question pasted twice or three
 * times in a real report); more become one.
 */
export const MAX_REPEATS_APART = 3;

/** Lines named in a folded warning's message. */
const LINES_NAMED = 3;

const keyOf = (w: FoldableWarning) => `${w.kind}\u0000${w.question ?? ''}\u0000${w.message}`;

/** The message of `count` identical warnings at `lines` (the first few of them). */
export function foldedMessage(message: string, count: number, lines: readonly number[]): string {
  const named = lines.slice(0, LINES_NAMED).join(', ');
  const rest = lines.length > LINES_NAMED ? ` and ${lines.length - LINES_NAMED} more` : '';
  return `${message} (${count} times${named ? `: lines ${named}${rest}` : ''})`;
}

/**
 * `warnings` with every group of more than MAX_REPEATS_APART identical ones (same kind, question
 * and message) folded into one at the first one's place, its message saying how many and where.
 * Groups of up to MAX_REPEATS_APART, and the order of everything, are kept.
 */
export function foldRepeatedWarnings<T extends FoldableWarning>(warnings: readonly T[]): T[] {
  const counts = new Map<string, number>();
  for (const w of warnings) {
    const key = keyOf(w);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (warnings.length === counts.size || ![...counts.values()].some((n) => n > MAX_REPEATS_APART)) {
    return [...warnings];
  }
  const lines = new Map<string, number[]>();
  for (const w of warnings) {
    const key = keyOf(w);
    if (counts.get(key)! <= MAX_REPEATS_APART || w.line === null) continue;
    const list = lines.get(key);
    if (!list) lines.set(key, [w.line]);
    else list.push(w.line);
  }
  const out: T[] = [];
  const emitted = new Set<string>();
  for (const w of warnings) {
    const key = keyOf(w);
    const count = counts.get(key)!;
    if (count <= MAX_REPEATS_APART) out.push(w);
    else if (!emitted.has(key)) {
      emitted.add(key);
      out.push({ ...w, message: foldedMessage(w.message, count, lines.get(key) ?? []) });
    }
  }
  return out;
}
