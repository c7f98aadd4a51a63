/**
 * The "Repair" view: where the report drifted from the template, worst first, with a fix per
 * finding and one for all of them. Nothing is applied before the user has seen the line diff of
 * exactly what will change. Self-contained: give it the text and the checker profile, and receive
 * the repaired text in onApply (the caller saves it like any other edit).
 */
import { useId, useMemo, useState } from 'react';
import { checkReport } from '../../core/checkReport';
import type { CheckerProfile } from '../../core/constraints';
import { diagnoseDrift, verdictEffect } from '../../core/diagnostics';
import {
  diffHunks,
  type Finding,
  type FixChoices,
  lineDiff,
  repair,
  SEVERITIES,
  type Severity,
} from '../../core/doctor';
import { verdictChanges } from './verdictChanges';
import './RepairView.css';

export interface RepairViewProps {
  readonly text: string;
  readonly profile: CheckerProfile;
  readonly onApply: (newText: string) => void;
  /** False when the container already has a title (a dialog): only the summary is shown. */
  readonly showTitle?: boolean;
}

const SEVERITY_LABEL: Record<Severity, { title: string; badge: string; explain: string }> = {
  'breaks-checker': {
    title: "Breaks the course's checker",
    badge: 'Breaks the checker',
    explain: 'The checker stops with an error or grades answers as the wrong questions.',
  },
  'changes-grade': {
    title: 'Changes what is graded',
    badge: 'Changes the grade',
    explain: 'Words or images the checker counts change, or the graded page shows the answer wrongly.',
  },
  cosmetic: {
    title: 'Cosmetic',
    badge: 'Cosmetic',
    explain: 'Differs from the template; neither the checker nor the grader notices.',
  },
};

interface Preview {
  /** The text the preview was computed from: a preview of an older text is never applied. */
  readonly base: string;
  readonly title: string;
  readonly text: string;
  /** What the repair changes in the checker's verdict, said before it is applied. */
  readonly verdict: readonly string[];
  /** Fixes left out because each would make the verdict worse, with what it would do. */
  readonly withheld: readonly string[];
}

export function RepairView({ text, profile, onApply, showTitle = true }: RepairViewProps) {
  const drift = useMemo(() => diagnoseDrift(text, profile), [text, profile]);
  const findings = useMemo(() => drift.map((d) => d.finding), [drift]);
  // What each fix does to the verdict, said before it is applied ("after this, question 12 …").
  const effects = useMemo(
    () => new Map(drift.map((d) => [d.finding.id, d.diagnostic.fixes[0]?.effect] as const)),
    [drift],
  );
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<{ base: string; message: string } | null>(null);
  const current = preview && preview.base === text ? preview : null;
  const error = failure && failure.base === text ? failure.message : null;
  const fixable = findings.filter((f) => f.fix);

  const propose = (ids: readonly string[] | 'all', title: string) => {
    try {
      const repaired = repair(text, profile, ids, choices as FixChoices);
      const before = checkReport(text, profile);
      setPreview({
        base: text,
        title,
        text: repaired.text,
        verdict: verdictChanges(before, checkReport(repaired.text, profile), profile),
        withheld: repaired.withheld.map(
          (w) => `${w.finding.fix?.label ?? w.finding.message}: ${verdictEffect(before, w.after, profile) ?? 'it makes the verdict worse'}`,
        ),
      });
      setFailure(null);
    } catch (e) {
      setPreview(null);
      setFailure({ base: text, message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className="repair-view" aria-label="Repair the report" data-testid="repair-view">
      <header className="repair-view__header">
        <div>
          {showTitle && <h2 className="repair-view__title">Repair</h2>}
          <p className="repair-view__summary">
            {findings.length === 0
              ? 'No drift from the template found.'
              : `${findings.length} finding${findings.length === 1 ? '' : 's'}; ${fixable.length} can be repaired without changing your words.`}
          </p>
        </div>
        {fixable.length > 0 && (
          <button
            type="button"
            className="primary"
            data-testid="repair-apply-all"
            onClick={() => propose('all', `Repair all ${fixable.length} finding${fixable.length === 1 ? '' : 's'}`)}
          >
            Repair all…
          </button>
        )}
      </header>

      {error && (
        <p className="repair-view__error" role="alert">
          {error}
        </p>
      )}

      {current && (
        <DiffPreview
          preview={current}
          original={text}
          onApply={() => {
            setPreview(null);
            if (current.text !== text) onApply(current.text);
          }}
          onCancel={() => setPreview(null)}
        />
      )}

      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} className={`repair-view__group repair-view__group--${severity}`}>
            <h3 className="repair-view__group-title">
              {SEVERITY_LABEL[severity].title} <span className="repair-view__count">({group.length})</span>
            </h3>
            <p className="repair-view__explain">{SEVERITY_LABEL[severity].explain}</p>
            <ol className="repair-view__list">
              {group.map((finding) => (
                <FindingItem
                  key={finding.id}
                  finding={finding}
                  effect={effects.get(finding.id)}
                  choice={choices[finding.id]}
                  onChoose={(option) => setChoices((c) => ({ ...c, [finding.id]: option }))}
                  onFix={() => propose([finding.id], finding.fix!.label)}
                />
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}

function FindingItem({
  finding,
  effect,
  choice,
  onChoose,
  onFix,
}: {
  finding: Finding;
  effect: string | undefined;
  choice: string | undefined;
  onChoose: (option: string) => void;
  onFix: () => void;
}) {
  const name = useId();
  const options = finding.fix?.options ?? [];
  const picked = choice ?? options[0]?.id;
  const where = [
    finding.line !== null ? `Line ${finding.line}` : null,
    finding.question !== null ? `Question ${finding.question}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li
      className="repair-view__finding"
      data-testid="repair-finding"
      data-kind={finding.kind}
      data-severity={finding.severity}
    >
      <div className="repair-view__meta">
        <span className={`repair-view__badge repair-view__badge--${finding.severity}`}>
          {SEVERITY_LABEL[finding.severity].badge}
        </span>
        {where && <span className="repair-view__where">{where}</span>}
      </div>
      <p className="repair-view__message">{finding.message}</p>
      {finding.fix ? (
        <div className="repair-view__fix">
          {options.length > 1 && (
            <fieldset className="repair-view__options">
              <legend className="sr-only">How to repair it</legend>
              {options.map((option) => (
                <label key={option.id} className="repair-view__option">
                  <input
                    type="radio"
                    name={name}
                    value={option.id}
                    checked={picked === option.id}
                    onChange={() => onChoose(option.id)}
                  />{' '}
                  {option.label}
                </label>
              ))}
            </fieldset>
          )}
          {effect && (
            <p className="repair-view__effect" data-testid="repair-effect">
              {effect[0].toUpperCase() + effect.slice(1)}.
            </p>
          )}
          <button type="button" onClick={onFix} data-testid="repair-fix">
            {options.length > 1
              ? `Repair: ${options.find((o) => o.id === picked)?.label ?? finding.fix.label}…`
              : `Repair: ${finding.fix.label}…`}
          </button>
        </div>
      ) : (
        <p className="repair-view__manual">Only you can fix this: it needs your words.</p>
      )}
    </li>
  );
}

function DiffPreview({
  preview,
  original,
  onApply,
  onCancel,
}: {
  preview: Preview;
  original: string;
  onApply: () => void;
  onCancel: () => void;
}) {
  const hunks = useMemo(() => diffHunks(lineDiff(original, preview.text), 2), [original, preview.text]);
  const added = hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === 'added').length, 0);
  const removed = hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === 'removed').length, 0);
  return (
    <div
      className="repair-view__preview"
      role="region"
      aria-label="Changes before they are applied"
      data-testid="repair-diff"
    >
      <h3 className="repair-view__preview-title">{preview.title}</h3>
      {hunks.length === 0 ? (
        <p>Nothing would change.</p>
      ) : (
        <>
          <p className="repair-view__explain">
            {added} line{added === 1 ? '' : 's'} added, {removed} removed. Every answer keeps its words.
          </p>
          <div className="repair-view__diff">
            {hunks.map((hunk, h) => (
              <table key={h} className="repair-view__hunk">
                <tbody>
                  {hunk.lines.map((line, k) => (
                    <tr key={k} className={`repair-view__line repair-view__line--${line.kind}`}>
                      <td className="repair-view__ln">{line.oldLine ?? ''}</td>
                      <td className="repair-view__ln">{line.newLine ?? ''}</td>
                      <td className="repair-view__sign" aria-label={line.kind === 'same' ? undefined : line.kind}>
                        {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                      </td>
                      <td className="repair-view__code">{line.text === '' ? ' ' : line.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        </>
      )}
      {preview.verdict.length > 0 && (
        <ul className="repair-view__verdict" data-testid="repair-verdict" aria-label="What the checker will count">
          {preview.verdict.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {preview.withheld.length > 0 && (
        <div data-testid="repair-withheld">
          <p className="repair-view__explain">Not applied, because each would make the checker's verdict worse:</p>
          <ul className="repair-view__verdict">
            {preview.withheld.map((line) => (
              <li key={line}>{line[0].toUpperCase() + line.slice(1)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row end">
        <button type="button" onClick={onCancel} data-testid="repair-cancel">
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={onApply}
          disabled={hunks.length === 0}
          data-testid="repair-apply"
        >
          Apply
        </button>
      </div>
    </div>
  );
}
