/**
 * One shape for every problem any analysis finds in a report — the checker's failures, the split's
 * warnings, figure hygiene, template drift, graded-page differences, merge conflicts — so that the
 * navigator, the problems panel and the CLI read one list and cannot disagree.
 */
import type { TextEdit } from '../textEdit';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export type DiagnosticSource = 'checker' | 'split' | 'figures' | 'template' | 'graded-page' | 'doctor' | 'merge';

export interface DiagnosticFix {
  readonly label: string;
  readonly edits?: readonly TextEdit[];
  /** A fix the backend must carry out (rename a file, git add…): the service returns edits to apply. */
  readonly action?: { readonly kind: string; readonly [key: string]: unknown };
  /** What the fix does to the checker's verdict, said before it is applied. */
  readonly effect?: string;
}

export interface Diagnostic {
  readonly source: DiagnosticSource;
  readonly code: string;
  readonly severity: DiagnosticSeverity;
  readonly question: number | null;
  readonly line: number | null;
  readonly range: { start: number; end: number } | null;
  readonly message: string;
  readonly fixes: readonly DiagnosticFix[];
}

/** Worst first: errors, then warnings, then notes. */
export const SEVERITY_RANK: Readonly<Record<DiagnosticSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** True for what keeps a question from showing ✓ (warnings and errors; notes do not). */
export const isBlocking = (d: Diagnostic): boolean => d.severity !== 'info';
