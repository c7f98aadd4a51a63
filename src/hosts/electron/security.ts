/**
 * Guards that hold for every web contents the app ever has — the main window, a devtools page, or
 * one some later change creates by mistake — not only for the window main builds itself
 * (Electron's security checklist: limit navigation, window creation and <webview>, and deny
 * permissions, both requested and merely checked).
 */
import { app, shell, type Session, type WebContents } from 'electron';

/** Only http(s) links leave the app, and only to the system browser. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function openInBrowser(url: string): void {
  if (isWebLink(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) URLs, tested on this line
}

/** No camera, microphone, notifications, clipboard reads…: the app needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Checks are the synchronous "is this granted?" queries (navigator.permissions, some APIs ask
  // before requesting); without a handler Electron answers yes for several of them.
  session.setPermissionCheckHandler(() => false);
}

/** The rules for one web contents: no <webview>, no new windows, no navigation away. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url === contents.getURL()) return;
    event.preventDefault();
    openInBrowser(url);
  });
  // A server redirect is a navigation too; the app's own scheme never redirects.
  contents.on('will-redirect', (event) => event.preventDefault());
  denyAllPermissions(contents.session);
}

/** Applies guardWebContents to every web contents, as it is created. Call before any window. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
