/** What every screen needs from the app shell: the host's API and facts, and the shared actions. */
import { createContext, useContext } from 'react';
import type { InitialState, RecentRepo, ReportApi } from '../../api/contract';
import type { AppAction } from '../model/shortcuts';

export interface AppShell {
  readonly api: ReportApi;
  readonly host: InitialState['host'];
  readonly platform: string;
  readonly version: string;
  readonly recent: readonly RecentRepo[];
  /** Opens a repo root, a reports/ folder or a markdown file. */
  openPath(path: string): Promise<void>;
  /** Creates reports/README.md from the newest template in a folder that has no report, and opens it. */
  createReport(repoRoot: string): Promise<void>;
  /** The native folder picker, or the path dialog where there is none (browser host). */
  pickAndOpen(): Promise<void>;
  run(action: AppAction): void;
  showNotice(text: string): void;
}

export const AppShellContext = createContext<AppShell | null>(null);

export function useShell(): AppShell {
  const shell = useContext(AppShellContext);
  if (!shell) throw new Error('useShell outside AppShellContext');
  return shell;
}
