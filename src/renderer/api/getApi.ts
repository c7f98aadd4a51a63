/**
 * The renderer's one way to reach its host. In Electron the preload exposes `window.reportApi`;
 * in the browser host the page's path (`/t/<token>/`) carries the token for the HTTP API.
 */
import type { ReportApi } from '../../api/contract';
import { createBrowserApi, tokenFromPath } from './browserApi';

declare global {
  interface Window {
    reportApi?: ReportApi;
  }
}

let api: ReportApi | null = null;

export function getApi(): ReportApi {
  if (api) return api;
  if (window.reportApi) return (api = window.reportApi);
  const token = tokenFromPath(window.location.pathname);
  if (!token) throw new Error('This page must be opened with the URL that `report-editor serve` printed (it carries the access token).');
  return (api = createBrowserApi(token, new URL(`/t/${token}/`, window.location.href).toString()));
}

/** For tests: run the UI against a given API. */
export function setApi(next: ReportApi): void {
  api = next;
}
