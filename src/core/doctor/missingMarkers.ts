/** A question heading with no `> Answer:` line: the checker cannot see that answer. */
import type { DoctorContext, Draft, QuestionZone } from './context';
import { markerInsertion, walkPrompt } from './promptWalk';
import { isQuote, type LineEdit } from './textLines';

const JOINED_MARKER = /(?:^|[ \t])>[ \t]*(?:[*_]{1,3})?Answer:/;

function hasJoinedMarker(ctx: DoctorContext, zone: QuestionZone): boolean {
  for (let i = zone.heading + 1; i < zone.end; i++) {
    const c = ctx.lines[i].content;
    if (isQuote(c) && JOINED_MARKER.test(c.replace(/^[ \t]*>/, ''))) return true;
  }
  return false;
}

/**
 * Past this many headings of one question number without a `> Answer:` line they are one finding
 * with one fix: a generated or pasted file can repeat a heading thousands of times, and a finding
 * per heading (117 000 in a 2 MB file) took hundreds of MB while telling the student nothing more.
 */
export const MAX_SEPARATE_MISSING_MARKERS = 20;

export function missingMarkers(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  // Per question number, the headings without a marker and the edit that inserts one.
  const missing = new Map<number, { zone: QuestionZone; edit: LineEdit }[]>();
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    if (zone.question.hasAnswerMarker || ctx.claimedLines.has(zone.heading) || hasJoinedMarker(ctx, zone)) continue;
    const walk = walkPrompt(ctx, n, zone.heading + 1, zone.end);
    const edit = markerInsertion(ctx, zone.heading, walk.last);
    const same = missing.get(n);
    if (same) same.push({ zone, edit });
    else missing.set(n, [{ zone, edit }]);
  }
  const lastZone = ctx.zones[ctx.zones.length - 1];
  for (const [n, headings] of missing) {
    if (headings.length > MAX_SEPARATE_MISSING_MARKERS) {
      out.push({
        kind: 'missing-answer-marker',
        severity: 'breaks-checker',
        simulate: true,
        line: headings[0].zone.heading,
        question: n,
        message: `${headings.length} "### Question ${n}" headings have no "> Answer:" line (the first here). The course's checker finds answers by that line, so it does not see these answers, and later answers are graded as other questions.`,
        fix: { label: `insert "> Answer:" after each of them`, edits: () => headings.map((h) => h.edit) },
      });
      continue;
    }
    for (const { zone, edit } of headings) out.push({
      kind: 'missing-answer-marker',
      severity: 'breaks-checker',
      simulate: true,
      // The heading's line, as `report-editor check` names it; the fix's diff shows where it inserts.
      line: zone.heading,
      question: n,
      message: `Question ${n} has no "> Answer:" line. The course's checker finds answers by that line, so it does not see this answer${
        zone === lastZone ? ' and finds one answer too few' : ', and every later answer is graded as the question before it'
      }.`,
      fix: { label: `insert "> Answer:" after question ${n}'s prompt`, edits: () => [edit] },
    });
  }
  return out;
}
