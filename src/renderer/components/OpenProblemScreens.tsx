/** What opening a folder can end in besides the form: a choice, no report, or an unusable file. */
import { useState } from 'react';
import { useShell } from '../appContext';
import { relativeTo } from '../model/paths';
import { PathForm } from './PathForm';

function OtherFolderButton() {
  const shell = useShell();
  return (
    <button type="button" onClick={() => void shell.pickAndOpen()}>
      Open another folder…
    </button>
  );
}

export function ReportChooser({ repoRoot, candidates }: { repoRoot: string; candidates: readonly string[] }) {
  const shell = useShell();
  return (
    <main className="center-screen" data-testid="report-chooser">
      <div className="panel">
        <h1>Which file is your report?</h1>
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
    </main>
  );
}

export function NoReportScreen({ repoRoot, message }: { repoRoot: string; message: string }) {
  const shell = useShell();
  const [typePath, setTypePath] = useState(false);
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
  return (
    <main className="center-screen" data-testid="no-report">
      <div className="panel">
        <h1>No report in this folder</h1>
        <p>
          The app looks for <code>reports/README.md</code>, or another markdown file up to four folders down
          (<code>MyProject/reports/README.md</code>, <code>report/README.md</code>…, not in <code>data/</code>,{' '}
          <code>node_modules/</code> or virtualenvs) that holds the 02476 exam template (the one with{' '}
          <code>### Question 1</code> … <code>Answer:</code>). None was found in <code>{repoRoot}</code>.
        </p>
        <p className="message muted">{message}</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void pickFile()}>
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
    </main>
  );
}

export function OpenErrorScreen({ path, message }: { path: string; message: string }) {
  return (
    <main className="center-screen" data-testid="open-error">
      <div className="panel">
        <h1>This report cannot be opened</h1>
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
    </main>
  );
}
