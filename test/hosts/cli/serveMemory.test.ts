/**
 * `report-editor serve` under many large concurrent requests, as a real process over real
 * sockets: what it holds in memory stays bounded (measured as the process's peak RSS, VmHWM),
 * and it keeps answering. Bodies that once were held whole up to 80 MB each (four took the host
 * to 633 MB) are now refused past their limit or a shared budget, and figure uploads stream to disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);
const MB = 1024 * 1024;
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGTERM')));

/** VmRSS / VmHWM (peak) of a process, in MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServe(repo: string): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = spawn(process.execPath, [CLI_PATH, 'serve', repo, '--port', '0'], { env: { ...process.env, REPORT_EDITOR_CONFIG_DIR: tempRepo({}) } });
  children.push(child);
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/t\/([A-Za-z0-9_-]+)\//.exec(out);
      if (match) done(match[0]);
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
  });
  const [, port, token] = /:(\d+)\/t\/([^/]+)\//.exec(url)!;
  return { child, port: Number(port), token: token! };
}

/**
 * POSTs `total` bytes streamed in 1 MB chunks (chunked encoding); resolves to the status, or 0
 * when the host closed the connection before its answer could be read.
 */
function post(port: number, path: string, headers: Record<string, string>, total: number | string): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => (['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? done(0) : fail(error)));
    if (typeof total === 'string') return void req.end(total);
    const chunk = Buffer.alloc(MB, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += MB;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** A `serve` process on a repo whose report is open, with helpers for its API. */
async function openServe() {
  const repo = tempRepo({ 'reports/README.md': buildReport() });
  const { child, port, token } = await startServe(repo);
  const api = (channel: string) => `/t/${token}/api/invoke/${channel}`;
  const auth = { 'x-report-token': token, 'content-type': 'application/json' };
  expect(await post(port, api('openPath'), auth, JSON.stringify({ path: repo }))).toBe(200);
  const before = memory(child.pid!);
  /** Peak RSS growth since the report was opened, in MB, logged with `label`. */
  const growth = (label: string) => {
    const after = memory(child.pid!);
    const grown = after.peak - before.rss;
    console.log(`serve, ${label}: RSS ${before.rss.toFixed(0)} MB before, peak ${after.peak.toFixed(0)} MB (+${grown.toFixed(0)} MB), ${after.rss.toFixed(0)} MB after`);
    return grown;
  };
  return { repo, port, token, api, auth, growth };
}

describe('serve under large concurrent requests (peak RSS of the real process)', () => {
  // The case: four 79 MB bodies at once, as a browser sends them (with Content-Length).
  // Held whole, they took the host from ~83 MB to ~590 MB.
  it('refuses four 79 MB saves and four 79 MB JSON figure imports before reading them', async () => {
    const { port, api, auth, growth } = await openServe();
    const size = 79 * MB;
    const declared = { ...auth, 'content-length': String(size) };
    const statuses = await Promise.all([
      ...Array.from({ length: 4 }, () => post(port, api('saveReport'), declared, size)),
      ...Array.from({ length: 4 }, () => post(port, api('importFigures'), declared, size)),
    ]);
    // 0: answered 413, then the connection was closed while the client was still sending (post()).
    expect(statuses.every((s) => s === 413 || s === 0) && statuses.includes(413)).toBe(true);
    expect(growth('8×79 MB declared bodies')).toBeLessThan(60);
    expect(await post(port, api('listRecent'), auth, '{}')).toBe(200);
  }, 120_000);

  it('holds chunked bodies (no declared length) within the shared budget', async () => {
    const { port, api, auth, growth } = await openServe();
    const statuses = await Promise.all(Array.from({ length: 4 }, () => post(port, api('saveReport'), auth, 79 * MB)));
    expect(statuses).toEqual([413, 413, 413, 413]);
    // The budget is 80 MB of bodies (counted twice: bytes and text); the rest is read and dropped.
    expect(growth('4×79 MB chunked saves')).toBeLessThan(160);
  }, 120_000);

  it('keeps answering a mix of saves, streamed uploads and oversized calls, within bounds', async () => {
    const { port, token, api, auth, growth } = await openServe();
    const meta = encodeURIComponent(JSON.stringify({ question: 3, fileName: 'big.png' }));
    const statuses = await Promise.all([
      // Eight saves of 30 MB each (each under the save limit, together far past the budget)…
      ...Array.from({ length: 8 }, () => post(port, api('saveReport'), auth, 30 * MB)),
      // …four 45 MB figure uploads (under the figure limit: streamed to disk, then refused as not an image)…
      ...Array.from({ length: 4 }, () => post(port, `/t/${token}/api/import-figure`, { 'x-report-token': token, 'x-figure-import': meta }, 45 * MB)),
      // …and four small calls with 20 MB bodies (far past their limit).
      ...Array.from({ length: 4 }, () => post(port, api('listRecent'), auth, 20 * MB)),
    ]);
    console.log(`statuses ${statuses.join(' ')}`);
    // At most one 30 MB save fits the budget at a time: others are refused while being sent.
    expect(statuses.slice(0, 8)).toContain(413);
    // 400: 30 MB of "a" is not JSON. 0: the host answered 413, drained what it allows of the rest and
    // closed the connection while the client was still sending (see post()): refused, never stored.
    expect(statuses.slice(0, 8).every((s) => s === 413 || s === 400 || s === 0)).toBe(true);
    expect(statuses.slice(8, 12)).toEqual([200, 200, 200, 200]); // answered: "not an image", nothing written
    expect(statuses.slice(12)).toEqual([413, 413, 413, 413]);
    // 620 MB sent at once; held whole that was ~500 MB more. Now: the body budget, one upload in
    // memory at a time, and garbage not yet collected.
    expect(growth('8×30 MB saves + 4×45 MB uploads + 4×20 MB small calls')).toBeLessThan(320);
    expect(await post(port, api('listRecent'), auth, '{}')).toBe(200);
  }, 120_000);
});
