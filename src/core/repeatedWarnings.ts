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

/** The warnings alike in kind, question and message, and the lines they are on. */
interface Group {
  count: number;
  readonly lines: number[];
  emitted: boolean;
}

/**
 * Groups by question, then kind, then message: nested maps keyed by the warning's own values, so
 * no key string is built per warning (a joined key for each of 230 000 took seconds).
 */
class Groups {
  private readonly byQuestion = new Map<number | null, Map<string, Map<string, Group>>>();

  get(w: FoldableWarning): Group {
    let byKind = this.byQuestion.get(w.question);
    if (!byKind) this.byQuestion.set(w.question, (byKind = new Map()));
    let byMessage = byKind.get(w.kind);
    if (!byMessage) byKind.set(w.kind, (byMessage = new Map()));
    let group = byMessage.get(w.message);
    if (!group) byMessage.set(w.message, (group = { count: 0, lines: [], emitted: false }));
    return group;
  }
}

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
  const groups = new Groups();
  let folding = false;
  for (const w of warnings) {
    const group = groups.get(w);
    group.count++;
    if (w.line !== null) group.lines.push(w.line);
    if (group.count > MAX_REPEATS_APART) folding = true;
  }
  if (!folding) return [...warnings];
  const out: T[] = [];
  for (const w of warnings) {
    const group = groups.get(w);
    if (group.count <= MAX_REPEATS_APART) out.push(w);
    else if (!group.emitted) {
      group.emitted = true;
      out.push({ ...w, message: foldedMessage(w.message, group.count, group.lines) });
    }
  }
  return out;
}
