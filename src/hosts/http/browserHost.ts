/**
 * The browser host: serves the built renderer and the ReportApi over HTTP on 127.0.0.1 only, for
 * students on remote dev boxes, Codespaces or WSL — and for the end-to-end tests.
 *
 * The per-run token is the first segment of every path: the page is `/t/<token>/`, and its
 * scripts, API calls, events and figures are relative URLs below it. No cookie: cookies ignore
 * ports, so a cookie credential was sent to every other server on 127.0.0.1 the browser visited,
 * and two `serve` instances overwrote each other's. State-changing calls must also carry the token
 * in a header (a cross-site form cannot set one); the Host header must name this server, which
 * defeats DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ApiEvents, EventName, FigureImportOutcome } from '../../api/contract';
import { LARGE_REQUEST_CHANNELS } from '../../api/schemas';
import { dispatch, type ApiHandlers } from '../../services/apiHandlers';
import { contentTypeOf, RENDERER_CSP } from '../../services/contentTypes';
import { MAX_FIGURE_INPUT_BYTES } from '../../services/figures/figureImport';
import { resolveInside } from '../../services/safePath';
import { MalformedBodyError, publicError } from './apiErrors';
import { parseFigureImportHeader, FIGURE_IMPORT_HEADER, type FigureImportRequest } from './figureImportRequest';
import { BodyBudget, BodyTooLargeError, readBodyText, streamBodyToFile } from './requestBody';

export const TOKEN_HEADER = 'x-report-token';
/** Bodies of calls that carry no report text (open, recent, dialogs…). */
const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/** Calls whose request grows with the report (its text, or every path it links): 25 MB plus JSON's escaping. */
const REPORT_TEXT_BODY_LIMIT = 32 * 1024 * 1024;
/**
 * Memory for all JSON bodies held at once (a body costs twice its size: bytes and text): a save
 * of a maximal report, with room for the small calls beside it.
 */
const BODY_BUDGET_BYTES = 80 * 1024 * 1024;
/** Figure uploads streaming to disk at once (each up to the figure size limit). */
const MAX_CONCURRENT_UPLOADS = 4;
/** How much of a refused body, and for how long, is read and dropped before the host hangs up. */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;
const DRAIN_GRACE_MS = 10_000;

const SECURITY_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export interface RouteContext {
  /** The request's URL with the `/t/<token>` prefix taken off (`/report-files/a.png`). */
  readonly url: URL;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
}

/** Extra GET routes (e.g. figures) mounted by path prefix; they run after the token check. */
export type ExtraRoute = (context: RouteContext) => Promise<boolean>;

/** Imports one uploaded image next to the open report (the service behind `importFigures`). */
export type FigureImporter = (request: FigureImportRequest & { bytes: Uint8Array }) => Promise<readonly FigureImportOutcome[]>;

export interface BrowserHostOptions {
  readonly handlers: ApiHandlers;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  readonly port?: number;
  readonly token?: string;
  readonly routes?: readonly ExtraRoute[];
  /** Where streamed figure uploads go; without it, uploads are refused (404). */
  readonly importFigure?: FigureImporter;
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

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/plain; charset=utf-8',
  extraHeaders: Record<string, string> = {},
) {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': contentType, ...extraHeaders };
  if (!request.complete) {
    // Answering before the body was read (a 413): some more of it is read and dropped, so the
    // client reads the answer before the connection closes (closing at once makes its kernel
    // discard the answer with a reset); past a few MB or seconds the host hangs up.
    let drained = 0;
    request.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) request.socket.destroy();
    });
    setTimeout(() => request.socket.destroy(), DRAIN_GRACE_MS).unref();
  }
  response.writeHead(status, headers);
  response.end(body);
}

const sendJson = (request: IncomingMessage, response: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
  send(request, response, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

/** Runs tasks one after another (figure imports: one decoded image in memory at a time). */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const base = `/t/${token}/`;
  const clients = new Set<ServerResponse>();
  const budget = new BodyBudget(BODY_BUDGET_BYTES);
  const uploadDir = await mkdtemp(join(tmpdir(), 'report-editor-uploads-'));
  const importQueue = serialQueue();
  let uploading = 0;
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveStatic = async (url: URL, request: IncomingMessage, response: ServerResponse) => {
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    let path: string;
    try {
      path = await resolveInside(options.rendererDir, relative);
    } catch {
      return send(request, response, 404, 'Not found');
    }
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return send(request, response, 404, 'Not found');
    }
    return send(request, response, 200, body, contentTypeOf(path));
  };

  const invoke = async (channel: string, request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    let status = 200;
    let result: { ok: true; value: unknown } | { ok: false; error: string };
    const limit = LARGE_REQUEST_CHANNELS.has(channel) ? REPORT_TEXT_BODY_LIMIT : JSON_BODY_LIMIT;
    let release = () => undefined as void;
    try {
      const body = await readBodyText(request, limit, budget);
      release = body.release;
      let parsed: unknown;
      try {
        parsed = body.text ? JSON.parse(body.text) : {};
      } catch {
        throw new MalformedBodyError();
      }
      const value = await dispatch(options.handlers, channel, parsed);
      result = { ok: true, value: value ?? null };
    } catch (error) {
      const refused = publicError(error, channel);
      status = refused.status;
      result = { ok: false, error: refused.message };
    } finally {
      release();
    }
    // How long the host worked on the call, for the page's resource timing (the benchmarks
    // split an open into page, network and host time with it).
    const serverTiming = `host;dur=${(performance.now() - started).toFixed(1)}`;
    return sendJson(request, response, status, result, { 'server-timing': serverTiming });
  };

  const importFigure = async (request: IncomingMessage, response: ServerResponse) => {
    const importer = options.importFigure;
    if (!importer) return send(request, response, 404, 'Not found');
    const meta = parseFigureImportHeader(request.headers[FIGURE_IMPORT_HEADER]);
    if (!meta) return sendJson(request, response, 400, { ok: false, error: 'Invalid request for importFigures' });
    if (uploading >= MAX_CONCURRENT_UPLOADS) {
      return sendJson(request, response, 413, { ok: false, error: new BodyTooLargeError('budget').message });
    }
    uploading++;
    const file = join(uploadDir, randomBytes(12).toString('hex'));
    try {
      await streamBodyToFile(request, file, MAX_FIGURE_INPUT_BYTES);
      const value = await importQueue(async () => importer({ ...meta, bytes: await readFile(file) }));
      return sendJson(request, response, 200, { ok: true, value });
    } catch (error) {
      const refused = publicError(error, 'importFigures');
      return sendJson(request, response, refused.status, { ok: false, error: refused.message });
    } finally {
      uploading--;
      await unlink(file).catch(() => undefined);
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return send(request, response, 403, 'Forbidden: unexpected Host header');
    }
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = queryAt === -1 ? '' : target.slice(queryAt);
    // `/t/<token>/…`: the token is compared in constant time before anything else is looked at.
    const tokenEnd = rawPath.indexOf('/', 3);
    const given = rawPath.startsWith('/t/') ? rawPath.slice(3, tokenEnd === -1 ? undefined : tokenEnd) : null;
    if (!sameToken(token, given)) {
      return send(request, response, 403, 'Forbidden: open the URL that `report-editor serve` printed (it carries a private token)');
    }
    if (tokenEnd === -1) return send(request, response, 308, '', undefined, { location: `${base}${query}` });
    const rest = rawPath.slice(tokenEnd);
    try {
      decodeURIComponent(rest);
    } catch {
      return send(request, response, 400, 'Bad request: malformed percent-encoding in the URL');
    }
    const url = new URL(`${rest}${query}`, `http://127.0.0.1:${port}`);

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
    if (url.pathname.startsWith('/api/')) {
      // State-changing calls: the token must be in the header (a cross-site form cannot set it)
      // and a browser-sent Origin must be ours.
      const headerToken = request.headers[TOKEN_HEADER];
      const origin = request.headers.origin;
      const headerOk = sameToken(token, typeof headerToken === 'string' ? headerToken : undefined);
      if (request.method !== 'POST' || !headerOk || (origin !== undefined && !allowedHosts().has(origin.replace(/^https?:\/\//, '')))) {
        return send(request, response, 403, 'Forbidden');
      }
      if (url.pathname.startsWith('/api/invoke/')) return invoke(decodeURIComponent(url.pathname.slice('/api/invoke/'.length)), request, response);
      if (url.pathname === '/api/import-figure') return importFigure(request, response);
      return send(request, response, 404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(request, response, 405, 'Method not allowed');
    for (const route of options.routes ?? []) {
      if (await route({ url, request, response })) return;
    }
    return serveStatic(url, request, response);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // Fixed text: an exception's message is the host's internals, not the page's business.
      if (!response.headersSent) send(request, response, 500, 'Internal error');
      else response.end();
    });
  });
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    await rm(uploadDir, { recursive: true, force: true });
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}${base}`,
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
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Where the built renderer is: out/renderer in the package root. The root is found by walking up to
 * package.json because this file runs at two depths: bundled (dist/cli, dist/shared) and from source
 * (src/hosts/http, in tests and e2e).
 */
export function defaultRendererDir(): string {
  return process.env['REPORT_EDITOR_RENDERER_DIR'] ?? join(packageRoot(import.meta.dirname), 'out', 'renderer');
}

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return join(from, '..', '..');
  }
}
