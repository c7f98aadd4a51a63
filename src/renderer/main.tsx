/**
 * The page's entry, kept small: it applies the student's theme, asks the host for its facts and
 * the repo's report, and only then loads the app (React and the form: most of the page's script).
 * The host opens the report while that code is fetched, compiled and run, instead of after.
 */
import { getApi } from './api/getApi';
import { applyTextStep, applyTheme } from './layout/theme';
import { loadPrefs } from './layout/viewPrefs';
import type { Begun } from './renderApp';
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

let begun: Begun;
try {
  const api = getApi();
  begun = { api, startup: startUp(api) };
} catch (error) {
  begun = { error };
}
void import('./renderApp').then(({ renderApp }) => renderApp(container, begun));
