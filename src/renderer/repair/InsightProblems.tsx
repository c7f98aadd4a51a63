/**
 * The problems panel's last two groups: where the graded page will differ, and where the file
 * drifted from the template (with the way into the Repair view). Filled in while the app is idle.
 */
import { memo, useMemo } from 'react';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../state/store';
import { doctorProblems, gradedPageProblems, type InsightProblem } from './insightProblems';
import type { ReportInsights } from './reportInsights';
import './insights.css';

export interface InsightProblemsProps {
  readonly session: ReportSession;
  readonly insights: ReportInsights;
  readonly onJump: (question: number, line: number | null) => void;
  readonly onRepair: () => void;
}

function ProblemList({
  problems,
  testId,
  onJump,
}: {
  problems: readonly InsightProblem[];
  testId: string;
  onJump: InsightProblemsProps['onJump'];
}) {
  return (
    <ul className="problem-list">
      {problems.map((problem) => (
        <li key={problem.key}>
          <button
            type="button"
            className={`problem ${problem.severity === 'breaks-checker' ? 'problem--failure' : 'problem--warning'}`}
            data-testid={testId}
            data-kind={problem.kind}
            data-question={problem.question ?? ''}
            disabled={problem.question === null}
            onClick={() => problem.question !== null && onJump(problem.question, problem.line)}
          >
            <span className="problem-icon" aria-hidden="true">
              {problem.severity === 'breaks-checker' ? '✗' : '⚠'}
            </span>
            <span className="problem-text">{problem.text}</span>
            {problem.line !== null && <span className="problem-line">line {problem.line}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

export const InsightProblems = memo(function InsightProblems({
  session,
  insights,
  onJump,
  onRepair,
}: InsightProblemsProps) {
  const questions = useStore(session.store, (s) => s.doc.questions);
  const findings = useStore(insights.store, (s) => s.findings);
  const graded = useStore(insights.store, (s) => s.graded);
  const present = useMemo(() => new Set(questions.map((q) => q.number)), [questions]);
  const drift = useMemo(() => doctorProblems(findings, present), [findings, present]);
  const differences = useMemo(() => gradedPageProblems(graded, present), [graded, present]);
  const fixable = findings.some((f) => f.fix);
  return (
    <>
      {drift.length > 0 && (
        <section className="problems-group" aria-labelledby="drift-title" data-testid="drift-problems">
          <h2 id="drift-title" className="panel-title problems-group__title">
            Template drift <span className="count-badge">{drift.length}</span>
          </h2>
          <ProblemList problems={drift} testId="doctor-problem" onJump={onJump} />
        </section>
      )}
      {fixable && (
        <button type="button" className="problems-group__repair" onClick={onRepair} data-testid="problems-repair">
          Repair…
        </button>
      )}
      {differences.length > 0 && (
        <section className="problems-group" aria-labelledby="graded-title" data-testid="graded-problems">
          <h2 id="graded-title" className="panel-title problems-group__title">
            Graded page differs <span className="count-badge">{differences.length}</span>
          </h2>
          <p className="problems-group__explain">
            The course grades the page <code>report.py html</code> makes, which renders less markdown than GitHub.
          </p>
          <ProblemList problems={differences} testId="graded-problem" onJump={onJump} />
        </section>
      )}
    </>
  );
});
