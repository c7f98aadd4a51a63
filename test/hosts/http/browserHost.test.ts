import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../src/services/apiHandlers';
import { startBrowserHost, type BrowserHost } from '../../../src/hosts/http/browserHost';
import { figureImportHeader } from '../../../src/hosts/http/figureImportRequest';
import { figureImporter } from '../../../src/hosts/http/figureImporter';
import { png } from '../../services/figuresSupport';
import { tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';
import { testHandlers } from '../../support/testHost';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function startHost(initialPath: string | null = null, override: Partial<ApiHandlers> = {}) {
  const rendererDir = tempRepo({ 'index.html': '<!doctype html><title>app</title>', 'assets/app.js': 'console.log(1)' });
  const secret = tempRepo({ 'secret.txt': 'do not leak' });
  const { handlers, workspace } = testHandlers({ host: { initialPath } });
  const host = await startBrowserHost({ handlers: { ...handlers, ...override }, rendererDir, importFigure: figureImporter(workspace) });
  hosts.push(host);
  return { host, rendererDir, secret };
}

/** Sends `total` bytes of `fill` in 1 MB chunks, without a Content-Length (chunked) unless `declare`. */
function streamed(host: BrowserHost, path: string, total: number, headers: Record<string, string>, declare = false) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/t/${host.token}${path}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${host.port}`, 'x-report-token': host.token, ...headers, ...(declare ? { 'content-length': String(total) } : {}) },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    // The host may close the connection once it has answered 413: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? undefined : fail(error)));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const uploadDirs = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('report-editor-uploads-')));

/** A raw HTTP request below the host's private `/t/<token>` path (`bare` requests exactly `path`). */
function raw(host: BrowserHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return bare(host, `/t/${host.token}${path}`, options);
}

/** A raw HTTP request, so tests can send the headers a browser would not let a page forge. */
function bare(host: BrowserHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((done, fail) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const invoke = (host: BrowserHost, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(host, `/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-report-token': host.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the browser host', () => {
  it('listens on 127.0.0.1 and prints a URL with a long random token', async () => {
    const { host } = await startHost();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{32,}\/$/);
    expect(host.url).toContain(`/t/${host.token}/`);
    const other = await startHost();
    expect(other.host.token).not.toBe(host.token);
  });

  it('serves the app and its assets only below /t/<token>/, and sets no cookie', async () => {
    const { host } = await startHost();
    expect((await bare(host, '/')).status).toBe(403);
    expect((await bare(host, `/?token=${host.token}`)).status).toBe(403);
    expect((await bare(host, '/t/wrong/')).status).toBe(403);
    expect((await bare(host, `/t/${host.token.slice(1)}/`)).status).toBe(403);
    expect((await bare(host, '/assets/app.js')).status).toBe(403);
    const page = await bare(host, `/t/${host.token}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    // No cookie: cookies ignore ports, so one would reach every other server on 127.0.0.1.
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const asset = await bare(host, `/t/${host.token}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['set-cookie']).toBeUndefined();
    // Without the trailing slash, relative URLs would resolve outside the token: redirect.
    const noSlash = await bare(host, `/t/${host.token}`);
    expect(noSlash.status).toBe(308);
    expect(noSlash.headers.location).toBe(`/t/${host.token}/`);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { host } = await startHost();
    const r = await raw(host, '/', { headers: { host: `evil.example:${host.port}` } });
    expect(r.status).toBe(403);
  });

  it('refuses API calls without the token header, from another origin, or by GET', async () => {
    const { host } = await startHost();
    expect((await invoke(host, 'listRecent', {}, { 'x-report-token': 'nope' })).status).toBe(403);
    expect((await invoke(host, 'listRecent', {}, { origin: 'http://evil.example' })).status).toBe(403);
    // The path alone is not enough for a state-changing call: the header must carry the token too.
    const pathOnly = await raw(host, '/api/invoke/listRecent', { method: 'POST', body: '{}' });
    expect(pathOnly.status).toBe(403);
    // …and the header alone is not enough either: the path must.
    const headerOnly = await bare(host, '/api/invoke/listRecent', { method: 'POST', headers: { 'x-report-token': host.token }, body: '{}' });
    expect(headerOnly.status).toBe(403);
    expect((await raw(host, '/api/invoke/listRecent', { headers: { 'x-report-token': host.token } })).status).toBe(403);
    expect((await invoke(host, 'listRecent', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const { host, secret } = await startHost();
    for (const path of ['/../secret.txt', '/..%2f..%2fsecret.txt', `/${encodeURIComponent(join(secret, 'secret.txt'))}`, '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await raw(host, path);
      expect(r.body, path).not.toContain('do not leak');
      expect(r.body).not.toContain('root:');
      expect(r.status, path).toBe(404);
    }
  });

  it('dispatches the contract to the services, validating every request', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const { host } = await startHost(repo);
    const state = JSON.parse((await invoke(host, 'getInitialState', {})).body);
    expect(state).toMatchObject({ ok: true, value: { host: 'browser', initialPath: repo } });
    const opened = JSON.parse((await invoke(host, 'openPath', { path: repo })).body);
    expect(opened.value.kind).toBe('opened');
    const bad = await invoke(host, 'saveReport', { reportPath: 5 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toBe('Invalid request for saveReport');
    const unknown = await invoke(host, 'deleteEverything', {});
    expect(JSON.parse(unknown.body).error).toMatch(/unknown channel/);
    const external = await invoke(host, 'openExternal', { url: 'javascript:alert(1)' });
    // Refused at validation, with the fixed message (not the schema's own wording).
    expect(external.status).toBe(400);
    expect(JSON.parse(external.body).error).toBe('Invalid request for openExternal');
  });

  it('pushes events to the page over Server-Sent Events', async () => {
    const { host } = await startHost();
    const received = new Promise<string>((done) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/t/${host.token}/api/events`, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
        let data = '';
        res.on('data', (chunk) => {
          data += chunk;
          if (data.includes('reportRemoved')) {
            done(data);
            req.destroy();
          }
        });
      });
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    host.emit('reportRemoved', { reportPath: '/x/README.md' });
    expect(await received).toContain('data: {"event":"reportRemoved","payload":{"reportPath":"/x/README.md"}}');
  });
});

describe('what a request cannot make the host do', () => {
  it('answers 400, not 500, to malformed percent-encoding anywhere in the path', async () => {
    const { host } = await startHost();
    for (const path of ['/%E0%A4%A', '/assets/%E0%A4%A.js', '/report-files/%ZZ.png', '/api/invoke/list%E0Recent']) {
      const r = path.startsWith('/api/') ? await invoke(host, path.slice('/api/invoke/'.length), {}) : await raw(host, path);
      expect(r.status, path).toBe(400);
      expect(r.body, path).not.toMatch(/URIError|URI malformed|at /);
    }
  });

  it('gives a fixed one-line message per error class, never a parser message or an internal one', async () => {
    const { host } = await startHost(null, {
      listRecent: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x') at /home/student/secret/path.ts:12");
      },
    });
    const notJson = await raw(host, '/api/invoke/getInitialState', {
      method: 'POST',
      headers: { 'x-report-token': host.token, 'content-type': 'application/json' },
      body: '{"path": tru',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: 'The request body is not valid JSON' });
    const invalid = await invoke(host, 'openPath', { path: 42, extra: true });
    expect(JSON.parse(invalid.body)).toEqual({ ok: false, error: 'Invalid request for openPath' });
    const internal = await invoke(host, 'listRecent', {});
    expect(internal.status).toBe(500);
    expect(JSON.parse(internal.body)).toEqual({ ok: false, error: 'The host could not complete listRecent' });
  });

  it('refuses JSON bodies past their limit with 413, declared or chunked, and keeps serving', async () => {
    const { host } = await startHost();
    const json = { 'content-type': 'application/json' };
    expect((await streamed(host, '/api/invoke/listRecent', 3 * 1024 * 1024, json, true)).status).toBe(413);
    const chunked = await streamed(host, '/api/invoke/listRecent', 3 * 1024 * 1024, json);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({ ok: false, error: 'The request body is too large' });
    // A save may carry a whole report, but not more than its limit.
    expect((await streamed(host, '/api/invoke/saveReport', 40 * 1024 * 1024, json)).status).toBe(413);
    expect((await invoke(host, 'listRecent', {})).status).toBe(200);
  });

  it('a save body of several MB (a large report) is still accepted', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const { host } = await startHost(repo);
    const opened = JSON.parse((await invoke(host, 'openPath', { path: repo })).body).value;
    const text = `${buildReport()}\n${'word '.repeat(1_200_000)}`; // 6 MB
    const saved = await invoke(host, 'saveReport', { reportPath: opened.report.reportPath, text, baseStamp: opened.report.stamp });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(repo, 'reports/README.md'), 'utf8')).toBe(text);
  });

  it('streams a figure upload into figures/, and refuses one past the figure limit without writing anything', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const { host } = await startHost(repo);
    await invoke(host, 'openPath', { path: repo });
    const meta = (fileName: string) => ({ 'x-figure-import': figureImportHeader({ question: 19, fileName }) });
    const image = await png(64, 48);
    const upload = await raw(host, '/api/import-figure', { method: 'POST', headers: { 'x-report-token': host.token, ...meta('bucket.png') }, body: image });
    expect(upload.status).toBe(200);
    const [outcome] = JSON.parse(upload.body).value;
    expect(outcome).toMatchObject({ ok: true, relativeLink: 'figures/q19-bucket.png' });
    expect(readFileSync(join(repo, 'reports/figures/q19-bucket.png')).equals(image)).toBe(true);

    const before = uploadDirs();
    const tooBig = await streamed(host, '/api/import-figure', 51 * 1024 * 1024, meta('huge.png'));
    expect(tooBig.status).toBe(413);
    expect((await streamed(host, '/api/import-figure', 51 * 1024 * 1024, meta('huge.png'), true)).status).toBe(413);
    expect(readdirSync(join(repo, 'reports/figures'))).toEqual(['q19-bucket.png']);
    // The partial upload is gone from the host's temp folder.
    for (const dir of before) expect(readdirSync(join(tmpdir(), dir)), dir).toEqual([]);

    // The request names no report: one that tries to (to put figures elsewhere) is malformed.
    const naming = encodeURIComponent(JSON.stringify({ reportPath: '/etc/passwd', question: 19, fileName: 'x.png' }));
    const elsewhere = await raw(host, '/api/import-figure', { method: 'POST', headers: { 'x-report-token': host.token, 'x-figure-import': naming }, body: image });
    expect(elsewhere.status).toBe(400);
    expect(existsSync('/etc/x.png')).toBe(false);
    expect(readdirSync(join(repo, 'reports/figures'))).toEqual(['q19-bucket.png']);
    const malformed = await raw(host, '/api/import-figure', { method: 'POST', headers: { 'x-report-token': host.token, 'x-figure-import': '%7B' }, body: image });
    expect(malformed.status).toBe(400);
    const noHeaderToken = await raw(host, '/api/import-figure', { method: 'POST', headers: meta('x.png'), body: image });
    expect(noHeaderToken.status).toBe(403);
  });

  it('removes its upload folder when it closes', async () => {
    const before = uploadDirs();
    const { host } = await startHost();
    const mine = [...uploadDirs()].filter((d) => !before.has(d));
    expect(mine).toHaveLength(1);
    await host.close();
    expect(existsSync(join(tmpdir(), mine[0]!))).toBe(false);
  });
});
