/**
 * What git says about the open report, in a line above the form: uncommitted changes, behind the
 * upstream as last fetched ("pull before writing"), and — once per repository, dismissible — the
 * offer to set up the merge driver. Nothing at all where there is no git or no repository.
 */
import { memo, useState } from 'react';
import { useShell } from '../shell/appContext';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import type { GitAwareness } from './gitAwareness';
import './git.css';

const dismissKey = (repoRoot: string) => `report-editor:merge-driver-dismissed:${repoRoot}`;

function wasDismissed(repoRoot: string): boolean {
  try {
    return window.localStorage.getItem(dismissKey(repoRoot)) === '1';
  } catch {
    return false;
  }
}

export const GitBanners = memo(function GitBanners({ session, git }: { session: ReportSession; git: GitAwareness }) {
  const status = useStore(git.store, (s) => s.status);
  const shell = useShell();
  const repoRoot = session.report.repoRoot;
  const [dismissed, setDismissed] = useState(() => wasDismissed(repoRoot));
  const [settingUp, setSettingUp] = useState(false);
  if (!status) return null;

  const notes: string[] = [];
  if (status.behind !== null && status.behind > 0) {
    notes.push(`behind ${status.upstream ?? 'its upstream'} by ${status.behind}: pull before writing`);
  }
  if (status.uncommitted) notes.push('uncommitted changes');
  const dismiss = () => {
    setDismissed(true);
    try {
      window.localStorage.setItem(dismissKey(repoRoot), '1');
    } catch {
      // Private mode: dismissed for this session only.
    }
  };
  const setUp = async () => {
    setSettingUp(true);
    try {
      const outcome = await shell.api.invoke('gitSetup', {});
      shell.showNotice(outcome.message);
    } catch (error) {
      shell.showNotice(`The merge driver could not be set up: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSettingUp(false);
      await git.refresh();
    }
  };

  return (
    <>
      {notes.length > 0 && (
        <p
          className={`git-status${status.behind ? ' git-status--behind' : ''}`}
          data-testid="git-status"
          role="status"
          title={`git, branch ${status.branch ?? '(detached)'}; as last fetched, never fetched by the app`}
        >
          <span className="git-status__label">git:</span> {notes.join(' · ')}
        </p>
      )}
      {!status.mergeDriver && !dismissed && (
        <div className="banner banner--info" data-testid="merge-driver-banner">
          <span>
            <strong>Set up the merge driver so group edits merge per question.</strong> Without it, a{' '}
            <code>git pull</code> of two groupmates&rsquo; edits to nearby answers stops with conflict markers.
          </span>
          <button type="button" onClick={() => void setUp()} disabled={settingUp}>
            {settingUp ? 'Setting up…' : 'Set up'}
          </button>
          <button type="button" className="link-button" onClick={dismiss} aria-label="Dismiss: do not offer this again for this repository">
            Not now
          </button>
        </div>
      )}
    </>
  );
});
