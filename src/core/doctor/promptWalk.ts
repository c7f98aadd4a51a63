/**
 * Where a question's prompt ends and where its `> Answer:` line goes: shared by the check for a
 * missing marker and the repair of a missing question heading.
 */
import { type DoctorContext, MARKER_LINE } from './context';
import { matchesPromptLine } from './templateIndex';
import { isBlank, isEmptyQuote, isQuote, type LineEdit } from './textLines';

const EMPHASIS_QUOTE = /^[ \t]*>[ \t]*[*_].*[*_][.:,]?[ \t]*$/;

export interface PromptWalk {
  /** Last line of the prompt (0-based), or null when there is no prompt. */
  readonly last: number | null;
  /** The `Answer:` line found at the end of the prompt, if any. */
  readonly marker: number | null;
}

/**
 * Finds where question n's prompt ends, reading from line `from` up to `to` (exclusive): quote
 * blocks that hold the template's wording for question n, then any example/blank quote lines right
 * after. A quote block without template wording (an answer written as a quote) ends the prompt.
 * When nothing matches the template (a rewritten prompt), the first quote block is the prompt.
 */
export function walkPrompt(ctx: DoctorContext, n: number, from: number, to: number): PromptWalk {
  const { lines } = ctx;
  let i = from;
  let last: number | null = null;
  let firstBlock = true;
  while (i < to) {
    while (i < to && isBlank(lines[i].content)) i++;
    if (i >= to) break;
    let blockEnd = i;
    while (blockEnd < to && !isBlank(lines[blockEnd].content)) blockEnd++;
    // The quote run at the start of the block (lazy continuation text ends it).
    let runEnd = i;
    while (
      runEnd < blockEnd &&
      (isQuote(lines[runEnd].content) ||
        MARKER_LINE.test(lines[runEnd].content) ||
        // A bold prompt line that lost its ">".
        (/^[ \t]*(?:\*\*|__)/.test(lines[runEnd].content) && matchesPromptLine(ctx.template, n, lines[runEnd].content)))
    ) {
      runEnd++;
    }
    if (runEnd === i) break;
    const marker = (() => {
      for (let k = i; k < runEnd; k++) if (MARKER_LINE.test(lines[k].content)) return k;
      return null;
    })();
    const limit = marker ?? runEnd;
    let lastMatch = -1;
    for (let k = i; k < limit; k++) if (matchesPromptLine(ctx.template, n, lines[k].content)) lastMatch = k;
    if (marker !== null) return { last: marker, marker };
    if (lastMatch < 0) {
      if (firstBlock) last = runEnd - 1;
      break;
    }
    let end = lastMatch;
    while (
      end + 1 < runEnd &&
      (isEmptyQuote(lines[end + 1].content) ||
        EMPHASIS_QUOTE.test(lines[end + 1].content) ||
        matchesPromptLine(ctx.template, n, lines[end + 1].content))
    ) {
      end++;
    }
    last = end;
    if (end + 1 < blockEnd) break; // the rest of this block is the answer
    firstBlock = false;
    i = blockEnd;
  }
  return { last, marker: null };
}

/** The lines that put `> Answer:` after line `last` (or right under the heading when null). */
export function markerInsertion(ctx: DoctorContext, heading: number, last: number | null): LineEdit {
  const { lines } = ctx;
  if (last === null) {
    const at = heading + 1;
    return at < lines.length && isBlank(lines[at].content)
      ? { at, deleteCount: 0, insert: ['', '> Answer:'] }
      : { at, deleteCount: 0, insert: ['> Answer:', ''] };
  }
  const insert = isEmptyQuote(lines[last].content) ? ['> Answer:'] : ['>', '> Answer:'];
  const at = last + 1;
  if (at < lines.length && !isBlank(lines[at].content)) insert.push('');
  return { at, deleteCount: 0, insert };
}
