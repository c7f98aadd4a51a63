/** Every failure and warning of the report; a click jumps to the place. */
import { memo, useMemo, type ReactNode } from 'react';
import { problemsOf } from '../model/problems';
import { ProblemFixes } from '../figures/ProblemFixes';
import { useFigures } from '../figures/useFigures';
import { useStore } from '../state/store';
import type { ReportSession } from '../state/reportSession';

export interface ProblemsPanelProps {
  readonly session: ReportSession;
  readonly onJump: (question: number, line: number | null) => void;
  /** More groups after the checker's problems (graded-page differences, template drift). */
  readonly children?: ReactNode;
}

const ICON = { error: '✗', failure: '✗', warning: '⚠', info: 'ℹ' } as const;

export const ProblemsPanel = memo(function ProblemsPanel({ session, onJump, children }: ProblemsPanelProps) {
  const analysis = useStore(session.store, (s) => s.analysis);
  const figureFindings = useStore(useFigures(session).store, (s) => s.findings);
  const problems = useMemo(
    () => problemsOf(analysis, session.report.profile, figureFindings),
    [analysis, session, figureFindings],
  );
  return (
    <aside className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title" className="panel-title">
        Problems <span className="count-badge">{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="all-good">Nothing to fix: the checker passes every question.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={problem.key}>
              <button
                type="button"
                className={`problem problem--${problem.severity}`}
                data-testid="problem"
                data-severity={problem.severity}
                data-kind={problem.kind ?? problem.severity}
                data-question={problem.question ?? ''}
                disabled={problem.question === null}
                onClick={() => problem.question !== null && onJump(problem.question, problem.line)}
              >
                <span className="problem-icon" aria-hidden="true">
                  {ICON[problem.severity]}
                </span>
                <span className="problem-text">{problem.text}</span>
                {problem.line !== null && <span className="problem-line">line {problem.line}</span>}
              </button>
              {problem.fixes && problem.fixes.length > 0 && <ProblemFixes session={session} fixes={problem.fixes} />}
            </li>
          ))}
        </ul>
      )}
      {children}
    </aside>
  );
});
