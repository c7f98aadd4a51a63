/**
 * Git conflict markers left in the report. No fix: which version to keep is the group's call.
 * Markers inside one answer change what is graded (both versions and the markers are counted,
 * `=======` makes a heading); a region that holds a question's heading or `Answer:` line can
 * change how many answers the checker finds, which is checked by resolving it one way.
 */
import { checkReport } from '../checkReport';
import { describeConflictRegion, findConflictMarkers, resolveConflictRegion } from '../merge/conflictMarkers';
import type { DoctorContext, Draft } from './context';
import { lineIndexAt } from './textLines';

export function detectConflicts(ctx: DoctorContext): Draft[] {
  return findConflictMarkers(ctx.text, ctx.doc).map((region) => {
    const resolved = checkReport(resolveConflictRegion(ctx.text, region, 'ours'), ctx.profile);
    const breaks = resolved.answers !== ctx.check.answers || resolved.error !== ctx.check.error;
    return {
      kind: 'merge-conflict',
      severity: breaks ? 'breaks-checker' : 'changes-grade',
      line: lineIndexAt(ctx.lines, region.start),
      question: region.insideAnswer ?? region.questions[0] ?? null,
      message: describeConflictRegion(region),
    };
  });
}
