import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);
const rendererBuilt = existsSync(resolve(import.meta.dirname, '../../../out/renderer/index.html'));

describe('report-editor serve, run as a process', () => {
  it.skipIf(!rendererBuilt)('prints its private URL first and serves the app and the API there', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const child = spawn(process.execPath, [CLI_PATH, 'serve', repo, '--port', '0'], {
      env: { ...process.env, REPORT_EDITOR_CONFIG_DIR: tempRepo({}) },
    });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]+\//.exec(out.split('\n')[0] ?? '');
          if (match) done(match[0]);
        });
        child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const token = /\/t\/([^/]+)\//.exec(url)![1]!;
      const state = await fetch(new URL('api/invoke/getInitialState', url), {
        method: 'POST',
        headers: { 'x-report-token': token, 'content-type': 'application/json' },
        body: '{}',
      }).then((r) => r.json() as Promise<{ value: unknown }>);
      expect(state.value).toMatchObject({ host: 'browser', initialPath: repo });
      expect((await fetch(new URL('/', url).toString())).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects a bad port with exit code 2', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'serve', '--port', 'abc']);
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be a number/);
  });

  it('serves an exported report below its private path, sending no referrer with the links in it', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 4: 'See [our repo](https://github.com/example/project).' } }) });
    const child = spawn(process.execPath, [CLI_PATH, 'serve', repo, '--port', '0'], { env: { ...process.env, REPORT_EDITOR_CONFIG_DIR: tempRepo({}) } });
    try {
      const base = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]+\//.exec(out);
          if (match) done(match[0]);
        });
        child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
      });
      const token = /\/t\/([^/]+)\//.exec(base)![1]!;
      const call = async (channel: string, body: unknown) => {
        const response = await fetch(new URL(`api/invoke/${channel}`, base), {
          method: 'POST',
          headers: { 'x-report-token': token, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return ((await response.json()) as { value: Record<string, unknown> }).value;
      };
      const opened = (await call('openPath', { path: repo })) as { report: { reportPath: string; text: string } };
      const exported = await call('exportHtml', { text: opened.report.text });
      const shown = (await call('openExport', { outputPath: exported['outputPath'] })) as { url: string };
      // Relative: the page opens it below its own /t/<token>/ path.
      expect(shown.url).toMatch(/^exported\/[0-9a-f]{16}\/report\.html$/);
      const page = await fetch(new URL(shown.url, base));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('https://github.com/example/project');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect((await fetch(new URL(`/${shown.url}`, base))).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
