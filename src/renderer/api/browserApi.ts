/**
 * The ReportApi over HTTP, for the browser host (`report-editor serve`). The page lives at
 * `/t/<token>/`; every request goes to a URL relative to it, so the token travels in the path
 * (and, for calls, also in a header). Events arrive over Server-Sent Events. Figures are uploaded
 * as raw bytes, one request per file, which the host streams to disk instead of parsing JSON.
 */
import type { ApiEvents, Channel, EventName, FigureImportOutcome, ReportApi, RequestOf, ResponseOf } from '../../api/contract';

export const TOKEN_HEADER = 'x-report-token';
/** Must match the host's header name (src/hosts/http/figureImportRequest.ts). */
const FIGURE_IMPORT_HEADER = 'x-figure-import';
const KEEPALIVE_LIMIT = 60_000;

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The page's path `/t/<token>/…` → the token, or null when the page was opened elsewhere. */
export function tokenFromPath(pathname: string): string | null {
  return /^\/t\/([A-Za-z0-9_-]+)\//.exec(pathname)?.[1] ?? null;
}

function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `base` is the app's URL (`http://127.0.0.1:PORT/t/<token>/`); requests resolve below it. */
export function createBrowserApi(token: string, base: string): ReportApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const at = (path: string) => new URL(path, base).toString();

  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(at('api/events'));
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data as string) as { event: EventName; payload: never };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  };

  const post = async <T>(path: string, body: BodyInit, headers: Record<string, string>, keepalive = false): Promise<T> => {
    const response = await fetch(at(path), { method: 'POST', headers: { ...headers, [TOKEN_HEADER]: token }, body, keepalive });
    const reply = (await response.json()) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  /** One request per file: the host bounds what it buffers per request. */
  const importFigures = async (request: RequestOf<'importFigures'>): Promise<FigureImportOutcome[]> => {
    const outcomes: FigureImportOutcome[] = [];
    for (const file of request.files) {
      const fields = { question: request.question, pasted: request.pasted, fileName: file.fileName };
      const meta = encodeURIComponent(JSON.stringify(fields));
      const body = new Blob([bytesOfBase64(file.base64)]);
      outcomes.push(...(await post<FigureImportOutcome[]>('api/import-figure', body, { 'content-type': 'application/octet-stream', [FIGURE_IMPORT_HEADER]: meta })));
    }
    return outcomes;
  };

  return {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      if (channel === 'importFigures') return (await importFigures(request as RequestOf<'importFigures'>)) as ResponseOf<C>;
      const body = JSON.stringify(request ?? {});
      // A save started as the tab closes must still arrive; browsers allow keepalive bodies up to 64 kB.
      const keepalive = channel === 'saveReport' && body.length < KEEPALIVE_LIMIT;
      return post<ResponseOf<C>>(`api/invoke/${channel}`, body, { 'content-type': 'application/json' }, keepalive);
    },
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      ensureEvents();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
