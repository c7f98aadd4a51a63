/**
 * The doctor's findings (drift from the template) as diagnostics. Each fix becomes the one edit it
 * makes, and says beforehand when it changes the checker's verdict.
 */
import { checkReport } from '../checkReport';
import type { CheckerProfile } from '../constraints';
import { doctorWithFixes, type Finding, type Severity } from '../doctor';
import type { Diagnostic, DiagnosticFix, DiagnosticSeverity } from './diagnostic';
import { editBetween } from './editBetween';
import { verdictEffect } from './verdictEffect';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  'breaks-checker': 'error',
  'changes-grade': 'warning',
  cosmetic: 'info',
};

/** Characters of fixed text the checker re-checks for fix effects, per report (~130 real reports). */
const EFFECT_BUDGET_CHARS = 8_000_000;

/** The doctor's findings, each with its diagnostic (same order): for printers that show both. */
export function diagnoseDrift(text: string, profile: CheckerProfile): { finding: Finding; diagnostic: Diagnostic }[] {
  let before: ReturnType<typeof checkReport> | null = null;
  // Saying what a fix does re-runs the checker on the fixed text: bounded per report, so a
  // pasted 2 MB file with dozens of findings is not checked dozens of times (memory and time).
  let effectBudget = EFFECT_BUDGET_CHARS;
  return doctorWithFixes(text, profile).map(({ finding, fixed: fixedText }) => {
    const fixes: DiagnosticFix[] = [];
    const fixed = finding.fix ? fixedText() : null;
    const edit = fixed === null ? null : editBetween(text, fixed);
    if (finding.fix && edit) {
      before ??= checkReport(text, profile);
      effectBudget -= fixed!.length;
      const effect = effectBudget >= 0 ? verdictEffect(before, checkReport(fixed!, profile), profile) : undefined;
      fixes.push({ label: finding.fix.label, edits: [edit], ...(effect ? { effect } : {}) });
    }
    const diagnostic: Diagnostic = {
      source: 'doctor',
      code: finding.kind,
      severity: SEVERITY[finding.severity],
      question: finding.question,
      line: finding.line,
      range: null,
      message: finding.message,
      fixes,
    };
    return { finding, diagnostic };
  });
}

export function doctorDiagnostics(text: string, profile: CheckerProfile): Diagnostic[] {
  return diagnoseDrift(text, profile).map((d) => d.diagnostic);
}
