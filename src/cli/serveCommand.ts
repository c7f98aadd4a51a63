import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../main/services/apiHandlers';
import { locateReport } from '../main/services/locateReport';
import { defaultConfigDir, RecentRepos } from '../main/services/recentRepos';
import { ReportWorkspace } from '../main/services/reportWorkspace';
import { defaultRendererDir, startBrowserHost, type BrowserHost } from '../server/browserHost';
import type { CliCommand } from './commands';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [PATH] [--port N]',
  summary: 'the app in your browser, on 127.0.0.1 with a private link (remote boxes, WSL)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { port: { type: 'string', default: '0' } },
      allowPositionals: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`report-editor serve: --port must be a number from 0 to 65535 (0 picks a free port), not "${values.port}"`);
      return 2;
    }
    // An explicit PATH is always opened (the UI explains when it holds no report); without one,
    // the current folder is opened only when it holds a report, otherwise the welcome screen shows.
    let initialPath: string | null = positionals[0] ? resolve(io.cwd, positionals[0]) : null;
    if (!initialPath) {
      initialPath = await locateReport(io.cwd).then(
        () => io.cwd,
        () => null,
      );
    }
    let host: BrowserHost | null = null;
    const recent = new RecentRepos(defaultConfigDir());
    const workspace = new ReportWorkspace((event, payload) => host?.emit(event, payload), recent);
    const handlers = createApiHandlers(workspace, recent, {
      host: 'browser',
      version: __APP_VERSION__,
      initialPath,
      pickFolder: async () => null,
      pickReportFile: async () => null,
      openExternal: async () => undefined,
      readyToQuit: () => undefined,
    });
    host = await startBrowserHost({ handlers, rendererDir: defaultRendererDir(), port });
    io.out(`MLOps Report Editor is running at ${host.url}`);
    io.out('Open that link in your browser (it carries a private token). Press Ctrl+C to stop.');
    const stop = () => {
      void Promise.all([host?.close(), workspace.close()]).finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  },
};
