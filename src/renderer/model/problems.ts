/**
 * Every failure and warning of a report as one list, in file order, each pointing at the place to
 * jump to (a question, and a line of the file when there is one).
 */
import type { ReportAnalysis } from '../../core/analyzeReport';
import { formatRange, type CheckerProfile } from '../../core/constraints';
import type { FigureFinding, FigureFix } from '../../core/figureLinks';
import { verdictOf } from './verdict';

export type ProblemSeverity = 'error' | 'failure' | 'warning' | 'info';

export interface Problem {
  readonly key: string;
  readonly severity: ProblemSeverity;
  /** The question to jump to, or null when there is no place (e.g. a deleted heading). */
  readonly question: number | null;
  /** 1-based line of the file, when the problem is at one line. */
  readonly line: number | null;
  readonly text: string;
  /** What kind of problem: `words`/`images` failures, a warning's or a figure finding's kind. */
  readonly kind?: string;
  /** One-click fixes (figure findings); the first is the recommended one. */
  readonly fixes?: readonly FigureFix[];
}

/** A figure hygiene finding as a problem: broken for graders is a failure, the rest warns or informs. */
function figureProblem(finding: FigureFinding, index: number, present: ReadonlySet<number>): Problem {
  return {
    key: `figure-${index}-${finding.kind}-${finding.target ?? ''}`,
    severity: finding.severity === 'error' ? 'failure' : finding.severity,
    question: finding.question !== null && present.has(finding.question) ? finding.question : null,
    line: finding.line,
    text: finding.message,
    kind: finding.kind,
    fixes: finding.fixes,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function problemsOf(
  analysis: ReportAnalysis,
  profile: CheckerProfile,
  figures: readonly FigureFinding[] = [],
): Problem[] {
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
        kind: failure.kind,
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
          kind: 'words',
        });
      }
      if (images && (view.images < images.min || view.images > images.max)) {
        byQuestion.push({
          key: `failure-${view.number}-images`,
          severity: 'failure',
          question: view.number,
          line: view.answerLine,
          text: `Question ${view.number}: ${plural(view.images, 'image')}, needs ${formatRange(images)} images`,
          kind: 'images',
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
      kind: warning.kind,
    });
  });
  figures.forEach((finding, i) => byQuestion.push(figureProblem(finding, i, present)));
  // Stable sort: by question, failures before warnings (then notes) of the same question.
  const order = (p: Problem) => p.question ?? Number.MAX_SAFE_INTEGER;
  const rank = (p: Problem) => (p.severity === 'failure' ? 0 : p.severity === 'info' ? 2 : 1);
  byQuestion.sort((a, b) => order(a) - order(b) || rank(a) - rank(b));
  return [...problems, ...byQuestion];
}
