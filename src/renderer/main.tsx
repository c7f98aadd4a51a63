import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './api/getApi';
import { applyTextStep, applyTheme } from './layout/theme';
import { loadPrefs } from './layout/viewPrefs';
import { startUp } from './startup';
import './styles/app.css';

// The student's theme and text size before the first paint, so a dark setup never flashes light.
{
  let stored = null;
  try {
    stored = window.localStorage;
  } catch {
    // storage switched off: the defaults
  }
  const prefs = loadPrefs(stored);
  applyTheme(prefs.theme)(); // applied once; the app follows the system's changes from here
  applyTextStep(prefs.textStep);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = createRoot(container);
try {
  const api = getApi();
  const startup = startUp(api);
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
} catch (error) {
  root.render(
    <main className="center-screen" data-testid="open-error">
      <div className="panel">
        <h1>The app cannot reach its host</h1>
        <p className="message">{error instanceof Error ? error.message : String(error)}</p>
      </div>
    </main>,
  );
}
