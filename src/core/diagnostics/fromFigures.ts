/**
 * Figure hygiene findings as diagnostics. A pure fix (`edit`) becomes edits; a fix that needs the
 * disk or git (rename, convert, copy, delete, git add) becomes an action the figures service
 * carries out.
 */
import type { FigureFinding, FigureFix } from '../figures/figureFindings';
import type { Diagnostic, DiagnosticFix } from './diagnostic';

export function figureFixToDiagnosticFix(fix: FigureFix): DiagnosticFix {
  if (fix.kind === 'edit') return { label: fix.label, edits: fix.edits };
  const { label, ...action } = fix;
  return { label, action };
}

export function figureDiagnostics(findings: readonly FigureFinding[]): Diagnostic[] {
  return findings.map((f) => ({
    source: 'figures',
    code: f.kind,
    severity: f.severity,
    question: f.question,
    line: f.line,
    range: f.link ? { start: f.link.start, end: f.link.end } : null,
    message: f.message,
    fixes: f.fixes.map(figureFixToDiagnosticFix),
  }));
}
