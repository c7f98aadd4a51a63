/**
 * The browser host (`report-editor serve`) on a throw-away repo, for specs that drive the real UI
 * in Chromium. Each hosted repo lives in its own temp folder (settings included, so the recent list
 * of the person running the tests is never touched) and is removed after the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(PROJECT_ROOT, 'dist/cli/report-editor.js');
const RENDERER = join(PROJECT_ROOT, 'out/renderer/index.html');
/** The first stdout line with this URL is the host's promise that it is serving. */
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]+\//;

export interface HostOptions {
  /** Files of the repo, relative path → contents (written byte for byte). */
  readonly files: Record<string, string | Uint8Array>;
  /**
   * What `serve` is given, relative to the repo root: `''` for the repo itself (the default),
   * a file path, or null for no argument (run from an empty folder: the welcome screen).
   */
  readonly serveArg?: string | null;
  /** The host's config folder (recent repos, view prefs); by default one of its own, removed after the test. */
  readonly configDir?: string;
}

export interface HostedRepo {
  readonly url: string;
  readonly repoRoot: string;
  /** Absolute path of a repo file. */
  path(relative: string): string;
  readonly output: string[];
  /** Stops the host now (Ctrl+C), as a student ends a session; otherwise it is stopped after the test. */
  stop(): Promise<void>;
}

async function startHost(options: HostOptions, cleanups: (() => Promise<void>)[]): Promise<HostedRepo> {
  for (const needed of [CLI, RENDERER]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build\` before the end-to-end specs`);
  }
  const workDir = await mkdtemp(join(tmpdir(), 'report-editor-e2e-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const repoRoot = join(workDir, 'repo');
  const emptyDir = join(workDir, 'elsewhere');
  await mkdir(repoRoot, { recursive: true });
  await mkdir(emptyDir, { recursive: true });
  for (const [relative, contents] of Object.entries(options.files)) {
    const target = join(repoRoot, relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }

  const serveArg = options.serveArg === undefined ? '' : options.serveArg;
  const args = [CLI, 'serve', ...(serveArg === null ? [] : [join(repoRoot, serveArg)]), '--port', '0'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: serveArg === null ? emptyDir : repoRoot,
    env: { ...process.env, REPORT_EDITOR_CONFIG_DIR: options.configDir ?? join(workDir, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);

  const url = await new Promise<string>((resolveUrl, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 15 s:\n${output.join('')}`)), 15_000);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => output.push(chunk));
    child.stdout?.on('data', (chunk: string) => {
      output.push(chunk);
      buffered += chunk;
      const match = URL_PATTERN.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL:\n${output.join('')}`));
    });
  });
  return { url, repoRoot, path: (relative) => join(repoRoot, relative), output, stop };
}

/** `test` with a `hostRepo(options)` fixture: starts a host on a temp repo, stopped after the test. */
export const test = base.extend<{ hostRepo: (options: HostOptions) => Promise<HostedRepo> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  hostRepo: async ({}, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    await use((options) => startHost(options, cleanups));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  },
});

export { expect } from '@playwright/test';
