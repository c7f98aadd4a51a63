/**
 * Git's conflict markers left in the report as diagnostics, each with the resolutions the
 * student can pick (keep one version, or both) as edits of just that region.
 */
import { findConflictMarkers, resolveConflictRegion, describeConflictRegion } from '../merge/conflictMarkers';
import type { ReportDocument } from '../reportModel';
import type { Diagnostic, DiagnosticFix } from './diagnostic';
import { editBetween } from './editBetween';

export function conflictDiagnostics(text: string, doc?: ReportDocument): Diagnostic[] {
  return findConflictMarkers(text, doc).map((region) => {
    const choices: [string, 'ours' | 'theirs' | 'both'][] = [
      [`Keep ${region.oursLabel || 'yours'}`, 'ours'],
      [`Keep ${region.theirsLabel || 'theirs'}`, 'theirs'],
      ['Keep both', 'both'],
    ];
    const fixes: DiagnosticFix[] = [];
    if (region.complete) {
      for (const [label, choice] of choices) {
        const edit = editBetween(text, resolveConflictRegion(text, region, choice));
        if (edit) fixes.push({ label, edits: [edit] });
      }
    }
    return {
      source: 'merge',
      code: 'merge-conflict',
      severity: 'error',
      question: region.insideAnswer ?? region.questions[0] ?? null,
      line: region.line,
      range: { start: region.start, end: region.end },
      message: describeConflictRegion(region),
      fixes,
    };
  });
}
