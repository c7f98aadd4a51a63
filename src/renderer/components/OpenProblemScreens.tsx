/**
 * What opening a folder can end in besides the form: a choice, no report, or an unusable file.
 * With nothing open it is the whole screen; over an open report it is a dialog whose default is
 * going back to that report, which stays open (a failed open never costs the report you had).
 */
import { useState, type ReactNode } from 'react';
import type { OpenResult } from '../../api/contract';
import { useShell } from '../shell/appContext';
import { noReportText } from '../model/noReportText';
import { relativeTo } from '../model/paths';
import { Modal } from '../layout/Modal';
import { PathForm } from './PathForm';

export type OpenProblem = Exclude<OpenResult, { kind: 'opened' }>;

const TITLES: Record<OpenProblem['kind'], string> = {
  choose: 'Which file is your report?',
  'no-report': 'No report in this folder',
  error: 'This report cannot be opened',
};

function OtherFolderButton() {
  const shell = useShell();
  return (
    <button type="button" onClick={() => void shell.pickAndOpen()}>
      Open another folder…
    </button>
  );
}

function ReportChooser({ repoRoot, candidates }: { repoRoot: string; candidates: readonly string[] }) {
  const shell = useShell();
  return (
    <div data-testid="report-chooser">
      <p>
        Several markdown files in <code>{repoRoot}</code> hold the 02476 exam template. Choose the one you hand in
        (normally <code>reports/README.md</code>).
      </p>
      <ul className="choice-list">
        {candidates.map((candidate) => (
          <li key={candidate}>
            <button type="button" data-testid="report-candidate" onClick={() => void shell.openPath(candidate)}>
              {relativeTo(repoRoot, candidate)}
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <OtherFolderButton />
      </div>
    </div>
  );
}

function NoReport({ repoRoot, message, over }: { repoRoot: string; message: string; over: boolean }) {
  const shell = useShell();
  const [typePath, setTypePath] = useState(false);
  const [creating, setCreating] = useState(false);
  // The host's own wording when it says more than the explanation below (an empty
  // reports/README.md), and its notes (inside a git repo, a search cut short).
  const { reason: extra, notes, insideRepo } = noReportText(message);
  const pickFile = async () => {
    let picked: string | null = null;
    try {
      picked = await shell.api.invoke('pickReportFile', { repoRoot });
    } catch {
      picked = null;
    }
    if (picked) await shell.openPath(picked);
    // Null from Electron is a cancelled picker; the browser host has none and needs the path typed.
    else if (shell.host !== 'electron') setTypePath(true);
  };
  const create = async () => {
    setCreating(true);
    try {
      await shell.createReport(repoRoot);
    } finally {
      setCreating(false);
    }
  };
  return (
    <div data-testid="no-report">
      <p>
        None of the markdown files in <code>{repoRoot}</code> holds the 02476 exam template (the one with{' '}
        <code>### Question 1</code> … <code>Answer:</code>). The app looks in <code>reports/README.md</code>, then in
        other markdown files up to four folders down (not in <code>data/</code>, <code>node_modules/</code> or
        virtualenvs).
      </p>
      {extra && (
        <p className="message" data-testid="no-report-reason">
          {extra}
        </p>
      )}
      {notes.map((note) => (
        <p className="message" data-testid="no-report-note" key={note}>
          {note}
        </p>
      ))}
      {extra === null && !insideRepo && (
        <p>
          Starting the report? The app can create <code>reports/README.md</code> from the course&rsquo;s newest
          template, with a <code>figures/</code> folder beside it for your images. Nothing that exists is changed.
        </p>
      )}
      <div className="button-row">
        {extra === null && !insideRepo && (
          <button
            type="button"
            // Over an open report, going back to it is the highlighted choice.
            className={over ? undefined : 'primary'}
            data-testid="create-report"
            disabled={creating}
            onClick={() => void create()}
          >
            Create reports/README.md
          </button>
        )}
        <button type="button" onClick={() => void pickFile()}>
          Choose the report file…
        </button>
        <OtherFolderButton />
      </div>
      {typePath && (
        <PathForm
          initial={`${repoRoot}${repoRoot.includes('\\') ? '\\' : '/'}`}
          autoFocus
          label="Path of the report's markdown file"
        />
      )}
    </div>
  );
}

function OpenError({ path, message }: { path: string; message: string }) {
  return (
    <div data-testid="open-error">
      <p className="message" role="alert">
        {message}
      </p>
      <p className="muted">
        File: <code>{path}</code>
      </p>
      <p>Nothing was changed on disk. Fix the file in another editor, or open another folder.</p>
      <div className="button-row">
        <OtherFolderButton />
      </div>
    </div>
  );
}

function ProblemBody({ problem, over = false }: { problem: OpenProblem; over?: boolean }): ReactNode {
  switch (problem.kind) {
    case 'choose':
      return <ReportChooser repoRoot={problem.repoRoot} candidates={problem.candidates} />;
    case 'no-report':
      return <NoReport repoRoot={problem.repoRoot} message={problem.message} over={over} />;
    case 'error':
      return <OpenError path={problem.path} message={problem.message} />;
  }
}

/** Nothing is open: the problem is the screen. */
export function OpenProblemScreen({ problem }: { problem: OpenProblem }) {
  return (
    <main className="center-screen">
      <div className="panel">
        <h1>{TITLES[problem.kind]}</h1>
        <ProblemBody problem={problem} />
      </div>
    </main>
  );
}

/** A report is open: the problem is a dialog over it; closing it goes back to that report. */
export function OpenProblemDialog({
  problem,
  report,
  onBack,
}: {
  problem: OpenProblem;
  report: string;
  onBack: () => void;
}) {
  return (
    <Modal title={TITLES[problem.kind]} testId="open-problem-dialog" onClose={onBack} className="modal--wide">
      <ProblemBody problem={problem} over />
      <div className="button-row end">
        <button type="button" className="primary" data-testid="back-to-report" onClick={onBack} data-autofocus>
          Back to {report}
        </button>
      </div>
    </Modal>
  );
}
