/**
 * The app's first render: React and the whole form, loaded by main.tsx after it has asked the host
 * for the report (so the host opens it while this code is fetched, compiled and run).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReportApi } from '../api/contract';
import { App } from './App';
import type { Startup } from './startup';

/** What main.tsx began: the host reached and asked, or why it could not be. */
export type Begun = { readonly api: ReportApi; readonly startup: Startup } | { readonly error: unknown };

export function renderApp(container: HTMLElement, begun: Begun): void {
  const root = createRoot(container);
  if ('error' in begun) {
    const { error } = begun;
    root.render(
      <main className="center-screen" data-testid="open-error">
        <div className="panel">
          <h1>The app cannot reach its host</h1>
          <p className="message">{error instanceof Error ? error.message : String(error)}</p>
        </div>
      </main>,
    );
    return;
  }
  const { api, startup } = begun;
  // React's first render (the first run of its code, tens of ms) waits until the open has been
  // asked for, so it happens while the host works instead of delaying the request. Never long:
  // a host that is slow to answer gets the loading screen after 200 ms.
  const render = () =>
    root.render(
      <StrictMode>
        <App api={api} startup={startup} />
      </StrictMode>,
    );
  void Promise.race([startup.asked, new Promise((done) => setTimeout(done, 200))]).then(render);
}
