/**
 * The course checker's verdict and the split's warnings as diagnostics: its error (nothing is
 * graded), each failed word or image range, and each place where the checker's positional split
 * disagrees with the headings the student sees.
 */
import type { ReportAnalysis, ReportWarning } from '../analyzeReport';
import { countOf, formatNeed, type CheckerProfile, type Range } from '../constraints';
import type { Diagnostic } from './diagnostic';

/** The checker's error in plain words (its own words follow in parentheses). */
export function checkerErrorMessage(analysis: ReportAnalysis, profile: CheckerProfile): string {
  const { check } = analysis;
  const why = check.error?.startsWith('IndexError')
    ? 'it finds no "Answer:" line at all'
    : check.error === profile.countError || check.error?.includes('Number of answers')
      ? `it finds ${countOf(check.answers, 'answer')}, not ${profile.expectedAnswers} (${check.answers < profile.expectedAnswers ? 'an "Answer:" line is missing' : 'there is an extra "Answer:"'})`
      : String(check.error);
  return `The course's checker stops: ${why}. Nothing is graded until this is fixed.`;
}

function failure(
  question: number,
  kind: 'words' | 'images',
  got: number,
  range: Range,
  line: number | null,
): Diagnostic {
  return {
    source: 'checker',
    code: kind,
    severity: 'error',
    question,
    line,
    range: null,
    message: `Question ${question}: ${countOf(got, kind === 'words' ? 'word' : 'image')}, needs ${formatNeed(range, kind)}`,
    fixes: [],
  };
}

/**
 * The checker's error and failures. While the checker stops with an error nothing is graded, but
 * each answer is still judged as it would be once the structure is repaired.
 */
export function checkerDiagnostics(analysis: ReportAnalysis, profile: CheckerProfile): Diagnostic[] {
  const { check } = analysis;
  const out: Diagnostic[] = [];
  if (check.error !== null) {
    const cause = analysis.warnings.find(
      (w) => w.kind === 'missing-answer-marker' || w.kind === 'extra-answer-marker' || w.kind === 'missing-question',
    );
    out.push({
      source: 'checker',
      code: 'checker-error',
      severity: 'error',
      question: cause?.question ?? null,
      line: cause?.line ?? null,
      range: null,
      message: checkerErrorMessage(analysis, profile),
      fixes: [],
    });
    for (const view of analysis.questions) {
      const { words, images } = view.constraint;
      if (words && (view.words < words.min || view.words > words.max))
        out.push(failure(view.number, 'words', view.words, words, view.answerLine));
      if (images && (view.images < images.min || view.images > images.max))
        out.push(failure(view.number, 'images', view.images, images, view.answerLine));
    }
    return out;
  }
  const answerLine = new Map(analysis.questions.map((q) => [q.number, q.answerLine]));
  for (const f of check.failures) out.push(failure(f.question, f.kind, f.got, f, answerLine.get(f.question) ?? null));
  return out;
}

/** The split's warnings: every one of them changes what the checker grades, so each warns. */
export function splitDiagnostics(warnings: readonly ReportWarning[]): Diagnostic[] {
  return warnings.map((w) => ({
    source: 'split',
    code: w.kind,
    severity: 'warning',
    question: w.question,
    line: w.line,
    range: null,
    message: w.message,
    fixes: [],
  }));
}
