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

/**
 * Says what a fix does to the checker's verdict, by re-running the checker on the fixed text:
 * bounded per report, so a pasted 2 MB file with dozens of findings is not checked dozens of times
 * (memory and time). Past the budget, fixes say nothing.
 */
function effectEstimator(text: string, profile: CheckerProfile) {
  let before: ReturnType<typeof checkReport> | null = null;
  let budget = EFFECT_BUDGET_CHARS;
  return {
    exhausted: () => budget < 0,
    /** The effect of the fix that makes `fixed` of the text (a text that differs from it). */
    effectOf(fixed: string): string | undefined {
      before ??= checkReport(text, profile);
      budget -= fixed.length;
      return budget >= 0 ? verdictEffect(before, checkReport(fixed, profile), profile) : undefined;
    },
  };
}

/** The doctor's findings, each with its diagnostic (same order): for printers that show both. */
export function diagnoseDrift(text: string, profile: CheckerProfile): { finding: Finding; diagnostic: Diagnostic }[] {
  const effects = effectEstimator(text, profile);
  return doctorWithFixes(text, profile).map(({ finding, fixed: fixedText }) => {
    const fixes: DiagnosticFix[] = [];
    const fixed = finding.fix ? fixedText() : null;
    const edit = fixed === null ? null : editBetween(text, fixed);
    if (finding.fix && edit) {
      const effect = effects.effectOf(fixed!);
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

/**
 * The doctor's findings with what each fix does to the verdict (the same effects diagnoseDrift
 * gives), without the fixes' edits: for the CLI, which prints effects and never applies an edit.
 * Each edit of a fix that inserts a line under every one of 100 000 headings spans the whole
 * report: held for dozens of findings at once they took ~400 MB.
 */
export function driftEffects(text: string, profile: CheckerProfile): { finding: Finding; effect?: string }[] {
  const effects = effectEstimator(text, profile);
  return doctorWithFixes(text, profile).map(({ finding, fixed: fixedText }) => {
    if (!finding.fix || effects.exhausted()) return { finding };
    const fixed = fixedText();
    const effect = fixed === null || fixed === text ? undefined : effects.effectOf(fixed);
    return effect ? { finding, effect } : { finding };
  });
}

export function doctorDiagnostics(text: string, profile: CheckerProfile): Diagnostic[] {
  return diagnoseDrift(text, profile).map((d) => d.diagnostic);
}
