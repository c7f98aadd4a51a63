/**
 * Where the course's graded page (Python-Markdown, no extensions) shows an answer differently from
 * GitHub. The checker's counts do not change, so these are notes, not warnings: they do not take a
 * question's ✓ away.
 */
import type { GradedPageDifference } from '../gradedPageTypes';
import type { Diagnostic } from './diagnostic';

export function gradedPageDiagnostics(differences: readonly GradedPageDifference[]): Diagnostic[] {
  return differences.map((d) => ({
    source: 'graded-page',
    code: d.kind,
    severity: 'info',
    question: d.question,
    line: d.line,
    range: null,
    message: d.message,
    fixes: (d.fixes ?? []).map((fix) => ({ label: fix.label, edits: fix.edits })),
  }));
}
