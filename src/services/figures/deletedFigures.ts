/**
 * Figures deleted in this session, kept in memory so that an undo can bring them back. Deleting a
 * figure is confirmed, but "undo for anything that edits" holds for files too: the problems
 * panel's delete fix and the card's Remove → Delete are undone like the text changes around them.
 * Only the newest few are kept (a screenshot is a few MB); a token names each, so a page can put
 * back only what it deleted, and only where it was, never over a file that took the name since.
 */
import { randomUUID } from 'node:crypto';
import { FigureError } from './figureError';
import { writeNewFile } from './newFigureFile';

interface Deleted {
  readonly path: string;
  readonly relativeLink: string;
  readonly bytes: Uint8Array;
}

const MAX_KEPT = 20;
const MAX_KEPT_BYTES = 100 * 1024 * 1024;
const kept = new Map<string, Deleted>();

/** Keeps a deleted file's bytes; answers the token that restores it. */
export function keepDeleted(path: string, relativeLink: string, bytes: Uint8Array): string {
  const token = randomUUID();
  kept.set(token, { path, relativeLink, bytes });
  let total = 0;
  for (const entry of kept.values()) total += entry.bytes.length;
  // Oldest first (a Map iterates in insertion order); the newest is always kept.
  for (const [oldest, entry] of kept) {
    if (kept.size <= 1 || (kept.size <= MAX_KEPT && total <= MAX_KEPT_BYTES)) break;
    kept.delete(oldest);
    total -= entry.bytes.length;
  }
  return token;
}

/** Writes the file back where it was; refuses when it is no longer kept or the name is taken. */
export async function restoreDeleted(token: string): Promise<{ relativeLink: string }> {
  const entry = kept.get(token);
  if (!entry) throw new FigureError('not-found', 'That deleted file is no longer kept; nothing was restored.');
  if (!(await writeNewFile(entry.path, entry.bytes))) {
    throw new FigureError('exists', `${entry.relativeLink} exists again; nothing was restored.`);
  }
  kept.delete(token);
  return { relativeLink: entry.relativeLink };
}
