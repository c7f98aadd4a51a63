/**
 * The app's one window: its security settings, and that it always becomes visible — when the page
 * is ready, or with a message when the page could not be loaded — instead of staying hidden.
 */
import { BrowserWindow, dialog, type Event as ElectronEvent } from 'electron';
import { join } from 'node:path';

/** How long the window may stay hidden waiting for its page before it is shown anyway. */
export const SHOW_TIMEOUT_MS = 10_000;
/** Chromium's "navigation aborted" (a newer load replaced this one): not a failure. */
const ERR_ABORTED = -3;

export interface MainWindowOptions {
  readonly title: string;
  /** The page: app://bundle/index.html, or the dev server's URL. */
  readonly url: string;
  /** The window's close button, Ctrl+W…: the caller decides whether it may close now. */
  readonly onCloseRequested: (event: ElectronEvent) => void;
  /** The page could not be loaded and the student chose to quit (there are no edits to save). */
  readonly onGiveUp: () => void;
}

/** Windows whose page has loaded (and so can answer the quit handshake). */
const pagesUp = new WeakSet<BrowserWindow>();

/** False while the page is loading or after it failed to load: then it holds no edits to save. */
export function pageIsUp(window: BrowserWindow): boolean {
  return pagesUp.has(window);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK -- a middle-click opens nothing: security.ts denies every new window and blocks navigation for every web contents
    title: options.title,
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

  const showOnce = () => {
    clearTimeout(showTimer);
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  // A page that never gets ready (a hung script, a load that never ends) must not leave an
  // invisible app behind: show whatever there is.
  const showTimer = setTimeout(showOnce, SHOW_TIMEOUT_MS);
  window.once('ready-to-show', showOnce);
  window.on('closed', () => clearTimeout(showTimer));

  window.webContents.on('did-finish-load', () => pagesUp.add(window));
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    pagesUp.delete(window);
    showOnce();
    void explainLoadFailure(window, options, `${errorDescription} (${errorCode}) loading ${validatedURL}`);
  });

  window.on('close', options.onCloseRequested);
  void window.loadURL(options.url);
  return window;
}

/** Says the page failed to load, and offers to try again or to quit. */
async function explainLoadFailure(window: BrowserWindow, options: MainWindowOptions, what: string): Promise<void> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'error',
    buttons: ['Try again', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    message: "The app's page could not be loaded.",
    detail:
      `${what}.\n\nIf you run the app from its source folder, build it again (npm start builds it), ` +
      'or use the browser version: npm run serve -- PATH.',
  });
  if (window.isDestroyed()) return;
  if (response === 0) void window.loadURL(options.url);
  else options.onGiveUp();
}

/** Sends an event to the page unless the window or its page is already gone (e.g. at quit). */
export function sendToPage(window: BrowserWindow | null, channel: string, payload: unknown): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(channel, payload);
}
