/**
 * Crash-safe file replacement: write a temp file in the same folder, flush it to disk, give it the
 * original's mode, then rename it over the original. A crash at any moment leaves either the old or
 * the new file, never a truncated or mixed one.
 *
 * A kill between creating the temp file and renaming it leaves the temp file behind (the original
 * is intact). Such leftovers are swept after every write and when a report is opened, once they
 * are old enough that no live save can still own them.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { assertWritable } from './writePermission';

/** Our temp files: `.<name>.<12 hex digits>.tmp`, beside the file they replace. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** A live save holds its temp file for milliseconds; one untouched this long was left by a kill. */
export const STALE_TEMP_MS = 60_000;

/** Removes our temp files in `dir` not modified for `olderThanMs`; returns their paths. Never throws. */
export async function removeStaleTempFiles(dir: string, olderThanMs = STALE_TEMP_MS): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (!info.isFile() || Date.now() - info.mtimeMs < olderThanMs) continue;
      await unlink(path);
      removed.push(path);
    } catch {
      // Gone already (another sweep), or not ours to remove: leave it.
    }
  }
  return removed;
}

/** A fresh temp path beside `path`, in the name pattern the sweep recognises. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Creates `temp` (never an existing file), writes `data`, flushes it to disk and closes it, giving
 * it `keepMode` when set; on any failure the temp file is removed and the error rethrown.
 */
export async function writeFlushedTemp(temp: string, data: string | Uint8Array, keepMode?: number): Promise<void> {
  const handle = await open(temp, 'wx', keepMode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
    // open()'s mode is masked by the umask; a replaced file's mode must survive exactly.
    if (keepMode !== undefined) await handle.chmod(keepMode);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** Flushes a folder's entries, so a rename or link in it survives a power cut (not on Windows). */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

export interface AtomicWriteOptions {
  /**
   * When `requestedPath` is a symlink, replace the link itself with the new file instead of the
   * file it points to (the export: a link's target, which may be anywhere, is never written).
   */
  readonly replaceLink?: boolean;
}

export async function writeFileAtomic(requestedPath: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  // A symlinked report stays a symlink: replace the file it points to, not the link.
  const path = options.replaceLink ? requestedPath : await realpath(requestedPath).catch(() => requestedPath);
  const dir = dirname(path);
  const temp = tempPathFor(path);
  let mode: number | undefined;
  try {
    const info = options.replaceLink ? await lstat(path) : await stat(path);
    mode = info.isSymbolicLink() ? undefined : info.mode & 0o7777;
  } catch {
    mode = undefined; // a new file gets the default mode
  }
  // A file made read-only is not replaced behind the user's back (the rename would succeed in any
  // writable folder, and root could write it anyway): refuse as an editor would.
  if (mode !== undefined) await assertWritable(path);
  await writeFlushedTemp(temp, data, mode);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
  await removeStaleTempFiles(dir);
}
