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

/** Entries read from any one folder: more than a repo's source folder ever holds. */
export const FOLDER_ENTRY_LIMIT = 1_000;

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

/** A markdown file the search found. */
export interface FoundMarkdown {
  readonly path: string;
  /**
   * Inside a git repo of its own below the root, itself a git repo (a submodule, a clone of the
   * course's repo): a copy of the template there is not the group's report unless nothing else is.
   */
  readonly inNestedRepo: boolean;
}

/**
 * Markdown files in `root` down to SEARCH_DEPTH folders: files in the root's `reports/` folder
 * first, then by depth, then by path. `complete` is false when it read only part of the repo
 * (the entry budget ran out, or a folder had more than FOLDER_ENTRY_LIMIT entries).
 */
export async function searchMarkdownFiles(root: string): Promise<{ files: FoundMarkdown[]; complete: boolean }> {
  const found: { path: string; depth: number; nested: boolean }[] = [];
  let budget = SEARCH_ENTRY_BUDGET;
  let rootIsRepo = false;
  let cut = false;
  let level: { dir: string; nested: boolean }[] = [{ dir: root, nested: false }];
  for (let depth = 0; depth <= SEARCH_DEPTH && level.length > 0 && budget > 0; depth++) {
    const next: { dir: string; nested: boolean }[] = [];
    for (const { dir, nested: parentNested } of level.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
      if (budget <= 0) break;
      const subfolders: string[] = [];
      const markdown: string[] = [];
      let isVirtualenv = false;
      let isRepo = false;
      let read = 0;
      try {
        for await (const entry of await opendir(dir, { bufferSize: 256 })) {
          if (--budget <= 0) break;
          // A folder with thousands of entries is data (images/, samples/), whatever its name:
          // read no further, so that it does not spend the budget the rest of the repo needs.
          if (++read > FOLDER_ENTRY_LIMIT) {
            cut = true;
            break;
          }
          if (entry.name === '.git') isRepo = true;
          else if (entry.isFile() || entry.isSymbolicLink()) {
            if (entry.name === 'pyvenv.cfg') isVirtualenv = true;
            else if (MARKDOWN.test(entry.name)) markdown.push(join(dir, entry.name));
          } else if (entry.isDirectory() && !skipped(entry.name)) {
            subfolders.push(join(dir, entry.name));
          }
        }
      } catch {
        continue; // unreadable folder: nothing to find there
      }
      if (isVirtualenv) continue;
      if (depth === 0) rootIsRepo = isRepo;
      // A repo inside the repo is a submodule or a vendored clone; inside a folder that is no repo
      // (a parent of clones) it is where the reports are.
      const nested = parentNested || (isRepo && depth > 0 && rootIsRepo);
      for (const path of markdown) found.push({ path, depth, nested });
      next.push(...subfolders.map((sub) => ({ dir: sub, nested })));
    }
    level = next;
  }
  const inReports = (path: string) => relative(root, path).toLowerCase().startsWith(`reports${sep}`);
  const files = found
    .sort((a, b) => Number(inReports(b.path)) - Number(inReports(a.path)) || a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ path: f.path, inNestedRepo: f.nested }));
  return { files, complete: budget > 0 && !cut };
}
