/**
 * The report's insights as entries of the problems panel: where the graded page will differ from
 * what the student sees, and where the file drifted from the template (the doctor's findings that
 * the checker's own warnings do not already list).
 */
import type { Finding, FindingKind } from '../../core/doctor';
import type { GradedPageDifference } from '../../core/gradedPage';

export interface InsightProblem {
  readonly key: string;
  readonly kind: string;
  readonly question: number | null;
  readonly line: number | null;
  readonly text: string;
  /** Doctor findings only: how bad it is. */
  readonly severity?: Finding['severity'];
  /** Doctor findings only: the Repair view can fix it. */
  readonly fixable?: boolean;
}

/**
 * Findings the panel shows already, as the checker's warnings (missing or extra `Answer:`, cut by
 * a heading, placeholder, missing or duplicate question), as its error, or as an empty answer.
 */
const LISTED_BY_CHECKER: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'missing-answer-marker',
  'extra-answer-marker',
  'heading-in-answer',
  'hashes-in-answer',
  'placeholder',
  'missing-question',
  'duplicate-question',
  'checker-error',
  'unanswered',
]);

const SEVERITY_ORDER = { 'breaks-checker': 0, 'changes-grade': 1, cosmetic: 2 } as const;

export function gradedPageProblems(
  differences: readonly GradedPageDifference[],
  present: ReadonlySet<number>,
): InsightProblem[] {
  return differences.map((d, i) => ({
    key: `graded-${i}-${d.kind}-${d.line}`,
    kind: d.kind,
    question: d.question !== null && present.has(d.question) ? d.question : null,
    line: d.line,
    text: d.message,
  }));
}

export function doctorProblems(findings: readonly Finding[], present: ReadonlySet<number>): InsightProblem[] {
  return findings
    .filter((f) => !LISTED_BY_CHECKER.has(f.kind))
    .map((f) => ({
      key: `doctor-${f.id}`,
      kind: f.kind,
      question: f.question !== null && present.has(f.question) ? f.question : null,
      line: f.line,
      text: f.message,
      severity: f.severity,
      fixable: f.fix !== undefined,
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
}
