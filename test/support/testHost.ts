/**
 * The real services behind the API handlers, for tests: a workspace (not watching) and a recent
 * list in a temp folder, with a browser-like host that has no native dialogs.
 */
import type { EmitEvent } from '../../src/services/reportWorkspace';
import { createApiHandlers, type HostCapabilities } from '../../src/services/apiHandlers';
import { RecentRepos } from '../../src/services/recentRepos';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { tempRepo } from './cli';

export function testHandlers(options: { host?: Partial<HostCapabilities>; emit?: EmitEvent } = {}) {
  const recent = new RecentRepos(tempRepo({}));
  const workspace = new ReportWorkspace(() => undefined, recent, { watch: false });
  const host: HostCapabilities = {
    host: 'browser',
    version: 'test',
    initialPath: null,
    pickFolder: async () => null,
    pickReportFile: async () => null,
    openExternal: async () => undefined,
    showExport: async () => ({ url: null }),
    readyToQuit: () => undefined,
    ...options.host,
  };
  return { handlers: createApiHandlers(workspace, recent, host, options.emit), workspace, recent };
}
