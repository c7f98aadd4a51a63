/**
 * The template's skeleton: every question has its `### Question N` heading and its `> Answer:`
 * line, in order; a 27-question report starts with the 43-character Jekyll header.
 */
import { codePointOffset, normalizeNewlines } from '../pythonText';
import {
  type DoctorContext,
  type Draft,
  HEADING_LINE,
  MARKER_LINE,
  QUESTION_HEADING,
  type QuestionZone,
} from './context';
import { matchesBoldPrompt, matchesPromptLine, normalizeForMatch } from './templateIndex';
import { isBlank, isEmptyQuote, isQuote, type LineEdit } from './textLines';

/** The 27-question template's front matter: exactly the 43 characters the course's tools cut. */
export const JEKYLL_HEADER = ['---', 'layout: default', 'nav_exclude: true', '---', ''];

const EMPHASIS_QUOTE = /^[ \t]*>[ \t]*[*_].*[*_][.:,]?[ \t]*$/;
const JOINED_MARKER = /(?:^|[ \t])>[ \t]*(?:[*_]{1,3})?Answer:/;

interface PromptWalk {
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
function markerInsertion(ctx: DoctorContext, heading: number, last: number | null): LineEdit {
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

function hasJoinedMarker(ctx: DoctorContext, zone: QuestionZone): boolean {
  for (let i = zone.heading + 1; i < zone.end; i++) {
    const c = ctx.lines[i].content;
    if (isQuote(c) && JOINED_MARKER.test(c.replace(/^[ \t]*>/, ''))) return true;
  }
  return false;
}

function missingMarkers(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    if (zone.question.hasAnswerMarker || ctx.claimedLines.has(zone.heading) || hasJoinedMarker(ctx, zone)) continue;
    const walk = walkPrompt(ctx, n, zone.heading + 1, zone.end);
    const edit = markerInsertion(ctx, zone.heading, walk.last);
    out.push({
      kind: 'missing-answer-marker',
      severity: 'breaks-checker',
      simulate: true,
      // The heading's line, as `report-editor check` names it; the fix's diff shows where it inserts.
      line: zone.heading,
      question: n,
      message: `Question ${n} has no "> Answer:" line. The course's checker finds answers by that line, so it does not see this answer${
        zone === ctx.zones[ctx.zones.length - 1] ? ' and finds one answer too few' : ', and every later answer is graded as the question before it'
      }.`,
      fix: { label: `insert "> Answer:" after question ${n}'s prompt`, edits: () => [edit] },
    });
  }
  return out;
}

function headingFormat(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    const expected = `### Question ${n}`;
    const content = ctx.lines[zone.heading].content;
    if (content.trimEnd() === expected || ctx.claimedLines.has(zone.heading)) continue;
    const h = /^ {0,3}(#{1,6})[ \t]*(.*?)[ \t#]*$/.exec(content);
    const level = h ? h[1].length : 3;
    const text = h ? h[2] : content;
    const onlyForm = /^question[ \t]*\d+$/i.test(text.trim());
    out.push({
      kind: 'question-heading-format',
      severity: onlyForm ? 'cosmetic' : 'changes-grade',
      simulate: level < 3,
      line: zone.heading,
      question: n,
      message: onlyForm
        ? `The heading "${content.trim()}" is not the template's "${expected}".${level < 3 ? ' With fewer than three "#" the checker may not find where the previous answer ends.' : ''}`
        : `The heading "${content.trim()}" was renamed; the template's is "${expected}", and the grader looks for it.`,
      fix: {
        label: `write the heading as "${expected}"`,
        edits: () => [{ at: zone.heading, deleteCount: 1, insert: [expected], dropsWords: true }],
      },
    });
  }
  return out;
}

/** Where the template's question n would go back into the report. */
function restorePoint(ctx: DoctorContext, n: number): number {
  const { lines } = ctx;
  const before = [...ctx.zones].reverse().find((z) => z.question.number < n) ?? null;
  const section = ctx.template.sections.find((s) => s.questions.includes(n));
  if (section && section.questions[0] === n) {
    // n opens its section: after that section's heading and intro, if the report has them.
    const sectionSegment = ctx.doc.sections.find((s) => normalizeForMatch(s.title) === section.title);
    if (sectionSegment) {
      const at = sectionSegment.line - 1;
      if (!before || at > before.heading) {
        let end = at + 1;
        while (end < lines.length && !QUESTION_HEADING.test(lines[end].content) && !isSectionHeading(lines[end].content)) end++;
        return end;
      }
    }
  }
  if (before) return before.end;
  const after = ctx.zones.find((z) => z.question.number > n);
  return after ? after.heading : lines.length;
}

function isSectionHeading(content: string): boolean {
  const h = HEADING_LINE.exec(content);
  return !!h && h[1].length <= 2;
}

interface LocatedPrompt {
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

interface Gap {
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
function gapFor(ctx: DoctorContext, n: number): { from: number; to: number; key: string } {
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
function swallowedPrompts(ctx: DoctorContext, from: number, to: number): Swallowed[] {
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
function locatePrompt(ctx: DoctorContext, n: number, gap: Gap): LocatedPrompt | null {
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

function missingQuestions(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  const present = new Set(ctx.zones.map((z) => z.question.number));
  const missing: number[] = [];
  for (let n = 1; n <= ctx.profile.expectedAnswers; n++) if (!present.has(n)) missing.push(n);
  if (missing.length === 0) return out;
  const usedRenamed = new Set<number>();
  const gaps = new Map<string, Gap>();
  for (const n of missing) {
    const where = gapFor(ctx, n);
    let gap = gaps.get(where.key);
    if (!gap) {
      gap = { from: where.from, to: where.to, swallowed: swallowedPrompts(ctx, where.from, where.to) };
      gaps.set(where.key, gap);
    }
    const located = locatePrompt(ctx, n, gap);
    const expected = `### Question ${n}`;
    if (located) {
      ctx.restoredStarts.add(located.renamed ?? located.start);
      const edits: LineEdit[] = [];
      if (located.renamed !== null) {
        usedRenamed.add(located.renamed);
        ctx.claimedLines.add(located.renamed);
        edits.push({ at: located.renamed, deleteCount: 1, insert: [expected], dropsWords: true });
      } else {
        const blankBefore = located.start > 0 && !isBlank(ctx.lines[located.start - 1].content);
        const block = ctx.template.block(n) ?? [expected, ''];
        // With the prompt gone too, the template's prompt comes back with the heading.
        const above = located.lone ? block.slice(0, Math.max(1, block.findIndex((l) => /^> Answer:/.test(l)))) : [expected, ''];
        edits.push({ at: located.start, deleteCount: 0, insert: [...(blankBefore ? [''] : []), ...above] });
      }
      const nextHeading = ctx.zones.find((z) => z.heading > located.start)?.heading ?? ctx.lines.length;
      const walk = walkPrompt(ctx, n, located.start, nextHeading);
      let alsoMarker = false;
      if (walk.marker === null) {
        edits.push(markerInsertion(ctx, located.start - 1, walk.last));
        alsoMarker = true;
      } else {
        ctx.claimedLines.add(walk.marker);
      }
      const renamedText = located.renamed !== null ? ctx.lines[located.renamed].content.trim() : null;
      out.push({
        kind: 'missing-question-heading',
        severity: 'breaks-checker',
        simulate: true,
        line: located.renamed ?? located.start,
        question: n,
        message:
          (renamedText !== null
            ? `Question ${n}'s heading reads "${renamedText}" instead of "${expected}"`
            : located.lone
              ? `Question ${n}'s heading and prompt were deleted; only its "> Answer:" line is left`
              : `Question ${n}'s prompt is here, but its "${expected}" heading was deleted`) +
          `, so question ${n} runs into the question before it${alsoMarker ? ', and its "> Answer:" line is missing too' : ''}. The checker needs the heading to find where the previous answer ends.`,
        fix: {
          label:
            renamedText !== null
              ? `rename the heading to "${expected}"`
              : located.lone
                ? `restore "${expected}" and the template's prompt above "> Answer:"`
                : `insert "${expected}" above the prompt${alsoMarker ? ' and "> Answer:" after it' : ''}`,
          edits: () => edits,
        },
      });
    } else {
      const block = ctx.template.block(n);
      if (!block) continue;
      const at = restorePoint(ctx, n);
      const insert = [...block];
      if (at > 0 && !isBlank(ctx.lines[at - 1].content)) insert.unshift('');
      if (at < ctx.lines.length && !isBlank(ctx.lines[at].content)) insert.push('');
      out.push({
        kind: 'missing-question',
        severity: 'breaks-checker',
        simulate: true,
        line: at,
        question: n,
        message: `Question ${n} is missing entirely (heading, prompt and "> Answer:" line), so the checker finds one answer too few.`,
        fix: { label: `restore the template's question ${n} with an empty answer`, edits: () => [{ at, deleteCount: 0, insert }] },
      });
    }
  }
  // A repeated number that is not some missing question's renamed heading.
  const seen = new Set<number>();
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    if (seen.has(n) && !usedRenamed.has(zone.heading)) {
      out.push({
        kind: 'duplicate-question',
        severity: ctx.check.error ? 'breaks-checker' : 'changes-grade',
        line: zone.heading,
        question: n,
        message: `"### Question ${n}" appears a second time here. The checker matches answers to questions by position, so every answer after this one is graded as the next question. Merge the two or renumber them.`,
      });
    }
    seen.add(n);
  }
  return out;
}

function frontMatter(ctx: DoctorContext): Draft[] {
  if (ctx.profile.generation !== 27 || ctx.profile.headerChars !== 43) return [];
  const { bom } = ctx.textLines;
  const body = normalizeNewlines(ctx.text.slice(bom.length));
  const cut = codePointOffset(body, ctx.profile.headerChars - bom.length);
  let frontEnd = -1;
  let frontLines = 0;
  if (ctx.doc.hasFrontMatter) {
    const segment = ctx.doc.segments.find((s) => s.kind === 'frontMatter')!;
    frontEnd = normalizeNewlines(segment.text).length;
    frontLines = segment.text.split(/\r\n|\r|\n/).length - 1;
  }
  if (frontEnd >= 0 && cut >= frontEnd && body.slice(frontEnd, cut).trim() === '') return [];
  const shown = body.slice(cut).split('\n')[0].trim();
  const edits: LineEdit[] = [];
  let message: string;
  if (frontEnd < 0) {
    edits.push({ at: 0, deleteCount: 0, insert: JEKYLL_HEADER });
    message = `This 27-question report has no Jekyll header. The course's tools cut the first 43 characters of the file (where the header should be), so they cut into your title instead: the graded page begins with "${shown}".`;
  } else {
    let deleteCount = frontLines;
    while (deleteCount < ctx.lines.length && isBlank(ctx.lines[deleteCount].content)) deleteCount++;
    edits.push({ at: 0, deleteCount, insert: JEKYLL_HEADER, dropsWords: true });
    message = `The Jekyll header is not exactly the template's 43 characters ("---", "layout: default", "nav_exclude: true", "---" and a blank line). The course's tools cut exactly 43 characters, so the graded page begins with "${shown}".`;
  }
  // The 2024-11 template itself came without the header: there the cut title is the course's own doing.
  const templateHasHeader = ctx.template.primary.text.startsWith('---');
  if (!templateHasHeader) message += ` (The ${ctx.template.primary.version} template came without the header; adding it keeps the title on the page.)`;
  return [
    {
      kind: 'front-matter',
      severity: templateHasHeader ? 'changes-grade' : 'cosmetic',
      line: 0,
      question: null,
      message,
      fix: { label: frontEnd < 0 ? "insert the template's Jekyll header" : "write the template's Jekyll header exactly", edits: () => edits },
    },
  ];
}

export function detectStructure(ctx: DoctorContext): Draft[] {
  return [...frontMatter(ctx), ...missingQuestions(ctx), ...headingFormat(ctx), ...missingMarkers(ctx)];
}
