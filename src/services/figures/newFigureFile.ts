/**
 * Writing a new figure file without ever replacing one: the bytes go to a flushed temp file that
 * is then hard-linked under its name (exclusive: it fails when the name exists), or, without hard
 * links, reserved with an exclusive create. A file with the same bytes already there is reused.
 */
import { link, open, readFile, readdir, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { syncFolder, tempPathFor, writeFileAtomic, writeFlushedTemp } from '../atomicWrite';
import { resolveInside } from '../safePath';
import { FigureError } from './figureError';
import { walkFigures } from './figureFolder';
import { candidateName } from './figureNames';

const MAX_CANDIDATES = 999;

/** node:crypto is loaded here, on first use: `check` reads figures but never hashes them. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file under `folder` holding exactly `bytes` (the preferred name first), or null. */
export async function findSameBytes(folder: string, bytes: Uint8Array, preferred: string): Promise<string | null> {
  const candidates = (await walkFigures(folder)).filter((f) => f.size === bytes.length);
  candidates.sort((a, b) => Number(basename(b.path) === preferred) - Number(basename(a.path) === preferred));
  const wanted = await sha256(bytes);
  for (const file of candidates) {
    try {
      if ((await sha256(await readFile(file.path))) === wanted) return file.path;
    } catch {
      // Vanished or unreadable: not a match.
    }
  }
  return null;
}

/** Errors meaning "this filesystem has no hard links" (FAT/exFAT, some network shares). */
export const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `bytes` as a new file at `path`, atomically and only if nothing is there yet: the bytes go
 * to a flushed temp file, which is then hard-linked to `path` (an exclusive operation: it fails when
 * the name exists, even if another process took it a moment ago). Without hard links, the name is
 * reserved with an exclusive create and replaced by writeFileAtomic. Returns false when taken.
 */
export async function writeNewFile(
  path: string,
  bytes: Uint8Array,
  options: { hardLinks?: boolean } = {},
): Promise<boolean> {
  const dir = dirname(path);
  const temp = tempPathFor(path);
  const useLinks = options.hardLinks !== false;
  if (useLinks) await writeFlushedTemp(temp, bytes);
  try {
    if (useLinks) {
      try {
        await link(temp, path);
        await syncFolder(dir);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') return false;
        if (!NO_HARD_LINKS.has(code)) throw error;
      }
    }
    let reservation;
    try {
      reservation = await open(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    await reservation.close();
    try {
      await writeFileAtomic(path, bytes);
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    return true;
  } finally {
    if (useLinks) await unlink(temp).catch(() => undefined);
  }
}

/** Writes under the first free `stem[-n].ext` in `dir` (free also case-insensitively). */
export async function writeUnderFreeName(dir: string, stem: string, extension: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; n <= MAX_CANDIDATES; n++) {
    const name = candidateName(stem, extension, n);
    const taken = new Set((await readdir(dir)).map((entry) => entry.toLowerCase()));
    if (taken.has(name.toLowerCase())) continue;
    const path = await resolveInside(dir, name);
    if (await writeNewFile(path, bytes)) return path;
  }
  throw new FigureError(
    'exists',
    `${stem}.${extension} and ${MAX_CANDIDATES} numbered variants already exist in ${dir}.`,
  );
}
