/**
 * Every failure and warning of a report as one list, in file order, each pointing at the place to
 * jump to (a question, and a line of the file when there is one).
 */
import type { ReportAnalysis } from '../../core/analyzeReport';
import { formatRange, type CheckerProfile } from '../../core/constraints';
import { verdictOf } from './verdict';

export type ProblemSeverity = 'error' | 'failure' | 'warning';

export interface Problem {
  readonly key: string;
  readonly severity: ProblemSeverity;
  /** The question to jump to, or null when there is no place (e.g. a deleted heading). */
  readonly question: number | null;
  /** 1-based line of the file, when the problem is at one line. */
  readonly line: number | null;
  readonly text: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function problemsOf(analysis: ReportAnalysis, profile: CheckerProfile): Problem[] {
  const problems: Problem[] = [];
  const present = new Set(analysis.questions.map((q) => q.number));
  const { check } = analysis;

  if (check.error !== null) {
    const cause = analysis.warnings.find(
      (w) => w.kind === 'missing-answer-marker' || w.kind === 'extra-answer-marker' || w.kind === 'missing-question',
    );
    problems.push({
      key: 'error',
      severity: 'error',
      question: cause?.question != null && present.has(cause.question) ? cause.question : null,
      line: cause?.line ?? null,
      text: `${verdictOf(check, profile).explanation} Nothing is graded until this is fixed.`,
    });
  }

  const byQuestion: Problem[] = [];
  if (check.error === null) {
    for (const failure of check.failures) {
      const view = analysis.questions.find((q) => q.number === failure.question);
      const what = failure.kind === 'words' ? plural(failure.got, 'word') : plural(failure.got, 'image');
      byQuestion.push({
        key: `failure-${failure.question}-${failure.kind}`,
        severity: 'failure',
        question: present.has(failure.question) ? failure.question : null,
        line: view?.answerLine ?? null,
        text: `Question ${failure.question}: ${what}, needs ${formatRange(failure)} ${failure.kind}`,
      });
    }
  } else {
    // Nothing is graded, but the student still wants to know which answers would fail.
    for (const view of analysis.questions) {
      const { words, images } = view.constraint;
      if (words && (view.words < words.min || view.words > words.max)) {
        byQuestion.push({
          key: `failure-${view.number}-words`,
          severity: 'failure',
          question: view.number,
          line: view.answerLine,
          text: `Question ${view.number}: ${plural(view.words, 'word')}, needs ${formatRange(words)} words`,
        });
      }
      if (images && (view.images < images.min || view.images > images.max)) {
        byQuestion.push({
          key: `failure-${view.number}-images`,
          severity: 'failure',
          question: view.number,
          line: view.answerLine,
          text: `Question ${view.number}: ${plural(view.images, 'image')}, needs ${formatRange(images)} images`,
        });
      }
    }
  }
  analysis.warnings.forEach((warning, i) => {
    byQuestion.push({
      key: `warning-${i}-${warning.kind}-${warning.question ?? ''}`,
      severity: 'warning',
      question: warning.question !== null && present.has(warning.question) ? warning.question : null,
      line: warning.line,
      text: warning.message,
    });
  });
  // Stable sort: by question, failures before warnings of the same question.
  const order = (p: Problem) => p.question ?? Number.MAX_SAFE_INTEGER;
  byQuestion.sort((a, b) => order(a) - order(b) || (a.severity === b.severity ? 0 : a.severity === 'failure' ? -1 : 1));
  return [...problems, ...byQuestion];
}
