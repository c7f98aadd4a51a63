/**
 * Where to look for a report inside a repo: every markdown file down to a few folders, skipping
 * what cannot hold it (git's store, dependencies, virtualenvs, caches, data and experiment outputs)
 * and stopping after a fixed number of directory entries, so a repo with 100,000 files under
 * `data/` opens as fast as an empty one.
 */
import { opendir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Folders below the repo root searched: `MyProject/reports/README.md` is 2 down. */
export const SEARCH_DEPTH = 4;

/** Directory entries read in all before the search gives up on the rest (a repo has ~hundreds). */
export const SEARCH_ENTRY_BUDGET = 20_000;

/**
 * Folders never entered, by name (compared lower-cased). Hidden folders (`.git`, `.venv`,
 * `.dvc`, `.pytest_cache`…) are skipped too, and any folder with a `pyvenv.cfg` (a virtualenv
 * under any name).
 */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '__pycache__',
  'site-packages',
  'venv',
  'env',
  'virtualenv',
  'data',
  'datasets',
  'dataset',
  'raw',
  'processed',
  'outputs',
  'output',
  'wandb',
  'mlruns',
  'lightning_logs',
  'multirun',
  'checkpoints',
  'logs',
  'htmlcov',
  'build',
  'dist',
  'target',
]);

const MARKDOWN = /\.(md|markdown)$/i;

function skipped(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name.toLowerCase());
}

/**
 * Markdown files in `root` down to SEARCH_DEPTH folders: files in the root's `reports/` folder
 * first, then by depth, then by path.
 */
export async function markdownFilesIn(root: string): Promise<string[]> {
  const found: { path: string; depth: number }[] = [];
  let budget = SEARCH_ENTRY_BUDGET;
  let level: string[] = [root];
  for (let depth = 0; depth <= SEARCH_DEPTH && level.length > 0 && budget > 0; depth++) {
    const next: string[] = [];
    for (const dir of level.sort()) {
      if (budget <= 0) break;
      const subfolders: string[] = [];
      let isVirtualenv = false;
      try {
        for await (const entry of await opendir(dir, { bufferSize: 256 })) {
          if (--budget <= 0) break;
          if (entry.isFile() || entry.isSymbolicLink()) {
            if (entry.name === 'pyvenv.cfg') isVirtualenv = true;
            else if (MARKDOWN.test(entry.name)) found.push({ path: join(dir, entry.name), depth });
          } else if (entry.isDirectory() && !skipped(entry.name)) {
            subfolders.push(join(dir, entry.name));
          }
        }
      } catch {
        continue; // unreadable folder: nothing to find there
      }
      if (!isVirtualenv) next.push(...subfolders);
    }
    level = next;
  }
  const inReports = (path: string) => relative(root, path).toLowerCase().startsWith(`reports${sep}`);
  return found
    .sort((a, b) => Number(inReports(b.path)) - Number(inReports(a.path)) || a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => f.path);
}
