/** The file, what the checker will say, the save state and the main actions. */
import { memo, type ReactNode } from 'react';
import { useShell } from '../shell/appContext';
import { ViewControls } from '../layout/ViewControls';
import { baseName } from '../model/paths';
import { shortcutLabel } from '../model/shortcuts';
import { conflictedVerdict, verdictOf } from '../model/verdict';
import { useStore } from '../document/store';
import type { ReportSession, SaveState } from '../state/reportSession';
import { GlobalUndoButton } from './GlobalUndo';

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
};

/** The form's own actions in the bar (the app shell's run the rest). Keep the object stable. */
export interface TopBarActions {
  /** The whole-report pane: GitHub, Graded or closed. */
  readonly reportPreview: 'github' | 'graded' | null;
  readonly toggleReportPreview: (mode: 'github' | 'graded') => void;
  readonly openRepair: () => void;
  readonly exporting: boolean;
}

export const TopBar = memo(function TopBar({
  session,
  actions,
  overview,
}: {
  session: ReportSession;
  actions?: TopBarActions;
  /** The report at a glance (words, questions left, images missing), beside the verdict. */
  overview?: ReactNode;
}) {
  const shell = useShell();
  const check = useStore(session.store, (s) => s.analysis.check);
  const saveState = useStore(session.store, (s) => s.saveState);
  const { report } = session;
  const conflicts = useStore(session.store, (s) => s.markers.length);
  const verdict = conflictedVerdict(verdictOf(check, report.profile), conflicts);
  const key = (action: Parameters<typeof shortcutLabel>[0]) => shortcutLabel(action, shell.platform);
  const templateInfo = [
    `${report.profile.generation} questions`,
    report.template && report.template.version !== 'unknown' ? `${report.template.version} template` : null,
    report.reportPyPath ? "your repo's report.py" : 'course checker',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <header className="topbar">
      <div className="topbar-file">
        <span className="repo-name" title={report.repoRoot}>
          {baseName(report.repoRoot)}
        </span>
        <span className="file-path" title={report.reportPath}>
          {report.relativePath}
        </span>
        <span className="template-info">{templateInfo}</span>
      </div>
      {overview}
      <div
        className={`verdict verdict--${verdict.tone}`}
        data-testid="checker-verdict"
        data-tone={verdict.tone}
        title={
          verdict.detail
            ? `report.py check: ${verdict.detail}`
            : 'What `python report.py check` says about this report now'
        }
      >
        {verdict.text}
      </div>
      <div
        className={`save-state save-state--${saveState}`}
        data-testid="save-state"
        data-state={saveState}
        role="status"
      >
        {SAVE_LABEL[saveState]}
      </div>
      <div className="topbar-actions">
        <GlobalUndoButton session={session} />
        <button type="button" onClick={() => shell.run('save')} title={`Save now (${key('save')})`}>
          Save
        </button>
        <button type="button" onClick={() => shell.run('open')} title={`Open another repo (${key('open')})`}>
          Open…
        </button>
        {actions && (
          <button
            type="button"
            onClick={() => actions.toggleReportPreview('github')}
            aria-pressed={actions.reportPreview === 'github'}
            className="preview-toggle"
            data-testid="report-preview-toggle"
            title="Show the whole report rendered as GitHub shows it, beside the form"
          >
            Preview
          </button>
        )}
        {actions && (
          <button
            type="button"
            onClick={() => actions.toggleReportPreview('graded')}
            aria-pressed={actions.reportPreview === 'graded'}
            className="preview-toggle"
            data-testid="graded-report-toggle"
            title={`Show the whole report as the graded page (python report.py html) shows it, beside the form; ${key('switch-rendering')} switches the answer you edit between GitHub and Graded`}
          >
            Graded
          </button>
        )}
        {actions && (
          <button
            type="button"
            onClick={actions.openRepair}
            data-testid="repair-button"
            title="Find where the file drifted from the template and repair it without changing your words"
          >
            Repair…
          </button>
        )}
        <button
          type="button"
          onClick={() => shell.run('export')}
          disabled={actions?.exporting}
          data-testid="export-button"
          title={`Export one self-contained HTML file: the graded page as report.html next to the report (${key('export')})`}
        >
          {actions?.exporting ? 'Exporting…' : 'Export'}
        </button>
        <ViewControls focusAvailable={!!actions} />
        <button
          type="button"
          className="icon-button"
          onClick={() => shell.run('help')}
          title={`Keyboard shortcuts (${key('help')})`}
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </header>
  );
});
