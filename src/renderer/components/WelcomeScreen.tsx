/** No report yet: open a folder (picker and drop in Electron, a typed path with completion in the browser) or a recent repo. */
import { useState } from 'react';
import { useShell } from '../shell/appContext';
import { shortcutLabel } from '../model/shortcuts';
import { PathForm } from './PathForm';
import { RecentList } from './RecentList';

export function WelcomeScreen({ busy }: { busy: boolean }) {
  const shell = useShell();
  // The browser host has no folder picker: offer the path field straight away.
  const [showPath, setShowPath] = useState(shell.host === 'browser');

  const openFolder = async () => {
    let picked: string | null = null;
    try {
      picked = await shell.api.invoke('pickFolder', {});
    } catch {
      picked = null;
    }
    if (picked) await shell.openPath(picked);
    else if (shell.host !== 'electron') {
      setShowPath(true);
      // No native picker here (browser host): the path field is the way to open.
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="path-input"]')?.focus());
    }
  };

  return (
    <main className="center-screen" data-testid="welcome" aria-busy={busy}>
      <div className="panel welcome">
        <h1>MLOps Report Editor</h1>
        <p className="lede">
          Write your 02476 exam report question by question, with the course checker&rsquo;s word and image verdicts as
          you type. The report stays an ordinary <code>reports/README.md</code>.
        </p>
        <div className="welcome-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void openFolder()}
            title={`Open a repo folder (${shortcutLabel('open', shell.platform)})`}
          >
            Open folder…
          </button>
          {/* A browser never tells a page where a dropped folder is: offered only where it works. */}
          {shell.host === 'electron' && <span className="muted">or drop your project folder on this window</span>}
        </div>
        {showPath && <PathForm autoFocus={shell.host !== 'browser'} />}
        <section className="welcome-recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent</h2>
          <RecentList recent={shell.recent} />
        </section>
        <p className="muted small">
          Version {shell.version} · {shortcutLabel('help', shell.platform)} shows the keyboard shortcuts
        </p>
      </div>
    </main>
  );
}
