/**
 * Every problem of the report, from the one aggregated list: grouped by where it comes from, alike
 * items folded under one count, one total on the badge, a filter that follows the question being
 * edited, and that question's items highlighted. A click jumps to the place; fixes apply in place.
 */
import { memo, useMemo, useState } from 'react';
import { groupDiagnostics, type Diagnostic, type DiagnosticFix, type DiagnosticSource } from '../../core/diagnostics';
import type { ReportDiagnostics } from '../diagnostics/reportDiagnostics';
import { useStore } from '../document/store';
import '../repair/insights.css';

export interface ProblemsPanelProps {
  readonly diagnostics: ReportDiagnostics;
  /** The question being edited: its items are highlighted, and the filter shows only them. */
  readonly current: number | null;
  readonly onJump: (question: number, line: number | null) => void;
  /** Applies one fix of one diagnostic (the document's single entry point for fixes). */
  readonly onFix: (diagnostic: Diagnostic, fix: DiagnosticFix) => Promise<void>;
  /** Opens the Repair view, offered when the doctor has fixes. */
  readonly onRepair: () => void;
}

interface Group {
  readonly id: string;
  readonly title: string;
  readonly explain?: string;
  readonly sources: readonly DiagnosticSource[];
  /** What end-to-end tests and styles call an item of this group. */
  readonly testId: string;
}

const GROUPS: readonly Group[] = [
  { id: 'checker', title: 'Checker', sources: ['merge', 'checker', 'split', 'figures', 'template'], testId: 'problem' },
  { id: 'drift', title: 'Template drift', sources: ['doctor'], testId: 'doctor-problem' },
  {
    id: 'graded',
    title: 'Graded page differs',
    explain: 'The course grades the page report.py html makes, which renders less markdown than GitHub.',
    sources: ['graded-page'],
    testId: 'graded-problem',
  },
];

/** Alike items (one kind of problem) from this many on are folded under one line with their count. */
const FOLD_FROM = 6;

const ICON = { error: '✗', warning: '⚠', info: 'ℹ' } as const;
/** What the icon (and colour) says, for a screen reader. */
const SEVERITY_WORD = { error: 'Fails', warning: 'Warning', info: 'Note' } as const;

function Item({
  diagnostic,
  testId,
  current,
  onJump,
  onFix,
}: {
  diagnostic: Diagnostic;
  testId: string;
  current: number | null;
  onJump: ProblemsPanelProps['onJump'];
  onFix: ProblemsPanelProps['onFix'];
}) {
  const [busy, setBusy] = useState(false);
  const d = diagnostic;
  const here = d.question !== null && d.question === current;
  return (
    <li className={here ? 'problem-item problem-item--current' : 'problem-item'}>
      <button
        type="button"
        className={`problem problem--${d.code === 'checker-error' ? 'error' : d.severity === 'error' ? 'failure' : d.severity}`}
        data-testid={testId}
        data-severity={d.severity}
        data-source={d.source}
        data-kind={d.code}
        data-question={d.question ?? ''}
        data-current={here ? 'true' : undefined}
        disabled={d.question === null}
        onClick={() => d.question !== null && onJump(d.question, d.line)}
      >
        <span className="problem-icon" aria-hidden="true">
          {ICON[d.severity]}
        </span>
        <span className="sr-only">{SEVERITY_WORD[d.severity]}: </span>
        <span className="problem-text">{d.message}</span>
        {d.line !== null && <span className="problem-line">line {d.line}</span>}
      </button>
      {d.fixes.length > 0 && (
        <div className="problem-fixes">
          {d.fixes.map((fix, i) => (
            <button
              key={`${i}:${fix.label}`}
              type="button"
              className="problem-fix"
              data-testid="problem-fix"
              data-fix={fix.action?.kind ?? 'edit'}
              title={fix.effect}
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onFix(d, fix).finally(() => setBusy(false));
              }}
            >
              {fix.label}
              {fix.effect && <span className="problem-fix__effect"> ({fix.effect})</span>}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

export const ProblemsPanel = memo(function ProblemsPanel({
  diagnostics,
  current,
  onJump,
  onFix,
  onRepair,
}: ProblemsPanelProps) {
  const all = useStore(diagnostics.store, (s) => s.list);
  const settled = useStore(diagnostics.store, (s) => s.settled);
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const shown = useMemo(
    () => (onlyCurrent && current !== null ? all.filter((d) => d.question === current) : all),
    [all, onlyCurrent, current],
  );
  const repairable = all.some((d) => d.source === 'doctor' && d.fixes.length > 0);
  const item = (d: Diagnostic, testId: string, key: string) => (
    <Item key={key} diagnostic={d} testId={testId} current={current} onJump={onJump} onFix={onFix} />
  );
  /**
   * The group's items in order; in the drift and graded-page groups, a kind with many alike items
   * is folded under one line with its count, where its first item would be. Checker items never
   * fold: each failure is something to see.
   */
  const rows = (items: readonly Diagnostic[], group: Group) => {
    const folded = new Map<string, readonly Diagnostic[]>(
      group.id === 'checker'
        ? []
        : groupDiagnostics(items)
            .filter((kind) => kind.items.length >= FOLD_FROM)
            .map((kind) => [`${kind.source}:${kind.code}`, kind.items] as const),
    );
    const done = new Set<string>();
    return items.flatMap((d, i) => {
      const kind = `${d.source}:${d.code}`;
      const alike = folded.get(kind);
      if (!alike) return [item(d, group.testId, `${kind}:${i}`)];
      if (done.has(kind)) return [];
      done.add(kind);
      return [
        <li key={`fold:${kind}`}>
          <details className="problem-fold" data-testid="problem-fold" data-kind={d.code}>
            <summary>
              {alike.length} × {alike[0].message.replace(/^Question \d+'s /, '')}
            </summary>
            <ul className="problem-list">{alike.map((a, k) => item(a, group.testId, `${kind}:${k}`))}</ul>
          </details>
        </li>,
      ];
    });
  };
  return (
    <aside className="problems" aria-labelledby="problems-title" aria-busy={!settled}>
      <h2 id="problems-title" className="panel-title">
        Problems{' '}
        <span className="count-badge" data-testid="problems-count">
          {all.length}
        </span>
      </h2>
      <label className="problems-filter">
        <input
          type="checkbox"
          data-testid="problems-filter"
          checked={onlyCurrent}
          onChange={(e) => setOnlyCurrent(e.target.checked)}
        />{' '}
        {current === null ? 'This question only' : `Question ${current} only`}
      </label>
      {all.length === 0 && <p className="all-good">Nothing to fix: the checker passes every question.</p>}
      {all.length > 0 && shown.length === 0 && <p className="all-good">Nothing to fix in question {current}.</p>}
      {GROUPS.map((group) => {
        const items = shown.filter((d) => group.sources.includes(d.source));
        if (items.length === 0) return null;
        return (
          <section
            key={group.id}
            className="problems-group"
            data-testid={`${group.id}-problems`}
            aria-label={group.title}
          >
            {group.id !== 'checker' && (
              <h3 className="panel-title problems-group__title">
                {group.title} <span className="count-badge">{items.length}</span>
              </h3>
            )}
            {group.explain && <p className="problems-group__explain">{group.explain}</p>}
            <ul className="problem-list">{rows(items, group)}</ul>
            {group.id === 'drift' && repairable && (
              <button type="button" className="problems-group__repair" onClick={onRepair} data-testid="problems-repair">
                Repair…
              </button>
            )}
          </section>
        );
      })}
    </aside>
  );
});
