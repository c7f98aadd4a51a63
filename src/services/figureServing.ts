/**
 * Serving the report's figures to the UI: the one rule behind Electron's figure protocol and the
 * browser host's token-checked figure route. Only image files, only inside the report's folder
 * (symlinks followed), so nothing else on the disk can be read through it.
 */
import { stat } from 'node:fs/promises';
import { imageTypeForPath } from '../core/render/imageSource';
import { OutsideRootError, resolveInside } from './safePath';

export type FigureRefusal =
  /** Not an image file name (only .png .jpg .jpeg .gif .webp .svg .avif .bmp are served). */
  | 'not-an-image'
  /** Lands outside the report's folder, directly or through a symlink. */
  | 'outside'
  /** Malformed path (bad percent-encoding, NUL byte, empty). */
  | 'bad-request'
  | 'not-found';

export type FigureResponse =
  | {
      readonly kind: 'file';
      /** Absolute path of the file to send. */
      readonly path: string;
      readonly contentType: string;
      /** Headers to send with it: no sniffing, and no scripts even in an SVG opened on its own. */
      readonly headers: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'refused';
      readonly reason: FigureRefusal;
      /** The HTTP status that fits: 400, 403 or 404. */
      readonly status: 400 | 403 | 404;
      readonly message: string;
    };

const refuse = (reason: FigureRefusal, message: string): FigureResponse => ({
  kind: 'refused',
  reason,
  status: reason === 'not-found' ? 404 : reason === 'bad-request' ? 400 : 403,
  message,
});

/**
 * Resolves a figure request. `urlPath` is the URL's path below the route, percent-encoded as it
 * arrives (`/figures/loss%20curve.png`, `figures/a.png?v=2`); it is taken relative to `reportDir`,
 * the folder of the open report.
 */
export async function resolveFigureRequest(reportDir: string, urlPath: string): Promise<FigureResponse> {
  const raw = urlPath.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return refuse('bad-request', `${urlPath} is not a valid URL path`);
  }
  const relativePath = decoded.replace(/\\/g, '/').replace(/^\/+/, '');
  if (relativePath === '' || relativePath.includes('\0')) return refuse('bad-request', `${urlPath} names no file`);
  const contentType = imageTypeForPath(relativePath);
  if (!contentType) return refuse('not-an-image', `${relativePath} is not an image file; only images are served`);
  let path: string;
  try {
    path = await resolveInside(reportDir, relativePath);
  } catch (error) {
    if (error instanceof OutsideRootError) return refuse('outside', `${relativePath} is outside the report's folder`);
    throw error;
  }
  try {
    if (!(await stat(path)).isFile()) return refuse('not-found', `${relativePath} is not a file`);
  } catch {
    return refuse('not-found', `${relativePath} does not exist`);
  }
  return {
    kind: 'file',
    path,
    contentType,
    headers: {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'no-cache',
    },
  };
}
