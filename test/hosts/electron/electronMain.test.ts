/* eslint-disable @typescript-eslint/no-explicit-any -- a structural fake of Electron; typing it fully would restate electron.d.ts */
/**
 * The Electron main process with only the `electron` module mocked: everything behind it (services,
 * files, the report) is real. Checks the window's security settings, that every channel is wired
 * and guarded, and that quitting waits for the renderer.
 */
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../../src/api/contract';
import { CHANNELS } from '../../../src/api/schemas';
import { tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';

type Handler = (event: unknown, request: unknown) => Promise<unknown>;

const fake = vi.hoisted(() => {
  const state = {
    handlers: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
    windows: [] as {
      options: Record<string, any>;
      handlers: Map<string, (...args: any[]) => void>;
      /** Every listener per event (handlers keeps the last one). */
      listeners: Map<string, ((...args: any[]) => void)[]>;
      sent: [string, unknown][];
      openHandler?: (d: { url: string }) => unknown;
      permission?: (...a: any[]) => void;
      permissionCheck?: (...a: any[]) => boolean;
      loaded: string[];
      shown: number;
      destroyed: boolean;
      webContents: any;
    }[],
    appHandlers: new Map<string, (...args: any[]) => void>(),
    menuTemplate: [] as any[],
    quitCalls: 0,
    messageBoxes: [] as any[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    privilegedSchemes: [] as any[],
    openedExternally: [] as string[],
    /** Paths handed to shell.openPath (what the OS would open with its associated program). */
    openedPaths: [] as string[],
    ready: null as null | (() => void),
    /** The app's default session: its permission handlers. */
    defaultSession: {} as { request?: (...a: any[]) => void; check?: (...a: any[]) => boolean },
    singleInstanceData: undefined as unknown,
    /** While set, message boxes stay on screen until the test answers them. */
    holdMessageBoxes: false,
    heldBoxes: [] as ((response: number) => void)[],
  };
  return state;
});

vi.mock('electron', () => {
  const listen = (record: any, event: string, fn: any) => {
    record.handlers.set(event, fn);
    record.listeners.set(event, [...(record.listeners.get(event) ?? []), fn]);
  };
  /** A fake web contents; like Electron's, it throws once destroyed ("Object has been destroyed"). */
  function fakeWebContents(record: any) {
    const alive = () => {
      if (record.destroyed) throw new TypeError('Object has been destroyed');
    };
    return {
      send: (channel: string, payload: unknown) => {
        alive();
        record.sent.push([channel, payload]);
      },
      setWindowOpenHandler: (fn: any) => (record.openHandler = fn),
      on: (event: string, fn: any) => listen(record, `wc:${event}`, fn),
      getURL: () => 'file:///app/out/renderer/index.html',
      isDestroyed: () => record.destroyed,
      session: {
        setPermissionRequestHandler: (fn: any) => (record.permission = fn),
        setPermissionCheckHandler: (fn: any) => (record.permissionCheck = fn),
      },
    };
  }
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    webContents: any;
    private record: any;
    constructor(options: Record<string, unknown>) {
      const record = { options, handlers: new Map(), listeners: new Map(), sent: [], loaded: [], shown: 0, destroyed: false } as any;
      this.record = record;
      fake.windows.push(record);
      this.webContents = fakeWebContents(record);
      record.webContents = this.webContents;
      // As in Electron: every new web contents is announced to the app.
      fake.appHandlers.get('web-contents-created')?.({}, this.webContents);
    }
    once(event: string, fn: any) {
      listen(this.record, event, fn);
    }
    on(event: string, fn: any) {
      listen(this.record, event, fn);
    }
    loadFile() {
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      // The page loads (the failure cases fire did-fail-load themselves).
      queueMicrotask(() => this.record.listeners.get('wc:did-finish-load')?.forEach((fn: any) => fn()));
      return Promise.resolve();
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    isMinimized() {
      return false;
    }
    isVisible() {
      return this.record.shown > 0;
    }
    show() {
      this.record.shown++;
    }
    focus() {}
    restore() {}
  }
  const app = {
    isPackaged: false,
    enableSandbox: () => undefined,
    setName: () => undefined,
    getVersion: () => '0.0.0-test',
    getPath: () => tempRepoDir(),
    requestSingleInstanceLock: (data: unknown) => ((fake.singleInstanceData = data), true),
    whenReady: () => new Promise<void>((done) => (fake.ready = done)),
    on: (event: string, fn: any) => fake.appHandlers.set(event, fn),
    quit: () => fake.quitCalls++,
  };
  function tempRepoDir() {
    return process.env['TEST_USER_DATA'] ?? '/tmp';
  }
  return {
    app,
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async (_window: unknown, options: any) => {
        fake.messageBoxes.push(options);
        if (!fake.holdMessageBoxes) return { response: 0 };
        return new Promise((answer) => fake.heldBoxes.push((response) => answer({ response })));
      },
    },
    ipcMain: { handle: (channel: string, fn: Handler) => fake.handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: any[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: any) => fake.protocolHandlers.set(scheme, fn),
    },
    Menu: { buildFromTemplate: (t: any[]) => ((fake.menuTemplate = t), { t }), setApplicationMenu: () => undefined },
    shell: {
      openExternal: async (url: string) => void fake.openedExternally.push(url),
      openPath: async (path: string) => (fake.openedPaths.push(path), ''),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: any) => (fake.defaultSession.request = fn),
        setPermissionCheckHandler: (fn: any) => (fake.defaultSession.check = fn),
      },
    },
    default: {},
  };
});

// The page main loads, from its own scheme rather than file://.
const ourPage = { senderFrame: { url: 'app://bundle/index.html' } };

/** Where `npm start -- sub/repo` was typed: npm runs the app in the package root but sets INIT_CWD. */
const typedIn = tempRepo({ 'sub/repo/reports/README.md': buildReport() });

beforeAll(async () => {
  process.env['TEST_USER_DATA'] = tempRepo({});
  const argv = process.argv;
  const initCwd = process.env['INIT_CWD'];
  process.argv = ['/path/to/electron', '.', 'sub/repo'];
  process.env['INIT_CWD'] = typedIn;
  try {
    await import('../../../src/hosts/electron/index');
    fake.ready?.();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.argv = argv;
    if (initCwd === undefined) delete process.env['INIT_CWD'];
    else process.env['INIT_CWD'] = initCwd;
  }
});

/** A fake web contents as Electron announces it in `web-contents-created`. */
function announcedContents() {
  const handlers = new Map<string, (...args: any[]) => void>();
  const contents = {
    on: (event: string, fn: any) => handlers.set(event, fn),
    setWindowOpenHandler: (fn: any) => handlers.set('open', fn),
    getURL: () => 'devtools://devtools/bundled/index.html',
    session: {
      setPermissionRequestHandler: (fn: any) => handlers.set('permission', fn),
      setPermissionCheckHandler: (fn: any) => handlers.set('permission-check', fn),
    },
  };
  fake.appHandlers.get('web-contents-created')!({}, contents);
  return handlers;
}

describe('the Electron main process', () => {
  it('opens one window with context isolation, sandbox and no Node in the page', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0].options['webPreferences'];
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('blocks new windows and navigation, sending web links to the system browser', () => {
    const w = fake.windows[0];
    expect(w.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(w.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://example.com/']);
    const prevent = vi.fn();
    w.handlers.get('wc:will-navigate')!({ preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalled();
    const denied = vi.fn();
    w.permission!(null, 'media', denied);
    expect(denied).toHaveBeenCalledWith(false);
  });

  it('registers every contract channel, and refuses calls from any other page', async () => {
    for (const channel of CHANNELS) expect(fake.handlers.has(ipcChannel(channel)), channel).toBe(true);
    const open = fake.handlers.get(ipcChannel('openPath'))!;
    for (const url of ['https://evil.example/', 'file:///tmp/downloaded.html', 'app://bundle/other.html', 'app://evil/index.html']) {
      await expect(open({ senderFrame: { url } }, { path: '/' }), url).rejects.toThrow(/did not come from the app page/);
    }
  });

  it('serves the real services: opens a repo and validates requests', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const result = (await fake.handlers.get(ipcChannel('openPath'))!(ourPage, { path: repo })) as {
      kind: string;
      report: { reportPath: string };
    };
    expect(result.kind).toBe('opened');
    expect(result.report.reportPath).toBe(join(repo, 'reports/README.md'));
    await expect(fake.handlers.get(ipcChannel('saveReport'))!(ourPage, { reportPath: 1 })).rejects.toThrow(
      /Invalid request/,
    );
  });

  it('serves figures of the open report through its own scheme, and nothing outside it', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport(), 'reports/figures/a.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'secret.png': 'secret' });
    await fake.handlers.get(ipcChannel('openPath'))!(ourPage, { path: repo });
    expect(fake.privilegedSchemes.map((s: any) => s.scheme)).toEqual(['app', 'report-file']);
    const figure = fake.protocolHandlers.get('report-file')!;
    const ok = await figure(new Request('report-file://report/figures/a.png'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    for (const url of ['report-file://report/../secret.png', 'report-file://report/%2e%2e/secret.png', 'report-file://report/README.md']) {
      const refused = await figure(new Request(url));
      expect(refused.status, url).not.toBe(200);
      expect(await refused.text()).not.toBe('secret');
    }
  });

  it('serves the page from app://bundle/ (not file://), only files of the built renderer', async () => {
    const appScheme = fake.protocolHandlers.get('app')!;
    const page = await appScheme(new Request('app://bundle/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('<div id="root">');
    for (const url of ['app://bundle/../main/index.ts', 'app://bundle/%2e%2e/%2e%2e/package.json', 'app://other/index.html']) {
      expect((await appScheme(new Request(url))).status, url).toBe(404);
    }
  });

  it('uses platform accelerators in the menu', () => {
    const items = fake.menuTemplate.flatMap((m: any) => (Array.isArray(m.submenu) ? m.submenu : []));
    const accel = Object.fromEntries(items.filter((i: any) => i.label).map((i: any) => [i.label, i.accelerator]));
    expect(accel).toMatchObject({
      'Open Repo…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Export HTML…': 'CmdOrCtrl+E',
      'Go to Question…': 'CmdOrCtrl+G',
      'Focus Mode': 'CmdOrCtrl+Shift+D',
      'Larger Text': 'CmdOrCtrl+Plus',
      'Smaller Text': 'CmdOrCtrl+-',
      'Normal Text Size': 'CmdOrCtrl+0',
    });
  });

  it('never quits silently when the renderer cannot confirm its edits are saved', async () => {
    vi.useFakeTimers();
    try {
      fake.appHandlers.get('before-quit')!({ preventDefault: () => undefined });
      await vi.advanceTimersByTimeAsync(6000);
      expect(fake.messageBoxes.at(-1)).toMatchObject({ message: 'Your latest edits could not be saved.', buttons: ['Keep the app open', 'Quit without saving'] });
      // The student chose to keep the app open.
      expect(fake.quitCalls).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('guards every web contents that appears, not only the main window: no webview, window, navigation or permission', () => {
    const contents = announcedContents();
    const attach = vi.fn();
    contents.get('will-attach-webview')!({ preventDefault: attach });
    expect(attach).toHaveBeenCalled();
    expect(contents.get('open')!({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    const navigate = vi.fn();
    contents.get('will-navigate')!({ preventDefault: navigate }, 'file:///etc/passwd');
    expect(navigate).toHaveBeenCalled();
    const denied = vi.fn();
    contents.get('permission')!(null, 'notifications', denied);
    expect(denied).toHaveBeenCalledWith(false);
    expect(contents.get('permission-check')!(null, 'clipboard-read', 'app://bundle', {})).toBe(false);
    // The main window went through the same guard, and the default session denies checks too.
    expect(fake.windows[0].permissionCheck!(null, 'media', 'app://bundle', {})).toBe(false);
    expect(fake.defaultSession.check!(null, 'geolocation', 'app://bundle', {})).toBe(false);
    const requested = vi.fn();
    fake.defaultSession.request!(null, 'geolocation', requested);
    expect(requested).toHaveBeenCalledWith(false);
  });

  it('opens a relative path given at start-up against the folder npm start was typed in (INIT_CWD)', async () => {
    const state = (await fake.handlers.get(ipcChannel('getInitialState'))!(ourPage, {})) as { initialPath: string | null };
    expect(state.initialPath).toBe(join(typedIn, 'sub/repo'));
    // A second launch learns the same folder, whatever Electron thinks its working directory is.
    expect(fake.singleInstanceData).toEqual({ workingDirectory: typedIn });
  });

  it('a second launch with a path asks the page to open it, relative to where that launch was typed', () => {
    const w = fake.windows[0];
    const elsewhere = tempRepo({ 'other/repo/reports/README.md': buildReport() });
    const sentBefore = w.sent.length;
    // What the second instance sends: npm's INIT_CWD; Electron's workingDirectory is npm's package root.
    const packageRoot = tempRepo({});
    fake.appHandlers.get('second-instance')!({}, ['/path/to/electron', '--allow-file-access-from-files', '.', 'other/repo'], packageRoot, {
      workingDirectory: elsewhere,
    });
    // Launched without npm (no data sent): Electron's working directory of the second launch.
    fake.appHandlers.get('second-instance')!({}, ['/path/to/electron', '.', 'repo'], join(elsewhere, 'other'), null);
    // A path that exists nowhere is not sent.
    fake.appHandlers.get('second-instance')!({}, ['/path/to/electron', '.', 'no/such/repo'], elsewhere, null);
    expect(w.sent.slice(sentBefore)).toEqual([
      [ipcChannel('openRequested'), { path: join(elsewhere, 'other/repo') }],
      [ipcChannel('openRequested'), { path: join(elsewhere, 'other/repo') }],
    ]);
  });

  it('opens only an existing .html file inside the open repo with the system, never another file an export named', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport(), 'reports/run.sh': '#!/bin/sh\necho owned\n' });
    const call = (channel: string, request: unknown) => fake.handlers.get(ipcChannel(channel as any))!(ourPage, request);
    await call('openPath', { path: repo });
    const text = buildReport();
    // An export the page named as a launcher file: written, but the system must not open it.
    const launcher = (await call('exportHtml', { text, outputPath: join(repo, 'reports/open-me.desktop') })) as { kind: string };
    if (launcher.kind === 'exported') {
      await expect(call('openExport', { outputPath: join(repo, 'reports/open-me.desktop') })).rejects.toThrow(/Refused|Only/);
    }
    // A real export, then replaced by a link to a script: refused by what the file now is.
    const exported = (await call('exportHtml', { text })) as { kind: string; outputPath: string };
    expect(exported.kind).toBe('exported');
    await call('openExport', { outputPath: exported.outputPath });
    expect(fake.openedPaths).toEqual([exported.outputPath]);
    rmSync(exported.outputPath);
    symlinkSync(join(repo, 'reports/run.sh'), exported.outputPath);
    await expect(call('openExport', { outputPath: exported.outputPath })).rejects.toThrow(/Refused|Only/);
    rmSync(exported.outputPath);
    await expect(call('openExport', { outputPath: exported.outputPath })).rejects.toThrow(/Refused|Only/);
    expect(fake.openedPaths).toEqual([exported.outputPath]);
  });

  it('drops events for a window that is already gone instead of crashing main at quit', () => {
    const w = fake.windows[0];
    w.destroyed = true;
    try {
      const save = fake.menuTemplate.flatMap((m: any) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i: any) => i.label === 'Save');
      expect(() => save.click()).not.toThrow();
    } finally {
      w.destroyed = false;
    }
  });

  it('shows the window with a message when its page fails to load, and offers to try again', async () => {
    const w = fake.windows[0];
    const boxesBefore = fake.messageBoxes.length;
    const loadsBefore = w.loaded.length;
    // A load replaced by another is not a failure.
    w.handlers.get('wc:did-fail-load')!({}, -3, 'ERR_ABORTED', 'app://bundle/index.html', true);
    expect(fake.messageBoxes.length).toBe(boxesBefore);
    w.handlers.get('wc:did-fail-load')!({}, -6, 'ERR_FILE_NOT_FOUND', 'app://bundle/index.html', true);
    expect(w.shown).toBeGreaterThan(0);
    expect(fake.messageBoxes.at(-1)).toMatchObject({ message: "The app's page could not be loaded.", buttons: ['Try again', 'Quit'] });
    expect(fake.messageBoxes.at(-1).detail).toContain('ERR_FILE_NOT_FOUND');
    await new Promise((r) => setTimeout(r, 0));
    // The fake's answer is the first button: the page is loaded again.
    expect(w.loaded.slice(loadsBefore)).toEqual(['app://bundle/index.html']);
  });

  it('quits at once when the page never loaded: nothing to save, and nobody to answer the handshake', async () => {
    const { QuitHandshake } = await import('../../../src/hosts/electron/quitHandshake');
    const { createMainWindow, pageIsUp } = await import('../../../src/hosts/electron/mainWindow');
    const quitCallsBefore = fake.quitCalls;
    fake.holdMessageBoxes = true;
    try {
      const window = createMainWindow({ title: 't', url: 'app://bundle/index.html', onCloseRequested: () => undefined, onGiveUp: () => undefined });
      const w = fake.windows.at(-1)!;
      await new Promise((r) => setTimeout(r, 0));
      expect(pageIsUp(window)).toBe(true);
      const asked = vi.fn();
      const handshake = new QuitHandshake(() => window, asked, pageIsUp);
      w.handlers.get('wc:did-fail-load')!({}, -6, 'ERR_FILE_NOT_FOUND', 'app://bundle/index.html', true);
      expect(pageIsUp(window)).toBe(false);
      handshake.request();
      expect(asked).not.toHaveBeenCalled();
      expect(handshake.isConfirmed).toBe(true);
      expect(fake.quitCalls).toBe(quitCallsBefore + 1);
    } finally {
      fake.heldBoxes.splice(0).forEach((answer) => answer(0));
      fake.holdMessageBoxes = false;
      fake.quitCalls = quitCallsBefore;
    }
  });

  it('shows a window whose page never gets ready after a while, instead of leaving it hidden', async () => {
    vi.useFakeTimers();
    try {
      const { createMainWindow, SHOW_TIMEOUT_MS } = await import('../../../src/hosts/electron/mainWindow');
      createMainWindow({ title: 't', url: 'app://bundle/index.html', onCloseRequested: () => undefined, onGiveUp: () => undefined });
      const w = fake.windows.at(-1)!;
      expect(w.shown).toBe(0);
      await vi.advanceTimersByTimeAsync(SHOW_TIMEOUT_MS);
      expect(w.shown).toBe(1);
      // ready-to-show later does not show it twice.
      w.handlers.get('ready-to-show')!();
      expect(w.shown).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('quitting again while the "could not be saved" box is up does not stack a second box', async () => {
    vi.useFakeTimers();
    fake.holdMessageBoxes = true;
    try {
      const boxesBefore = fake.messageBoxes.length;
      fake.appHandlers.get('before-quit')!({ preventDefault: () => undefined });
      await vi.advanceTimersByTimeAsync(6000);
      expect(fake.messageBoxes.length).toBe(boxesBefore + 1);
      fake.appHandlers.get('before-quit')!({ preventDefault: () => undefined });
      fake.windows[0].handlers.get('close')!({ preventDefault: () => undefined });
      await vi.advanceTimersByTimeAsync(12_000);
      expect(fake.messageBoxes.length).toBe(boxesBefore + 1);
      // "Keep the app open": a later quit may ask again.
      fake.heldBoxes.shift()!(0);
      await vi.advanceTimersByTimeAsync(0);
      fake.appHandlers.get('before-quit')!({ preventDefault: () => undefined });
      await vi.advanceTimersByTimeAsync(6000);
      expect(fake.messageBoxes.length).toBe(boxesBefore + 2);
      fake.heldBoxes.shift()!(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(fake.quitCalls).toBe(0);
    } finally {
      fake.holdMessageBoxes = false;
      vi.useRealTimers();
    }
  });

  it('asks the renderer to flush before quitting, and quits when it is ready', async () => {
    const w = fake.windows[0];
    const prevent = vi.fn();
    fake.appHandlers.get('before-quit')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(w.sent.some(([channel]) => channel === ipcChannel('beforeQuit'))).toBe(true);
    expect(fake.quitCalls).toBe(0);
    await fake.handlers.get(ipcChannel('readyToQuit'))!(ourPage, {});
    expect(fake.quitCalls).toBe(1);
  });
});
