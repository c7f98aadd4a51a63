/* eslint-disable @typescript-eslint/no-explicit-any -- a structural fake of Electron; typing it fully would restate electron.d.ts */
/**
 * The Electron main process with only the `electron` module mocked: everything behind it (services,
 * files, the report) is real. Checks the window's security settings, that every channel is wired
 * and guarded, and that quitting waits for the renderer.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcChannel } from '../../src/api/contract';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';

type Handler = (event: unknown, request: unknown) => Promise<unknown>;

const fake = vi.hoisted(() => {
  const state = {
    handlers: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
    windows: [] as {
      options: Record<string, any>;
      handlers: Map<string, (...args: any[]) => void>;
      sent: [string, unknown][];
      openHandler?: (d: { url: string }) => unknown;
      permission?: (...a: any[]) => void;
    }[],
    appHandlers: new Map<string, (...args: any[]) => void>(),
    menuTemplate: [] as any[],
    quitCalls: 0,
    messageBoxes: [] as any[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    privilegedSchemes: [] as any[],
    openedExternally: [] as string[],
    ready: null as null | (() => void),
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => fake.windows;
    webContents: any;
    private record: any;
    constructor(options: Record<string, unknown>) {
      const record = { options, handlers: new Map(), sent: [] as [string, unknown][] } as any;
      this.record = record;
      fake.windows.push(record);
      this.webContents = {
        send: (channel: string, payload: unknown) => record.sent.push([channel, payload]),
        setWindowOpenHandler: (fn: any) => (record.openHandler = fn),
        on: (event: string, fn: any) => record.handlers.set(`wc:${event}`, fn),
        getURL: () => 'file:///app/out/renderer/index.html',
        session: { setPermissionRequestHandler: (fn: any) => (record.permission = fn) },
      };
    }
    once(event: string, fn: any) {
      this.record.handlers.set(event, fn);
    }
    on(event: string, fn: any) {
      this.record.handlers.set(event, fn);
    }
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    restore() {}
  }
  const app = {
    isPackaged: false,
    enableSandbox: () => undefined,
    setName: () => undefined,
    getVersion: () => '0.0.0-test',
    getPath: () => tempRepoDir(),
    requestSingleInstanceLock: () => true,
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
        return { response: 0 };
      },
    },
    ipcMain: { handle: (channel: string, fn: Handler) => fake.handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: any[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: any) => fake.protocolHandlers.set(scheme, fn),
    },
    Menu: { buildFromTemplate: (t: any[]) => ((fake.menuTemplate = t), { t }), setApplicationMenu: () => undefined },
    shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
    default: {},
  };
});

// The page main loads, from its own scheme rather than file://.
const ourPage = { senderFrame: { url: 'app://bundle/index.html' } };

beforeAll(async () => {
  process.env['TEST_USER_DATA'] = tempRepo({});
  await import('../../src/main/index');
  fake.ready?.();
  await new Promise((r) => setTimeout(r, 50));
});

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
