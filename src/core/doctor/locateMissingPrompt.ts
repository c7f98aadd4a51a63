/**
 * Where a question whose heading is missing still has its prompt (or a lone `> Answer:` line), so
 * a repair puts the heading back there rather than restoring the whole question elsewhere.
 */
import { type DoctorContext, HEADING_LINE, MARKER_LINE, QUESTION_HEADING } from './context';
import { matchesBoldPrompt, matchesPromptLine } from './templateIndex';
import { isBlank, isQuote } from './textLines';

/** A `#` or `##` heading: a section of the report, never a question's. */
export function isSectionHeading(content: string): boolean {
  const h = HEADING_LINE.exec(content);
  return !!h && h[1].length <= 2;
}

export interface LocatedPrompt {
  readonly start: number;
  /** A heading-like line right above the prompt that a repair replaces. */
  readonly renamed: number | null;
  /** Only the `> Answer:` line is left: heading and prompt were both deleted. */
  readonly lone: boolean;
}

interface Swallowed {
  /** First line of the quote block and its `Answer:` line (the same line when it stands alone). */
  readonly start: number;
  readonly marker: number;
}

export interface Gap {
  /** Lines between the present questions around the missing ones. */
  readonly from: number;
  readonly to: number;
  readonly swallowed: Swallowed[];
}

/**
 * The lines where missing question n must be: after the last present question numbered below n
 * (the first of a repeated number, so that a repeated heading is seen as a renamed one) and before
 * the first present question numbered above n.
 */
export function gapFor(ctx: DoctorContext, n: number): { from: number; to: number; key: string } {
  const nextZone = ctx.zones.find((z) => z.question.number > n) ?? null;
  let prevZone = [...ctx.zones].reverse().find((z) => z.question.number < n && (!nextZone || z.order < nextZone.order)) ?? null;
  if (prevZone) {
    const first = ctx.zones.find((z) => z.question.number === prevZone!.question.number);
    if (first) prevZone = first;
  }
  const from = prevZone ? prevZone.heading + 1 : 0;
  const to = nextZone ? nextZone.heading : ctx.lines.length;
  return { from, to, key: `${from}/${to}` };
}

/**
 * Quote blocks ending in an `Answer:` line that belongs to no question: a question whose heading
 * was deleted, swallowed by the question (or section intro) before it. In file order.
 */
export function swallowedPrompts(ctx: DoctorContext, from: number, to: number): Swallowed[] {
  const { lines } = ctx;
  const markers = new Set(ctx.zones.map((z) => z.marker));
  const headings = new Set(ctx.zones.map((z) => z.heading));
  const found: Swallowed[] = [];
  for (let i = from; i < to; i++) {
    const c = lines[i].content;
    if (markers.has(i) || ctx.inFence[i] || !isQuote(c) || !MARKER_LINE.test(c)) continue;
    let start = i;
    while (start - 1 >= from && isQuote(lines[start - 1].content) && !markers.has(start - 1) && !headings.has(start - 1)) start--;
    found.push({ start, marker: i });
  }
  return found;
}

/**
 * Finds question n's prompt when its heading is gone: in the gap, a quote or bold line with the
 * template's wording for n; failing that, the next swallowed quote block that ends in `Answer:`
 * (a question whose prompt was rewritten).
 */
export function locatePrompt(ctx: DoctorContext, n: number, gap: Gap): LocatedPrompt | null {
  const { lines } = ctx;
  const { from, to } = gap;
  let start = -1;
  let lone = false;
  for (let i = from; i < to; i++) {
    const c = lines[i].content;
    if (!/^[ \t]*(?:>|\*\*|__)/.test(c)) continue;
    const owner = ctx.zoneAt(i);
    if (owner && owner.question.number !== n && i < owner.answerStart && matchesPromptLine(ctx.template, owner.question.number, c)) {
      continue;
    }
    if (matchesBoldPrompt(ctx.template, n, c)) {
      start = i;
      break;
    }
  }
  if (start >= 0) {
    // A bold prompt line above the first one that matched (the student edited it) belongs to it too.
    while (
      start - 1 >= from &&
      /^[ \t]*>[ \t]*(?:\*\*|__)/.test(lines[start - 1].content) &&
      !matchesOtherPrompt(ctx, n, lines[start - 1].content)
    ) {
      start--;
    }
    const inBlock = gap.swallowed.findIndex((s) => s.start <= start && start <= s.marker);
    if (inBlock >= 0) gap.swallowed.splice(inBlock, 1);
  } else {
    const next = gap.swallowed.shift();
    if (!next) return null;
    start = next.start;
    lone = next.start === next.marker;
  }
  let above = start - 1;
  while (above >= from && isBlank(lines[above].content)) above--;
  let renamed: number | null = null;
  if (above >= from && !ctx.claimedLines.has(above)) {
    const c = lines[above].content;
    const heading = HEADING_LINE.exec(c);
    const isQuestionHeading = QUESTION_HEADING.test(c);
    const looksLikeTitle =
      !heading && new RegExp(`^[ \\t]*(?:\\*\\*|__)?[ \\t]*(?:question|q)[ \\t.]*${n}\\b`, 'i').test(c) && c.trim().split(/\s+/).length <= 8;
    // Only a heading that still names the question: any other heading may be the student's own,
    // closing the previous answer, and its words stay.
    const namesQuestion = new RegExp(`\\b(?:question|q)[ \\t.:-]*${n}\\b|^\\W*${n}\\b`, 'i').test((heading?.[2] ?? c).trim());
    if ((heading && !isSectionHeading(c) && heading[1].length >= 2 && namesQuestion) || isQuestionHeading || looksLikeTitle) renamed = above;
  }
  return { start, renamed, lone };
}

function matchesOtherPrompt(ctx: DoctorContext, n: number, content: string): boolean {
  for (const m of [n - 1, n + 1]) if (matchesPromptLine(ctx.template, m, content)) return true;
  return false;
}
