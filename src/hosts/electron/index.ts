/**
 * Electron main process: one secure window, the contract's channels bound to the services over IPC,
 * native dialogs, the menu, and a quit that waits for the renderer to flush unsaved edits.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FIGURE_SCHEME, ipcChannel, type ApiEvents, type EventName } from '../../api/contract';
import { CHANNELS } from '../../api/schemas';
import { exportToShow } from './exportToShow';
import { launchDirectory, pathFromArgv, secondLaunchDirectory, type SecondLaunchData } from './launchPath';
import { createMainWindow, pageIsUp, sendToPage } from './mainWindow';
import { buildMenu } from './menu';
import { QuitHandshake } from './quitHandshake';
import { denyAllPermissions, guardAllWebContents } from './security';
import { createApiHandlers, dispatch } from '../../services/apiHandlers';
import { electronDriverCommand } from '../../services/gitSetup';
import { contentTypeOf, RENDERER_CSP } from '../../services/contentTypes';
import { resolveFigureRequest } from '../../services/figureServing';
import { resolveInside } from '../../services/safePath';
import { RecentRepos } from '../../services/recentRepos';
import { ReportWorkspace } from '../../services/reportWorkspace';

const APP_NAME = 'MLOps Report Editor';

// Every renderer is sandboxed, whatever a later window forgets to say.
app.enableSandbox();
app.setName(APP_NAME);
// No <webview>, new window or navigation, and no permission, for any web contents that ever appears.
guardAllWebContents();
// Figures reach the page only through this scheme, which serves images inside the report's folder.
// The page itself is served from app://bundle/ rather than file:// (Electron's security checklist:
// a custom protocol), so it can read only the built renderer, never arbitrary local files.
const APP_SCHEME = 'app';
const APP_ORIGIN = `${APP_SCHEME}://bundle`;
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: FIGURE_SCHEME, privileges: { standard: true, secure: true } },
]);

let mainWindow: BrowserWindow | null = null;
const quit = new QuitHandshake(
  () => mainWindow,
  () => emit('beforeQuit', {}),
  pageIsUp,
);

/** The folder this launch's relative path is relative to (where `npm start` was typed). */
const startDirectory = launchDirectory();

function emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
  // At quit the window can be gone while the file watcher still reports: drop the event.
  sendToPage(mainWindow, ipcChannel(event), payload);
}

/**
 * The built renderer, and the app's page; IPC is answered for this exact page only. Bundled, this
 * file is out/main/index.js and the page is out/renderer; run from source (the unit tests), it is
 * src/hosts/electron/index.ts and the page is src/renderer.
 */
const RENDERER_DIR = [join(import.meta.dirname, '../renderer'), join(import.meta.dirname, '../../renderer')].find(
  (dir) => existsSync(join(dir, 'index.html')),
) ?? join(import.meta.dirname, '../renderer');
const RENDERER_URL = `${APP_ORIGIN}/index.html`;

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = (event.senderFrame?.url ?? '').replace(/[?#].*$/s, '');
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  return url === RENDERER_URL || (!app.isPackaged && !!devServerUrl && url.startsWith(devServerUrl));
}

function openMainWindow(): BrowserWindow {
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  const window = createMainWindow({
    title: APP_NAME,
    url: !app.isPackaged && devServerUrl ? devServerUrl : RENDERER_URL,
    onCloseRequested: (event) => {
      if (quit.isConfirmed) return;
      event.preventDefault();
      quit.request();
    },
    onGiveUp: () => quit.confirm(),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

// A second launch hands its folder over, so `npm start -- other/repo` typed elsewhere opens that.
const gotLock = app.requestSingleInstanceLock({ workingDirectory: startDirectory } satisfies SecondLaunchData);
if (!gotLock) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    const recent = new RecentRepos(app.getPath('userData'));
    const workspace = new ReportWorkspace(emit, recent);
    const handlers = createApiHandlers(workspace, recent, {
      host: 'electron',
      version: app.getVersion(),
      initialPath: pathFromArgv(process.argv, startDirectory, app.isPackaged),
      async pickFolder() {
        const result = await dialog.showOpenDialog(mainWindow!, { title: 'Open a repo', properties: ['openDirectory'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async pickReportFile(repoRoot) {
        const result = await dialog.showOpenDialog(mainWindow!, {
          title: 'Choose the report',
          defaultPath: repoRoot,
          properties: ['openFile'],
          filters: [{ name: 'Markdown', extensions: ['md', 'markdown'] }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async openExternal(url) {
        await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- url passed the openExternal schema (http/https only, src/api/schemas.ts)
      },
      async showExport(outputPath) {
        // The system opens a path with whatever program it associates: only our own .html export.
        const path = await exportToShow(workspace.openRepoRoot, outputPath);
        const failure = await shell.openPath(path);
        if (failure) throw new Error(`Could not open ${outputPath}: ${failure}`);
        return { url: null };
      },
      mergeDriverCommand: () => electronDriverCommand(app.getAppPath()),
      readyToQuit: () => quit.confirm(),
    }, emit);

    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      // Node's URL gives custom schemes an opaque origin, so compare the host itself.
      if (url.host !== 'bundle') return new Response('Not found', { status: 404 });
      try {
        const path = await resolveInside(RENDERER_DIR, decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html');
        return new Response(await readFile(path), {
          headers: { 'content-type': contentTypeOf(path), 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    protocol.handle(FIGURE_SCHEME, async (request) => {
      const reportPath = workspace.openReportPath;
      if (!reportPath) return new Response('No report is open', { status: 404 });
      const figure = await resolveFigureRequest(dirname(reportPath), new URL(request.url).pathname);
      if (figure.kind === 'refused') return new Response(figure.message, { status: figure.status });
      return new Response(await readFile(figure.path), { headers: figure.headers });
    });

    for (const channel of CHANNELS) {
      ipcMain.handle(ipcChannel(channel), async (event, request: unknown) => {
        if (!fromOurPage(event)) throw new Error('Refused: the request did not come from the app page');
        return dispatch(handlers, channel, request);
      });
    }

    denyAllPermissions(session.defaultSession);
    Menu.setApplicationMenu(buildMenu((command) => emit('menuCommand', { command }), () => mainWindow));
    mainWindow = openMainWindow();

    app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
      if (!mainWindow || mainWindow.isDestroyed()) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      // Relative to where the second launch was typed, not to where this instance started.
      const path = pathFromArgv(argv, secondLaunchDirectory(additionalData, workingDirectory), app.isPackaged);
      if (path) emit('openRequested', { path });
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
    });
    app.on('before-quit', (event) => {
      if (quit.isConfirmed) return;
      event.preventDefault();
      quit.request();
    });
    app.on('will-quit', () => {
      void workspace.close();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
