/**
 * The contract's channels bound to the services. Both hosts dispatch to these handlers, so the
 * renderer behaves the same in Electron and in the browser; only the host capabilities differ.
 */
import type { Channel, InitialState, RequestOf, ResponseOf } from '../api/contract';
import { isChannel, validateRequest, InvalidRequestError } from '../api/schemas';
import { resolve } from 'node:path';
import { createReportFromTemplate, CreateReportError } from './createReport';
import { exportReportHtml } from './exportHtml';
import { gitReportStatus } from './gitAwareness';
import { installMergeDriver } from './gitSetup';
import {
  carryOutFigureFix,
  deleteFigureIfUnused,
  restoreDeleted,
  downscaleFigure,
  figureFacts,
  figureThumbnail,
  importFigures,
  listFigures,
  renameFigure,
} from './figures';
import { listFolders } from './folderListing';
import type { RecentRepos } from './recentRepos';
import { ViewPrefsStore } from './viewPrefsStore';
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
  /** The merge driver's command for this installation (see gitSetup.ts); null when the app cannot name one. */
  mergeDriverCommand?(): string | null;
  readyToQuit(): void;
}

export type ApiHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export function createApiHandlers(
  workspace: ReportWorkspace,
  recent: RecentRepos,
  host: HostCapabilities,
  emit: EmitEvent = () => undefined,
): ApiHandlers {
  /** Figure operations act only next to the open report: requests name no report. */
  const openReport = (): string => {
    const open = workspace.openReportPath;
    if (!open) throw new Error('Figures can only be changed for the open report: open a report first');
    return open;
  };
  const viewPrefs = new ViewPrefsStore(recent.configDir);
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
    listFolders: async (request) => listFolders(request.path),
    createReport: async (request) => {
      // Only where the student was just told there is no report: a page cannot plant files elsewhere.
      const repoRoot = resolve(request.repoRoot);
      if (repoRoot !== workspace.noReportRoot) {
        return { kind: 'error', path: repoRoot, message: 'A report is only created in the folder just opened that has none; open it first.' };
      }
      try {
        const created = await createReportFromTemplate(repoRoot);
        return await workspace.openPath(created.reportPath);
      } catch (error) {
        if (error instanceof CreateReportError) return { kind: 'error', path: repoRoot, message: error.message };
        throw error;
      }
    },
    saveReport: async (request) => workspace.save(request),
    listRecent: async () => recent.list(),
    loadViewPrefs: async () => viewPrefs.load(),
    saveViewPrefs: async (request) => viewPrefs.save(request),
    openExternal: async (request) => host.openExternal(request.url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- dispatch() validated it first: http(s) URLs only
    exportHtml: async (request) => {
      const reportPath = workspace.openReportPath;
      const repoRoot = workspace.openRepoRoot;
      if (!reportPath || !repoRoot) {
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
        reportPath: openReport(),
        question: request.question,
        pasted: request.pasted,
        files: request.files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') })),
      }),
    listFigures: async () => listFigures({ reportPath: openReport() }),
    figureThumbnail: async (request) => figureThumbnail({ ...request, reportPath: openReport() }),
    renameFigure: async (request) => renameFigure({ ...request, reportPath: openReport() }),
    deleteFigure: async (request) => deleteFigureIfUnused({ ...request, reportPath: openReport() }),
    restoreFigure: async (request) => {
      openReport(); // like every figure call: refused while no report is open
      return restoreDeleted(request.token);
    },
    downscaleFigure: async (request) => downscaleFigure({ ...request, reportPath: openReport() }),
    figureFacts: async (request) => figureFacts(openReport(), request),
    applyFigureFix: async (request) => carryOutFigureFix(openReport(), request.fix),
    gitStatus: async () => gitReportStatus(openReport()),
    gitSetup: async () => {
      const command = host.mergeDriverCommand?.() ?? null;
      if (!command) return { ok: false, message: 'Run "report-editor git-setup" in a terminal in your repository: this app cannot name its own merge driver command.' };
      try {
        const result = await installMergeDriver(openReport(), command);
        if (!result.ok) return { ok: false, message: result.message };
        const force = result.ignored ? ' (your .gitignore ignores it: git add -f .gitattributes)' : '';
        const commit = result.toCommit ? ` Commit .gitattributes${force} so the whole group merges the report this way.` : '';
        return { ok: true, toCommit: result.toCommit, message: `Git now merges ${result.path} answer by answer in this clone.${commit}` };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    readyToQuit: async () => host.readyToQuit(),
  };
}

/** Validates the channel name and the request against its schema, then runs its handler. */
export async function dispatch(handlers: ApiHandlers, channel: string, request: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new InvalidRequestError(channel, 'unknown channel');
  const valid = validateRequest(channel, request) as never;
  return (handlers[channel] as (request: never) => Promise<unknown>)(valid);
}
