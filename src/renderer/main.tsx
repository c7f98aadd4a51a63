import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './api/getApi';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = createRoot(container);
try {
  const api = getApi();
  const initialState = api.invoke('getInitialState', {});
  root.render(
    <StrictMode>
      <App api={api} initialState={initialState} />
    </StrictMode>,
  );
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
