/** `report-editor check --json`: one report's verdict, questions, warnings and diagnostics as data. */
import type { ReportAnalysis } from '../../../core/analyzeReport';
import type { Diagnostic } from '../../../core/diagnostics';
import type { CheckWarning } from '../inspectReport';

/** A diagnostic as `check --json` lists it: the fixes by label (their edits are for the app). */
function diagnosticJson(d: Diagnostic) {
  return {
    source: d.source,
    code: d.code,
    severity: d.severity,
    question: d.question,
    line: d.line,
    range: d.range,
    message: d.message,
    fixes: d.fixes.map((f) => f.label),
  };
}

/**
 * The `--json` shape: the course checker's verdict, the per-question view, every check's warnings
 * (kept for scripts written against them) and every problem once as a diagnostic.
 */
export function checkJson(
  analysis: ReportAnalysis,
  warnings: readonly CheckWarning[],
  diagnostics: readonly Diagnostic[] = [],
) {
  const { check } = analysis;
  return {
    generation: check.generation,
    error: check.error,
    answers: check.answers,
    passed: check.passed,
    failures: check.failures,
    questions: analysis.questions.map((q) => ({
      number: q.number,
      section: q.section,
      words: q.words,
      images: q.images,
      writtenWords: q.writtenWords,
      graded: q.graded,
      status: q.status,
      constraint: q.constraint,
      line: q.answerLine,
    })),
    warnings,
    diagnostics: diagnostics.map(diagnosticJson),
  };
}
