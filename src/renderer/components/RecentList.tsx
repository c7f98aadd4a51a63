/** Recently opened repos (kept by the host between runs). */
import type { RecentRepo } from '../../api/contract';
import { useShell } from '../shell/appContext';
import { baseName, relativeTo } from '../model/paths';

export function RecentList({ recent }: { recent: readonly RecentRepo[] }) {
  const shell = useShell();
  if (recent.length === 0) return <p className="muted">Repos you open will be listed here.</p>;
  return (
    <ul className="recent-list" data-testid="recent-list">
      {recent.map((entry) => (
        <li key={entry.reportPath}>
          <button
            type="button"
            className="recent-entry"
            title={entry.reportPath}
            onClick={() => void shell.openPath(entry.reportPath)}
          >
            <span className="recent-name">{baseName(entry.repoRoot)}</span>
            <span className="recent-path">
              {entry.repoRoot} · {relativeTo(entry.repoRoot, entry.reportPath)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
