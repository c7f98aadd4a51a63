/**
 * The exports this session wrote, so that "Open" only ever shows an HTML file the app itself wrote —
 * never a path the page names (a compromised page could otherwise have the system open a script or
 * an installer). A file is openable only while it is still exactly what was written: a regular
 * `.html`/`.htm` file, not a link, with the same bytes.
 */
import { lstat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stampOf } from './diskStamp';

export class NotOurExportError extends Error {
  constructor(path: string, why: string) {
    super(`Only an HTML file exported in this session can be opened; ${path} ${why}`);
    this.name = 'NotOurExportError';
  }
}

export class ExportRecord {
  /** Resolved path → sha-256 of what was written there. */
  private readonly written = new Map<string, string>();

  remember(path: string, sha256: string): void {
    this.written.set(resolve(path), sha256);
  }

  /** Resolves to the path when it may be opened; throws NotOurExportError otherwise. */
  async assertOpenable(requested: string): Promise<string> {
    const path = resolve(requested);
    const sha256 = this.written.get(path);
    if (sha256 === undefined) throw new NotOurExportError(path, 'was not exported in this session');
    if (!/\.html?$/i.test(path)) throw new NotOurExportError(path, 'is not an HTML file');
    let info;
    try {
      info = await lstat(path);
    } catch {
      throw new NotOurExportError(path, 'no longer exists; export again');
    }
    if (!info.isFile()) throw new NotOurExportError(path, 'was replaced by something that is not a file; export again');
    if (stampOf(await readFile(path)) !== sha256) throw new NotOurExportError(path, 'was changed since it was exported; export again');
    return path;
  }
}
