import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src/server/browserHost';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';
import { testHandlers } from '../support/testHost';

const hosts: BrowserHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function startHost(initialPath: string | null = null) {
  const rendererDir = tempRepo({ 'index.html': '<!doctype html><title>app</title>', 'assets/app.js': 'console.log(1)' });
  const secret = tempRepo({ 'secret.txt': 'do not leak' });
  const { handlers } = testHandlers({ host: { initialPath } });
  const host = await startBrowserHost({ handlers, rendererDir });
  hosts.push(host);
  return { host, rendererDir, secret };
}

/** A raw HTTP request, so tests can send the headers a browser would not let a page forge. */
function raw(host: BrowserHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
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
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32,}$/);
    const other = await startHost();
    expect(other.host.token).not.toBe(host.token);
  });

  it('serves the app only with the token, and sets a same-site cookie for its assets', async () => {
    const { host } = await startHost();
    expect((await raw(host, '/')).status).toBe(403);
    expect((await raw(host, '/?token=wrong')).status).toBe(403);
    const page = await raw(host, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const asset = await raw(host, '/assets/app.js', { headers: { cookie: cookie.split(';')[0] } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { host } = await startHost();
    const r = await raw(host, `/?token=${host.token}`, { headers: { host: `evil.example:${host.port}` } });
    expect(r.status).toBe(403);
  });

  it('refuses API calls without the token header, from another origin, or by GET', async () => {
    const { host } = await startHost();
    expect((await invoke(host, 'listRecent', {}, { 'x-report-token': 'nope' })).status).toBe(403);
    expect((await invoke(host, 'listRecent', {}, { origin: 'http://evil.example' })).status).toBe(403);
    // A cookie alone is not enough for a state-changing call (a cross-site form could send one).
    const cookieOnly = await raw(host, '/api/invoke/listRecent', { method: 'POST', headers: { cookie: `report_editor_token=${host.token}` }, body: '{}' });
    expect(cookieOnly.status).toBe(403);
    expect((await raw(host, `/api/invoke/listRecent?token=${host.token}`)).status).toBe(403);
    expect((await invoke(host, 'listRecent', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const { host, secret } = await startHost();
    for (const path of ['/../secret.txt', '/..%2f..%2fsecret.txt', `/${encodeURIComponent(join(secret, 'secret.txt'))}`, '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await raw(host, `${path}${path.includes('?') ? '&' : '?'}token=${host.token}`);
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
    expect(JSON.parse(bad.body).error).toMatch(/Invalid request for saveReport/);
    const unknown = await invoke(host, 'deleteEverything', {});
    expect(JSON.parse(unknown.body).error).toMatch(/unknown channel/);
    const external = await invoke(host, 'openExternal', { url: 'javascript:alert(1)' });
    expect(JSON.parse(external.body).error).toMatch(/only http\(s\) links/);
  });

  it('pushes events to the page over Server-Sent Events', async () => {
    const { host } = await startHost();
    const received = new Promise<string>((done) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
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
