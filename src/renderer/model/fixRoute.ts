/**
 * Until the document authority's `applyFix` lands, a diagnostic's fix goes through today's one
 * path that applies edits and backend actions to the report: the figure controller's (its `edit`
 * fix applies any edits to the whole text, and the undo of that is the editors' own).
 */
import type { DiagnosticFix } from '../../core/diagnostics';
import type { FigureFix } from '../../core/figures/figureFindings';

/** The figure-controller fix that does what `fix` says, or null when it says nothing to do. */
export function figureFixOf(fix: DiagnosticFix): FigureFix | null {
  if (fix.action) return { ...fix.action, label: fix.label } as FigureFix;
  if (fix.edits && fix.edits.length > 0) return { kind: 'edit', label: fix.label, edits: fix.edits };
  return null;
}
