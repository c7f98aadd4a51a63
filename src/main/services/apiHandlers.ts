/**
 * The contract's channels bound to the services. Both hosts dispatch to these handlers, so the
 * renderer behaves the same in Electron and in the browser; only the host capabilities differ.
 */
import type { Channel, InitialState, RequestOf, ResponseOf } from '../../api/contract';
import { isChannel, validateRequest, InvalidRequestError } from '../../api/schemas';
import type { RecentRepos } from './recentRepos';
import type { ReportWorkspace } from './reportWorkspace';

/** What only the host can do (native dialogs, the system browser, quitting). */
export interface HostCapabilities {
  readonly host: InitialState['host'];
  readonly version: string;
  readonly initialPath: string | null;
  pickFolder(): Promise<string | null>;
  pickReportFile(repoRoot: string): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  readyToQuit(): void;
}

export type ApiHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export function createApiHandlers(workspace: ReportWorkspace, recent: RecentRepos, host: HostCapabilities): ApiHandlers {
  return {
    getInitialState: async () => ({
      host: host.host,
      platform: process.platform,
      initialPath: host.initialPath,
      recent: await recent.list(),
      version: host.version,
    }),
    openPath: async (request) => workspace.openPath(request.path),
    pickFolder: async () => host.pickFolder(),
    pickReportFile: async (request) => host.pickReportFile(request.repoRoot),
    saveReport: async (request) => workspace.save(request),
    listRecent: async () => recent.list(),
    openExternal: async (request) => host.openExternal(request.url),
    readyToQuit: async () => host.readyToQuit(),
  };
}

/** Validates the channel name and the request against its schema, then runs its handler. */
export async function dispatch(handlers: ApiHandlers, channel: string, request: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new InvalidRequestError(channel, 'unknown channel');
  const valid = validateRequest(channel, request) as never;
  return (handlers[channel] as (request: never) => Promise<unknown>)(valid);
}
