/**
 * The browser host: serves the built renderer and the ReportApi over HTTP on 127.0.0.1 only, for
 * students on remote dev boxes, Codespaces or WSL — and for the end-to-end tests.
 *
 * Every request must carry the per-run token (query `token`, header `x-report-token`, or the
 * SameSite=Strict cookie set when the page was opened with the token). API calls must send the
 * header itself, so a cross-site page cannot forge them; the Host header must name this server,
 * which defeats DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ApiEvents, EventName } from '../api/contract';
import { dispatch, type ApiHandlers } from '../main/services/apiHandlers';
import { contentTypeOf, RENDERER_CSP } from '../main/services/contentTypes';
import { resolveInside } from '../main/services/safePath';

export const TOKEN_HEADER = 'x-report-token';
const TOKEN_COOKIE = 'report_editor_token';
/** Large enough for a 25 MB report plus figure uploads as base64. */
const MAX_BODY_BYTES = 80 * 1024 * 1024;


const SECURITY_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export interface RouteContext {
  readonly url: URL;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
}

/** Extra GET routes (e.g. figures) mounted by path prefix; they run after the token check. */
export type ExtraRoute = (context: RouteContext) => Promise<boolean>;

export interface BrowserHostOptions {
  readonly handlers: ApiHandlers;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
  readonly routes?: readonly ExtraRoute[];
}

export interface BrowserHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void;
  close(): Promise<void>;
}

function sameToken(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/plain; charset=utf-8',
  extraHeaders: Record<string, string> = {},
) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, ...extraHeaders });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const clients = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveStatic = async (url: URL, response: ServerResponse, setCookie: boolean) => {
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    let path: string;
    try {
      path = await resolveInside(options.rendererDir, relative);
    } catch {
      return send(response, 404, 'Not found');
    }
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return send(response, 404, 'Not found');
    }
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'content-type': contentTypeOf(path),
    };
    if (setCookie) headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    response.writeHead(200, headers);
    response.end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return send(response, 403, 'Forbidden: unexpected Host header');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    const headerToken = request.headers[TOKEN_HEADER];
    const headerOk = sameToken(token, typeof headerToken === 'string' ? headerToken : undefined);
    const authorised = headerOk || sameToken(token, queryToken) || sameToken(token, cookieToken(request));
    if (!authorised) return send(response, 403, 'Forbidden: this server needs the token from the URL that `report-editor serve` printed');

    if (url.pathname.startsWith('/api/invoke/')) {
      // State-changing calls: the token must be in the header (a cross-site form cannot set it)
      // and a browser-sent Origin must be ours.
      const origin = request.headers.origin;
      if (request.method !== 'POST' || !headerOk || (origin !== undefined && !allowedHosts().has(origin.replace(/^https?:\/\//, '')))) {
        return send(response, 403, 'Forbidden');
      }
      let result: { ok: true; value: unknown } | { ok: false; error: string };
      const started = performance.now();
      try {
        const body = await readBody(request);
        const value = await dispatch(options.handlers, decodeURIComponent(url.pathname.slice('/api/invoke/'.length)), body ? JSON.parse(body) : {});
        result = { ok: true, value: value ?? null };
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      const json = JSON.stringify(result);
      // How long the host worked on the call, for the page's resource timing (the benchmarks
      // split an open into page, network and host time with it).
      const serverTiming = `host;dur=${(performance.now() - started).toFixed(1)}`;
      return send(response, result.ok ? 200 : 400, json, 'application/json; charset=utf-8', { 'server-timing': serverTiming });
    }
    if (url.pathname === '/api/events') {
      response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), 15_000);
      request.on('close', () => {
        clearInterval(heartbeat);
        clients.delete(response);
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    for (const route of options.routes ?? []) {
      if (await route({ url, request, response })) return;
    }
    return serveStatic(url, response, sameToken(token, queryToken));
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else response.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    emit(event, payload) {
      const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const client of clients) client.write(data);
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Where the built renderer is, relative to the bundled CLI (dist/cli → out/renderer). */
export function defaultRendererDir(): string {
  return process.env['REPORT_EDITOR_RENDERER_DIR'] ?? join(import.meta.dirname, '..', '..', 'out', 'renderer');
}
