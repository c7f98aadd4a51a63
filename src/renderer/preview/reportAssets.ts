/**
 * What a preview needs from the host: the URL a figure of the report's folder loads from, and a
 * way to open a link outside the app. Kept apart from the rendering code so cards can use it
 * without loading the markdown pipeline.
 */
import { figureUrl, type InitialState, type ReportApi } from '../../api/contract';

/**
 * `relativePath` (relative to the report's folder, percent-decoded) normalised, or null when it
 * leaves the folder (`../x.png`, `/home/x.png`, `C:\x.png`): the hosts refuse those anyway, and
 * saying so up front gives the placeholder the right reason.
 */
export function insideReportFolder(relativePath: string): string | null {
  const path = relativePath.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return null;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('/');
}

/** The preview's `imageUrl` for a host: only files inside the report's folder are served. */
export function figureUrlFor(host: InitialState['host']): (relativePath: string) => string | null {
  return (relativePath) => {
    const inside = insideReportFolder(relativePath);
    return inside === null ? null : figureUrl(host, inside);
  };
}

/** Opens an http(s)/mailto link outside the app: the system browser (Electron) or a new tab. */
export function openLinkOutside(api: ReportApi, host: InitialState['host'], url: string): void {
  if (host === 'electron') {
    if (/^https?:/i.test(url)) void api.invoke('openExternal', { url }).catch(() => undefined);
    return;
  }
  window.open(url, '_blank', 'noopener,noreferrer');
}
