/**
 * Questions the checker cannot find: a heading deleted or renamed (its prompt is still there), a
 * question gone entirely, or one number twice.
 */
import { type DoctorContext, type Draft, QUESTION_HEADING } from './context';
import { type Gap, gapFor, isSectionHeading, locatePrompt, swallowedPrompts } from './locateMissingPrompt';
import { markerInsertion, walkPrompt } from './promptWalk';
import { normalizeForMatch } from './templateIndex';
import { isBlank, type LineEdit } from './textLines';

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

/**
 * The student's words in a renamed question heading ("### Q18 – Unit testing" → "Unit testing"): the
 * restored heading keeps them after "Question N", so a repair never drops a word they wrote.
 */
function ownHeadingWords(content: string, n: number): string {
  return content
    .replace(/^[ \t>]*#{0,6}[^\S\r\n]*/, '')
    .replace(/[ \t#]*$/, '')
    .replace(/^[*_\s]+|[*_\s]+$/g, '')
    .replace(/^q[a-z]*\.?[^\p{L}\p{N}]*\d{1,3}(?!\d)[^\p{L}\p{N}]*/iu, '')
    .replace(new RegExp(`^0*${n}(?!\\d)[^\\p{L}\\p{N}]*`, 'u'), '')
    .trim();
}

/** Repeats of one question number listed one by one; more are one finding. */
const MAX_REPEATS_LISTED = 3;

export function missingQuestions(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  const present = new Set(ctx.zones.map((z) => z.question.number));
  const missing: number[] = [];
  for (let n = 1; n <= ctx.profile.expectedAnswers; n++) if (!present.has(n)) missing.push(n);
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
        const own = ownHeadingWords(ctx.lines[located.renamed].content, n);
        edits.push({ at: located.renamed, deleteCount: 1, insert: [own === '' ? expected : `${expected}: ${own}`], dropsWords: true });
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
  // A repeated number that is not some missing question's renamed heading. Past a few repeats of
  // one number (a pasted or generated file: 117,000 headings in 2 MB), one finding says how many.
  const repeats = new Map<number, number[]>();
  const seen = new Set<number>();
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    if (seen.has(n) && !usedRenamed.has(zone.heading)) {
      const lines = repeats.get(n);
      if (lines) lines.push(zone.heading);
      else repeats.set(n, [zone.heading]);
    }
    seen.add(n);
  }
  const severity = ctx.check.error ? 'breaks-checker' : 'changes-grade';
  for (const [n, lines] of repeats) {
    const many = lines.length > MAX_REPEATS_LISTED;
    for (const line of many ? lines.slice(0, 1) : lines) {
      out.push({
        kind: 'duplicate-question',
        severity,
        line,
        question: n,
        message: `"### Question ${n}" appears ${many ? `${lines.length + 1} times, a second time here` : 'a second time here'}. The checker matches answers to questions by position, so every answer after this one is graded as the next question. Merge the two or renumber them.`,
      });
    }
  }
  return out;
}
