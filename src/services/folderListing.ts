/**
 * Completion for a typed folder path, for the browser host's "Open folder…" (a browser has no
 * native folder picker and cannot tell the page where a dropped folder is). Confined to what a
 * folder picker shows: the names of sub-folders — never files, never anything's contents — with
 * hidden folders after the others, and a bounded amount of work however large the folder is.
 */
import { opendir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { FolderEntry, FolderListing } from '../api/contract';

export type { FolderEntry, FolderListing };

/** Sub-folders answered at most (a picker shows a screenful; typing narrows it). */
export const MAX_FOLDER_ENTRIES = 100;
/** Directory entries read at most: a folder of 100,000 files answers as fast as a small one. */
export const MAX_SCANNED_ENTRIES = 5000;

/** `~` and `~/…` mean the home folder, as in a shell (the path field's users type them). */
export function expandHome(path: string, home = homedir()): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || (sep === '\\' && path.startsWith('~\\'))) return join(home, path.slice(2));
  return path;
}

const endsWithSeparator = (path: string) => path.endsWith('/') || (sep === '\\' && path.endsWith('\\'));

/** Splits a typed path into the folder to list and the start of the name being typed. */
export function splitTyped(typed: string, base: string, home = homedir()): { folder: string; prefix: string } {
  const text = typed.trim();
  if (text === '') return { folder: home, prefix: '' };
  const expanded = expandHome(text, home);
  if (text === '~' || endsWithSeparator(expanded)) return { folder: resolve(base, expanded), prefix: '' };
  const absolute = resolve(base, expanded);
  // `resolve` drops a trailing `.`/`..`: those name a folder to list, not a prefix to match.
  const last = expanded.split(/[\\/]/).pop() ?? '';
  if (last === '.' || last === '..') return { folder: absolute, prefix: '' };
  return { folder: dirname(absolute), prefix: basename(absolute) };
}

function problemOf(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${folder} does not exist`;
  if (code === 'ENOTDIR') return `${folder} is not a folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${folder} cannot be read (permission denied)`;
  return `${folder} cannot be listed`;
}

/** Is this entry a folder (a symlink counts when it points at one)? Never throws. */
async function isFolder(path: string, isDirectory: boolean, isSymbolicLink: boolean): Promise<boolean> {
  if (isDirectory) return true;
  if (!isSymbolicLink) return false;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // a dangling link
  }
}

export interface ListOptions {
  /** Where a relative path starts (the host's working folder, as for opening). */
  readonly base?: string;
  readonly home?: string;
  readonly maxEntries?: number;
  readonly maxScanned?: number;
}

/** The sub-folders of the typed path's folder whose names start with its last part. */
export async function listFolders(typed: string, options: ListOptions = {}): Promise<FolderListing> {
  const { base = process.cwd(), home = homedir(), maxEntries = MAX_FOLDER_ENTRIES, maxScanned = MAX_SCANNED_ENTRIES } = options;
  const { folder, prefix } = splitTyped(typed, base, home);
  const wanted = prefix.toLowerCase();
  const visible: FolderEntry[] = [];
  const hidden: FolderEntry[] = [];
  let scanned = 0;
  let truncated = false;
  let dir;
  try {
    dir = await opendir(folder, { bufferSize: 256 });
  } catch (error) {
    return { folder, entries: [], truncated: false, problem: problemOf(error, folder) };
  }
  try {
    for await (const entry of dir) {
      if (++scanned > maxScanned) {
        truncated = true;
        break;
      }
      if (!entry.name.toLowerCase().startsWith(wanted)) continue;
      const path = join(folder, entry.name);
      if (!(await isFolder(path, entry.isDirectory(), entry.isSymbolicLink()))) continue;
      const isHidden = entry.name.startsWith('.');
      // Hidden folders are wanted only when asked for by name, and never crowd out the others.
      (isHidden ? hidden : visible).push({ name: entry.name, path, hidden: isHidden });
      if (visible.length >= maxEntries) {
        truncated = true;
        break;
      }
    }
  } catch (error) {
    return { folder, entries: [], truncated: false, problem: problemOf(error, folder) };
  } finally {
    // Breaking out of the loop closes the handle already; closing twice throws.
    await dir.close().catch(() => undefined);
  }
  const byName = (a: FolderEntry, b: FolderEntry) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
  const entries = [...visible.sort(byName), ...hidden.sort(byName)];
  if (entries.length > maxEntries) truncated = true;
  return { folder, entries: entries.slice(0, maxEntries), truncated, problem: null };
}
