/**
 * Crash-safe file replacement: write a temp file in the same folder, flush it to disk, give it the
 * original's mode, then rename it over the original. A crash at any moment leaves either the old or
 * the new file, never a truncated or mixed one.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(requestedPath: string, data: string | Uint8Array): Promise<void> {
  // A symlinked report stays a symlink: replace the file it points to, not the link.
  const path = await realpath(requestedPath).catch(() => requestedPath);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch {
    mode = undefined; // a new file gets the default mode
  }
  const handle = await open(temp, 'wx', mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
    if (mode !== undefined) await handle.chmod(mode);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // Flush the directory entry too, so the rename itself survives a power cut (not on Windows).
  if (process.platform !== 'win32') {
    const dirHandle = await open(dir, 'r').catch(() => null);
    await dirHandle?.sync().catch(() => undefined);
    await dirHandle?.close();
  }
}
