/**
 * Replacing the report only if it still holds what the save was judged against. A save reads the
 * disk, decides (saved / conflict), writes and flushes a temp file, and renames it over the report;
 * another program can write the report at any moment in between. Here:
 *
 * 1. the report is opened and read through one handle, and must hold the expected bytes;
 * 2. the temp file is written and flushed (the slow part);
 * 3. right before the rename, without yielding to the event loop: the bytes are read again through
 *    the handle and the name is checked to still lead to that same file (an editor that saves by
 *    renaming a new file into place gives it a new inode) — if anything changed, nothing is renamed;
 * 4. right after the rename, the replaced file is read once more through the handle: a program
 *    writing into it in place after step 3 is caught there, and its text is put back on disk.
 *
 * What remains: a program renaming its own file into place in the microseconds between the check in
 * step 3 and our rename (two back-to-back system calls) is replaced unseen; closing that needs an
 * atomic exchange (renameat2 RENAME_EXCHANGE), which Node does not offer. A program that keeps
 * writing to its open handle after step 4 writes to a file that no longer has a name — as with any
 * editor that saves by rename.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { link, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeStaleTempFiles, syncFolder, tempPathFor, writeFileAtomic, writeFlushedTemp } from './atomicWrite';
import { stampOf } from './diskStamp';

export type GuardedReplaceResult =
  | { readonly kind: 'replaced' }
  /** The report no longer holds the expected bytes; nothing of ours is on disk. */
  | { readonly kind: 'changed'; readonly bytes: Buffer };

/** The whole file, read through `fd` from its start, without yielding. */
function readAllSync(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.max(64 * 1024, fstatSync(fd).size - position + 1));
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
  return Buffer.concat(chunks);
}

/** A writer that truncates and rewrites in place needs a moment: wait until two reads agree. */
async function settledBytes(fd: number, first: Buffer): Promise<Buffer> {
  let previous = first;
  for (let i = 0; i < 25; i++) {
    await new Promise((done) => setTimeout(done, 20));
    const next = readAllSync(fd);
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** The report was absent when the save was judged: create it only if it still is. */
async function createIfAbsent(path: string, data: string | Uint8Array): Promise<GuardedReplaceResult> {
  const temp = tempPathFor(path);
  await writeFlushedTemp(temp, data);
  try {
    try {
      await link(temp, path); // fails if the name exists: never replaces what someone just created
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return { kind: 'changed', bytes: await readFile(path) };
      if (!LINK_UNSUPPORTED.has(code)) throw error;
      await rename(temp, path); // no hard links on this file system: best effort
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncFolder(dirname(path));
  return { kind: 'replaced' };
}

/**
 * Writes `data` over `requestedPath` (a symlink stays a symlink: its target is replaced) if the
 * file holds bytes whose stamp is `expected`, or creates it if `expected` is null and there is no
 * file. Otherwise writes nothing and answers what is there. The mode is kept.
 */
export async function replaceIfUnchanged(
  requestedPath: string,
  data: string | Uint8Array,
  expected: string | null,
): Promise<GuardedReplaceResult> {
  const path = await realpath(requestedPath).catch(() => requestedPath);
  if (expected === null) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) return createIfAbsent(path, data);
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Deleted since the save read it: nothing of theirs to lose, write it again.
    return createIfAbsent(path, data);
  }
  const temp = tempPathFor(path);
  let renamed = false;
  try {
    const before = readAllSync(fd);
    if (stampOf(before) !== expected) return { kind: 'changed', bytes: before };
    await writeFlushedTemp(temp, data, fstatSync(fd).mode & 0o7777);

    // The last look, and the rename, with nothing else of this process in between.
    const now = readAllSync(fd);
    if (stampOf(now) !== expected) return { kind: 'changed', bytes: now };
    const held = fstatSync(fd);
    let named;
    try {
      named = statSync(path);
    } catch {
      named = null; // deleted meanwhile: writing it again loses nothing
    }
    if (named && (named.ino !== held.ino || named.dev !== held.dev)) {
      return { kind: 'changed', bytes: await readFile(path) };
    }
    renameSync(temp, path);
    renamed = true;

    // Written in place between the last look and the rename? Then that text goes back on disk.
    const replaced = readAllSync(fd);
    if (stampOf(replaced) !== expected) {
      const theirs = await settledBytes(fd, replaced);
      const restored = await replaceIfUnchanged(path, theirs, stampOf(data));
      if (restored.kind === 'replaced') return { kind: 'changed', bytes: theirs };
      // A third writer got there in between: keep theirs beside the report rather than drop it.
      await writeFileAtomic(`${path}.theirs-${stampOf(theirs).slice(0, 12)}`, theirs);
      return { kind: 'changed', bytes: restored.bytes };
    }
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
    closeSync(fd);
  }
  await syncFolder(dirname(path));
  await removeStaleTempFiles(dirname(path));
  return { kind: 'replaced' };
}
