/**
 * The contract's channels bound to the services. Both hosts dispatch to these handlers, so the
 * renderer behaves the same in Electron and in the browser; only the host capabilities differ.
 */
import type { Channel, InitialState, RequestOf, ResponseOf } from '../../api/contract';
import { isChannel, validateRequest, InvalidRequestError } from '../../api/schemas';
import { resolve } from 'node:path';
import type { FigureFix } from '../../core/figureLinks';
import { exportReportHtml } from './exportHtml';
import {
  applyFigureFix,
  deleteFigureIfUnused,
  downscaleFigure,
  figureHygiene,
  figureThumbnail,
  importFigures,
  listFigures,
  renameFigure,
} from './figures';
import type { RecentRepos } from './recentRepos';
import type { EmitEvent, ReportWorkspace } from './reportWorkspace';
import { resolveInside } from './safePath';

/** What only the host can do (native dialogs, the system browser, quitting). */
export interface HostCapabilities {
  readonly host: InitialState['host'];
  readonly version: string;
  readonly initialPath: string | null;
  pickFolder(): Promise<string | null>;
  pickReportFile(repoRoot: string): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  /** Shows an exported HTML file (Electron: system browser, null) or gives a URL for it (browser). */
  showExport(outputPath: string): Promise<{ url: string | null }>;
  readyToQuit(): void;
}

export type ApiHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export function createApiHandlers(
  workspace: ReportWorkspace,
  recent: RecentRepos,
  host: HostCapabilities,
  emit: EmitEvent = () => undefined,
): ApiHandlers {
  /** Figure operations act only next to the open report, never next to a path the page names. */
  const openReport = (reportPath: string): string => {
    const open = workspace.openReportPath;
    if (!open || resolve(reportPath) !== open) throw new Error('Figures can only be changed for the open report');
    return open;
  };
  return {
    getInitialState: async () => ({
      host: host.host,
      platform: process.platform,
      initialPath: host.initialPath,
      recent: await recent.list(),
      version: host.version,
    }),
    openPath: async (request) => workspace.openPath(request.path),
    pickFolder: async () => host.pickFolder(),
    pickReportFile: async (request) => host.pickReportFile(request.repoRoot),
    saveReport: async (request) => workspace.save(request),
    listRecent: async () => recent.list(),
    openExternal: async (request) => host.openExternal(request.url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- dispatch() validated it first: http(s) URLs only
    exportHtml: async (request) => {
      const reportPath = workspace.openReportPath;
      const repoRoot = workspace.openRepoRoot;
      if (!reportPath || !repoRoot || resolve(request.reportPath) !== reportPath) {
        return { kind: 'error', message: 'Only the open report can be exported; open it first.' };
      }
      try {
        const outputPath = request.outputPath ? await resolveInside(repoRoot, request.outputPath) : undefined;
        const result = await exportReportHtml({
          reportPath,
          text: request.text,
          outputPath,
          rendering: request.rendering,
          onProgress: (done, total) => emit('exportProgress', { done, total }),
        });
        workspace.exports.remember(result.outputPath, result.sha256);
        return {
          kind: 'exported',
          outputPath: result.outputPath,
          rendering: result.rendering,
          missingImages: result.missingImages,
          imageCount: result.imageCount,
          bytes: result.bytes,
        };
      } catch (error) {
        return { kind: 'error', message: `Export failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    // Both hosts show only a file this session exported, still exactly as written.
    openExport: async (request) => host.showExport(await workspace.exports.assertOpenable(request.outputPath)),
    importFigures: async (request) =>
      importFigures({
        reportPath: openReport(request.reportPath),
        question: request.question,
        pasted: request.pasted,
        files: request.files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') })),
      }),
    listFigures: async (request) => listFigures({ ...request, reportPath: openReport(request.reportPath) }),
    figureThumbnail: async (request) => figureThumbnail({ ...request, reportPath: openReport(request.reportPath) }),
    renameFigure: async (request) => renameFigure({ ...request, reportPath: openReport(request.reportPath) }),
    deleteFigure: async (request) => deleteFigureIfUnused({ ...request, reportPath: openReport(request.reportPath) }),
    downscaleFigure: async (request) => downscaleFigure({ ...request, reportPath: openReport(request.reportPath) }),
    figureHygiene: async (request) => figureHygiene({ ...request, reportPath: openReport(request.reportPath) }),
    applyFigureFix: async (request) =>
      applyFigureFix({ reportPath: openReport(request.reportPath), text: request.text, fix: request.fix as FigureFix }),
    readyToQuit: async () => host.readyToQuit(),
  };
}

/** Validates the channel name and the request against its schema, then runs its handler. */
export async function dispatch(handlers: ApiHandlers, channel: string, request: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new InvalidRequestError(channel, 'unknown channel');
  const valid = validateRequest(channel, request) as never;
  return (handlers[channel] as (request: never) => Promise<unknown>)(valid);
}
