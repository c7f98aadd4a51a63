/**
 * The one typed contract between the renderer and whichever host runs it (Electron's main process
 * over IPC, or the browser host over HTTP + Server-Sent Events). The renderer only ever talks
 * through `ReportApi`; both hosts dispatch the same channels to the same services.
 *
 * The channels themselves are written once, as zod schemas in `schemas.ts`; this file derives their
 * types and passes on the data types they carry (`payloads.ts`). It imports schemas.ts for types
 * only, so the renderer's bundle does not carry zod.
 */
import type { z } from 'zod';
import type { InitialState } from './payloads';
import type { CHANNEL_SCHEMAS, EVENT_SCHEMAS } from './schemas';

export type * from './payloads';

/** Every invokable channel's name: the keys of `CHANNEL_SCHEMAS` (schemas.ts), written once there. */
export type Channel = keyof typeof CHANNEL_SCHEMAS;
/** What the renderer sends on a channel: the input type of its zod schema. */
export type RequestOf<C extends Channel> = z.input<(typeof CHANNEL_SCHEMAS)[C]['request']>;
/** What the host answers on a channel. */
export type ResponseOf<C extends Channel> = z.output<(typeof CHANNEL_SCHEMAS)[C]['response']>;
/** Request and response of every channel, by name. */
export type ApiChannels = { [C in Channel]: { request: RequestOf<C>; response: ResponseOf<C> } };

/** Events pushed from the host to the renderer: the payload types of `EVENT_SCHEMAS` (schemas.ts). */
export type ApiEvents = { [E in keyof typeof EVENT_SCHEMAS]: z.output<(typeof EVENT_SCHEMAS)[E]> };

export type EventName = keyof ApiEvents;

export interface ReportApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/**
 * Figures are shown through a route that serves only images inside the open report's folder:
 * Electron registers this privileged scheme, the browser host serves `report-files/…` below the
 * page's own `/t/<token>/` path (a relative URL, so the token travels with it).
 */
export const FIGURE_SCHEME = 'report-file';

/** The URL under which the UI loads `relativePath` (relative to the report's folder). */
export function figureUrl(host: InitialState['host'], relativePath: string): string {
  const encoded = relativePath
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
  return host === 'electron' ? `${FIGURE_SCHEME}://report/${encoded}` : `report-files/${encoded}`;
}

/** IPC channel names are namespaced so they cannot collide with Electron's or a library's. */
export const ipcChannel = (name: Channel | EventName): string => `report-api:${name}`;
