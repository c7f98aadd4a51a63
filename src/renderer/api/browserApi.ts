/**
 * The ReportApi over HTTP, for the browser host (`report-editor serve`). Requests carry the per-run
 * token from the page URL; events arrive over Server-Sent Events.
 */
import type { ApiEvents, Channel, EventName, ReportApi, RequestOf, ResponseOf } from '../../api/contract';

export const TOKEN_HEADER = 'x-report-token';
const KEEPALIVE_LIMIT = 60_000;

export function createBrowserApi(token: string, base = ''): ReportApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data as string) as { event: EventName; payload: never };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
  };

  return {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const body = JSON.stringify(request ?? {});
      const response = await fetch(`${base}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body,
        // A save started as the tab closes must still arrive; browsers allow keepalive bodies up to 64 kB.
        keepalive: channel === 'saveReport' && body.length < KEEPALIVE_LIMIT,
      });
      const reply = (await response.json()) as { ok: true; value: ResponseOf<C> } | { ok: false; error: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
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
