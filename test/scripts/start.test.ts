/**
 * `npm start` (scripts/start.mjs) run as a real process. Electron itself is replaced through its
 * own ELECTRON_OVERRIDE_DIST_PATH: an empty folder (the binary was never downloaded) or a small
 * executable that behaves like Electron failing the way students see it fail.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from '../support/cli';

const root = resolve(import.meta.dirname, '../..');
const START = join(root, 'scripts/start.mjs');

function start(args: string[], env: Record<string, string>) {
  const clean = { ...process.env };
  delete clean['ELECTRON_OVERRIDE_DIST_PATH'];
  const result = spawnSync(process.execPath, [START, ...args], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Where Electron looks for its executable inside a dist folder (path.txt, as its index.js reads it). */
function executableName(): string {
  const pathFile = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
}

/** A stand-in Electron: records how it was started, writes `stderr`, exits with `code`. */
function fakeElectron(stderr: string, code: number): { dist: string; calls: string } {
  const dist = tempRepo({});
  const calls = join(dist, 'calls.json');
  const binary = join(dist, executableName());
  mkdirSync(dirname(binary), { recursive: true });
  writeFileSync(
    binary,
    `#!${process.execPath}\n` +
      `require('fs').writeFileSync(${JSON.stringify(calls)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n` +
      `process.stderr.write(${JSON.stringify(stderr)});\n` +
      `process.exit(${code});\n`,
  );
  chmodSync(binary, 0o755);
  return { dist, calls };
}

// Ubuntu 24.04's refusal, as Electron prints it before aborting (SIGTRAP: exit 133 from a shell).
const SUID_FAILURE =
  '[4242:1206/190000.000:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly. ' +
  "Rather than run without sandboxing I'm aborting now. You need to make sure that /x/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.\n";

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('npm start', () => {
  it('says plainly that Electron is not installed, and offers the browser version, without a stack trace', () => {
    const nothingThere = tempRepo({});
    const run = start(['../my repo'], { ELECTRON_OVERRIDE_DIST_PATH: nothingThere, REPORT_EDITOR_SKIP_BUILD: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the desktop app cannot start, because Electron's program is not installed");
    expect(run.stderr).toContain('run `npm install` again without\nELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(run.stderr).toContain('npm run serve -- "../my repo"');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Electron failed to install correctly');
  });

  posixOnly('recognises the blocked sandbox of Ubuntu 24.04 and says what to do', () => {
    const electron = fakeElectron(SUID_FAILURE, 133);
    const run = start(['my/repo'], { ELECTRON_OVERRIDE_DIST_PATH: electron.dist, REPORT_EDITOR_SKIP_BUILD: '1' });
    expect(run.code).toBe(133);
    // Electron's own words still reach the terminal, then the explanation.
    expect(run.stderr).toContain('The SUID sandbox helper binary was found, but is not configured correctly');
    expect(run.stderr).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(run.stderr).toContain('npm start -- --no-sandbox my/repo');
    expect(run.stderr).toContain('npm run serve -- my/repo');
    expect(run.stderr).toContain('electron/electron/issues/42510');
  });

  posixOnly('says what to do when started as root', () => {
    const electron = fakeElectron('[1:FATAL:electron_main_delegate.cc(287)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.\n', 133);
    const run = start(['my/repo'], { ELECTRON_OVERRIDE_DIST_PATH: electron.dist, REPORT_EDITOR_SKIP_BUILD: '1' });
    expect(run.code).toBe(133);
    expect(run.stderr).toContain('Start it as your own user');
    expect(run.stderr).toContain('npm start -- --no-sandbox my/repo');
  });

  posixOnly('says when there is no display to open a window on', () => {
    const electron = fakeElectron('[1:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\n', 1);
    const run = start([], { ELECTRON_OVERRIDE_DIST_PATH: electron.dist, REPORT_EDITOR_SKIP_BUILD: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the desktop app needs a display');
    expect(run.stderr).toContain('npm run serve -- PATH/TO/YOUR/REPO');
  });

  posixOnly('builds, then starts Electron on the app with the path, as Electron and not as plain Node', () => {
    const electron = fakeElectron('', 0);
    const before = existsSync(join(root, 'out/main/index.js')) ? statSync(join(root, 'out/main/index.js')).mtimeMs : 0;
    const run = start(['some/repo'], { ELECTRON_OVERRIDE_DIST_PATH: electron.dist, ELECTRON_RUN_AS_NODE: '1' });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('npm start:');
    expect(statSync(join(root, 'out/main/index.js')).mtimeMs).toBeGreaterThan(before);
    expect(JSON.parse(readFileSync(electron.calls, 'utf8'))).toEqual({ args: ['.', 'some/repo'], cwd: root, runAsNode: null });
  }, 120_000);
});
