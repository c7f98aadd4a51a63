/**
 * What the page asks for before React has rendered anything: the host's facts and, when the host
 * was started on a repo, that repo opened. The open is asked for the moment the facts arrive, not
 * after React's first render and effects: main.tsx asks before the app's code is even loaded, and
 * renderApp.tsx holds React's first render back until it has been asked.
 */
import type { InitialState, OpenResult, ReportApi } from '../api/contract';

export interface Startup {
  readonly initialState: Promise<InitialState>;
  /** The open of `initialState.initialPath`; null when the host was started without one. */
  readonly initialOpen: Promise<OpenResult | null>;
  /** Settles once the host's facts are in and the open, if any, has been asked for. */
  readonly asked: Promise<void>;
}

export function startUp(api: ReportApi): Startup {
  const initialState = api.invoke('getInitialState', {});
  const initialOpen = initialState.then((state) =>
    state.initialPath ? api.invoke('openPath', { path: state.initialPath }) : null,
  );
  // The app reports a failed start through `initialState`; this copy must not count as unhandled.
  initialOpen.catch(() => undefined);
  const asked = initialState.then(
    () => undefined,
    () => undefined,
  );
  return { initialState, initialOpen, asked };
}
