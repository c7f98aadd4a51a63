import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../../services/apiHandlers';
import { driverCommand } from '../../services/gitSetup';
import { EXPORT_CSP } from '../../services/exportHtml';
import { resolveFigureRequest } from '../../services/figureServing';
import { locateReport } from '../../services/locateReport';
import { defaultConfigDir, RecentRepos } from '../../services/recentRepos';
import { ReportWorkspace, type EmitEvent } from '../../services/reportWorkspace';
import { figureImporter } from '../http/figureImporter';
import { defaultRendererDir, startBrowserHost, type BrowserHost, type ExtraRoute } from '../http/browserHost';
import type { CommandRun } from './cliIo';

/** A port free right now on 127.0.0.1, to suggest instead of a taken one. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

export const runServeCommand: CommandRun = async (args, io) => {
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
    const emit: EmitEvent = (event, payload) => host?.emit(event, payload);
    const recent = new RecentRepos(defaultConfigDir());
    const workspace = new ReportWorkspace(emit, recent);
    /** Exported files the page may open, by a random id (never by path). */
    const exportsById = new Map<string, string>();

    const figureRoute: ExtraRoute = async ({ url, response }) => {
      if (!url.pathname.startsWith('/report-files/')) return false;
      const reportPath = workspace.openReportPath;
      const figure = reportPath
        ? await resolveFigureRequest(dirname(reportPath), url.pathname.slice('/report-files/'.length))
        : ({ kind: 'refused', status: 404, message: 'No report is open' } as const);
      if (figure.kind === 'refused') {
        response.writeHead(figure.status, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(figure.message);
      } else {
        response.writeHead(200, figure.headers);
        response.end(await readFile(figure.path));
      }
      return true;
    };
    const exportRoute: ExtraRoute = async ({ url, response }) => {
      const match = /^\/exported\/([0-9a-f]{16})\/[^/]+$/.exec(url.pathname);
      if (!match) return false;
      const path = exportsById.get(match[1]);
      if (!path) return false;
      // Still the file this session exported (not replaced by a link or other bytes since)?
      const openable = await workspace.exports.assertOpenable(path).then(
        () => true,
        () => false,
      );
      if (!openable) return false;
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': EXPORT_CSP,
        'x-content-type-options': 'nosniff',
        // The page's URL holds the host's token: a link followed from the report must not carry it.
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      response.end(await readFile(path));
      return true;
    };

    const handlers = createApiHandlers(workspace, recent, {
      host: 'browser',
      version: __APP_VERSION__,
      initialPath,
      pickFolder: async () => null,
      pickReportFile: async () => null,
      // The same command `report-editor git-setup` writes: this Node and this CLI.
      mergeDriverCommand: () => driverCommand(io.entry),
      openExternal: async () => undefined,
      showExport: async (outputPath) => {
        const id = randomBytes(8).toString('hex');
        exportsById.set(id, outputPath);
        // Relative: the page resolves it below its own /t/<token>/ path.
        return { url: `exported/${id}/report.html` };
      },
      readyToQuit: () => undefined,
    }, emit);
    try {
      host = await startBrowserHost({
        handlers,
        rendererDir: defaultRendererDir(),
        port,
        routes: [figureRoute, exportRoute],
        importFigure: figureImporter(workspace),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
      await workspace.close();
      const free = await freePort();
      const why = code === 'EADDRINUSE' ? 'is in use' : 'needs administrator rights';
      io.err(`report-editor serve: port ${port} ${why}; try --port ${free} or omit --port`);
      return 2;
    }
    io.out(`MLOps Report Editor is running at ${host.url}`);
    io.out('Open that link in your browser (it carries a private token). Press Ctrl+C to stop.');
    const stop = () => {
      void Promise.all([host?.close(), workspace.close()]).finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
};
