/** Sections and questions, each with its status mark; a click goes to the question. */
import { memo } from 'react';
import type { QuestionStatus } from '../../core/analyzeReport';
import type { ReportDiagnostics } from '../diagnostics/reportDiagnostics';
import type { SectionEntry } from '../model/structure';
import { useShell } from '../shell/appContext';
import { changedQuestions, gitAwarenessFor } from '../git/gitAwareness';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { STATUS_MARK, STATUS_TEXT } from './statusLabels';

/** `"4:ok 5:too-short ..."`: one string, so the navigator re-renders only when a mark changes. */
function statusKey(marks: ReadonlyMap<number, QuestionStatus>): string {
  return [...marks].map(([n, status]) => `${n}:${status}`).join(' ');
}

export interface NavigatorProps {
  readonly session: ReportSession;
  /** The marks come from here: ✓ only when no warning or error of any analysis points at the question. */
  readonly diagnostics: ReportDiagnostics;
  readonly sections: readonly SectionEntry[];
  readonly current: number | null;
  readonly onSelect: (number: number) => void;
  readonly onChecklist: () => void;
}

export const Navigator = memo(function Navigator({
  session,
  diagnostics,
  sections,
  current,
  onSelect,
  onChecklist,
}: NavigatorProps) {
  const statuses = useStore(diagnostics.store, (s) => statusKey(s.marks));
  const gitChanged = changedQuestions(useStore(gitAwarenessFor(session, useShell().api).store, (s) => s.changedKey));
  const checklist = useStore(session.store, (s) => {
    const done = s.doc.checklist.filter((i) => i.checked).length;
    return `${done}/${s.doc.checklist.length}`;
  });
  const statusOf = new Map<number, QuestionStatus>();
  for (const pair of statuses ? statuses.split(' ') : []) {
    const [n, status] = pair.split(':');
    if (!statusOf.has(Number(n))) statusOf.set(Number(n), status as QuestionStatus);
  }
  const [done, total] = checklist.split('/');

  return (
    <nav className="navigator" aria-label="Questions">
      {total !== '0' && (
        <button type="button" className="nav-checklist" data-testid="nav-checklist" onClick={onChecklist}>
          <span>Checklist</span>
          <span className="muted">
            {done}/{total}
          </span>
        </button>
      )}
      {sections.map((section, i) => (
        <div className="nav-section" key={`${section.title ?? ''}-${i}`}>
          <h2 className="nav-section-title">{section.title ?? 'Questions'}</h2>
          <ul>
            {section.cards
              .filter((card) => card.editable)
              .map((card) => {
                const status = statusOf.get(card.number) ?? 'empty';
                return (
                  <li key={card.key}>
                    <button
                      type="button"
                      className={`nav-question${current === card.number ? ' nav-question--current' : ''}`}
                      data-testid={`nav-q-${card.number}`}
                      data-status={status}
                      aria-current={current === card.number ? 'location' : undefined}
                      title={`Question ${card.number}: ${STATUS_TEXT[status]}`}
                      onClick={() => onSelect(card.number)}
                    >
                      <span className={`nav-mark status--${status}`} aria-hidden="true">
                        {STATUS_MARK[status]}
                      </span>
                      <span className="nav-label">Question {card.number}</span>
                      <span className="sr-only">, {STATUS_TEXT[status]}</span>
                      {gitChanged.has(card.number) && (
                        <span className="nav-git" data-testid={`nav-git-${card.number}`} title="Changed since the last commit">
                          <span aria-hidden="true">●</span>
                          <span className="sr-only">, changed since the last commit</span>
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
});
