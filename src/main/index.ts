/**
 * Electron main process: one secure window, the contract's channels bound to the services over IPC,
 * native dialogs, the menu, and a quit that waits for the renderer to flush unsaved edits.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CHANNELS, FIGURE_SCHEME, ipcChannel, type ApiEvents, type EventName } from '../api/contract';
import { createApiHandlers, dispatch } from './services/apiHandlers';
import { contentTypeOf, RENDERER_CSP } from './services/contentTypes';
import { resolveFigureRequest } from './services/figureServing';
import { resolveInside } from './services/safePath';
import { RecentRepos } from './services/recentRepos';
import { ReportWorkspace } from './services/reportWorkspace';
import { buildMenu } from './menu';

const APP_NAME = 'MLOps Report Editor';
/** How long a quit waits for the renderer to save before giving up on it. */
const QUIT_FLUSH_TIMEOUT_MS = 5000;

// Every renderer is sandboxed, whatever a later window forgets to say.
app.enableSandbox();
app.setName(APP_NAME);
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
let quitConfirmed = false;

/** `npm start -- <path>` (electron . <path>) or the packaged app's argument. */
function pathFromArgv(argv: readonly string[]): string | null {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a !== '.');
  const candidate = args[args.length - 1];
  return candidate && existsSync(resolve(candidate)) ? resolve(candidate) : null;
}

function emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
  mainWindow?.webContents.send(ipcChannel(event), payload);
}

/** Only our own page may call the API (never a page the window was somehow navigated to). */
/** The built renderer, and the app's page; IPC is answered for this exact page only. */
const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const RENDERER_URL = `${APP_ORIGIN}/index.html`;

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = (event.senderFrame?.url ?? '').replace(/[?#].*$/s, '');
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  return url === RENDERER_URL || (!app.isPackaged && !!devServerUrl && url.startsWith(devServerUrl));
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK -- a middle-click opens nothing: the window-open handler below denies every new window and will-navigate blocks navigation
    title: APP_NAME,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 500,
    show: false,
    icon: join(import.meta.dirname, '../../assets/icon.png'),
    webPreferences: {
      // Built by electron-vite as CommonJS (a sandboxed preload cannot be an ES module).
      preload: join(import.meta.dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK -- reviewed: it exposes only invoke/on for the contract's allow-listed channels; main validates every request
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    },
  });

  window.once('ready-to-show', () => window.show());

  // The app never opens other windows or navigates away; web links go to the system browser.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) URLs, tested on this line
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== window.webContents.getURL()) {
      event.preventDefault();
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) URLs, tested on this line
    }
  });
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  window.on('close', (event) => {
    if (quitConfirmed) return;
    event.preventDefault();
    requestQuit();
  });

  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  if (!app.isPackaged && devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(RENDERER_URL);
  return window;
}

let quitTimer: NodeJS.Timeout | null = null;

/** Asks the renderer to flush its edits; quits when it answers `readyToQuit` (or after a timeout). */
function requestQuit(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    quitConfirmed = true;
    app.quit();
    return;
  }
  emit('beforeQuit', {});
  quitTimer ??= setTimeout(() => void askBeforeDroppingEdits(), QUIT_FLUSH_TIMEOUT_MS);
}

/**
 * The renderer did not confirm its edits are saved (a failed save, a hung page). Quitting now
 * could drop the last keystrokes, so the student decides — never silently.
 */
async function askBeforeDroppingEdits(): Promise<void> {
  quitTimer = null;
  if (!mainWindow || mainWindow.isDestroyed()) return confirmQuit();
  const { response } = await dialog.showMessageBox(mainWindow, {
    type: 'warning',
    buttons: ['Keep the app open', 'Quit without saving'],
    defaultId: 0,
    cancelId: 0,
    message: 'Your latest edits could not be saved.',
    detail: 'The app is still open with your text. Keep it open to save again (Ctrl/⌘+S), or quit and lose the unsaved edits.',
  });
  if (response === 1) confirmQuit();
}

function confirmQuit(): void {
  if (quitTimer) clearTimeout(quitTimer);
  quitConfirmed = true;
  app.quit();
}

const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    const recent = new RecentRepos(app.getPath('userData'));
    const workspace = new ReportWorkspace(emit, recent);
    const handlers = createApiHandlers(workspace, recent, {
      host: 'electron',
      version: app.getVersion(),
      initialPath: pathFromArgv(process.argv),
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
        const failure = await shell.openPath(outputPath);
        if (failure) throw new Error(`Could not open ${outputPath}: ${failure}`);
        return { url: null };
      },
      readyToQuit: () => confirmQuit(),
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

    Menu.setApplicationMenu(buildMenu((command) => emit('menuCommand', { command }), () => mainWindow));
    mainWindow = createMainWindow();

    app.on('second-instance', (_event, argv) => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      const path = pathFromArgv(argv);
      if (path) emit('openRequested', { path });
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
    app.on('before-quit', (event) => {
      if (quitConfirmed) return;
      event.preventDefault();
      requestQuit();
    });
    app.on('will-quit', () => {
      void workspace.close();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
