/**
 * Which figures the graders will actually get: they clone the repo, so a file git does not track —
 * or that `.gitignore` excludes — is missing for them even though it shows on the student's laptop.
 * Uses the real `git` CLI (no library re-implements `.gitignore` rules and the index exactly).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { GitMissingError, runGit, type GitResult } from '../gitCommand';
import { isInside } from '../safePath';

export type GitAvailability =
  { readonly checked: true; readonly root: string } | { readonly checked: false; readonly reason: string };

export interface GitFileStatus {
  /** In the index (committed or staged). */
  readonly tracked: boolean;
  /** Untracked and excluded by an ignore rule: `source:line:pattern`, e.g. `.gitignore:3:*.png`. */
  readonly ignoredBy: string | null;
}

/** The work tree holding `folder`, or why the git checks cannot run. */
export async function gitAvailability(folder: string): Promise<GitAvailability> {
  let run: GitResult;
  try {
    run = await runGit(folder, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    return {
      checked: false,
      reason: error instanceof GitMissingError ? 'git is not installed (or not on PATH)' : `git could not run (${String(error)})`,
    };
  }
  if (run.code !== 0) return { checked: false, reason: 'the report is not inside a git repository' };
  const root = run.stdout.trim();
  return { checked: true, root: await realpath(root).catch(() => root) };
}

function toGitPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * Tracked/ignored status of files (absolute real paths inside `root`), in two git calls whatever
 * their number. Pathspecs are literal: a figure named `a[1]*.png` is that file, not a glob.
 */
export async function gitFileStatus(root: string, files: readonly string[]): Promise<Map<string, GitFileStatus>> {
  const result = new Map<string, GitFileStatus>();
  if (files.length === 0) return result;
  const byGitPath = new Map(files.map((f) => [toGitPath(root, f), f]));
  const gitPaths = [...byGitPath.keys()];
  const listed = await runGit(root, [
    '--literal-pathspecs',
    '-c',
    'core.quotePath=false',
    'ls-files',
    '-z',
    '--full-name',
    '--',
    ...gitPaths,
  ]);
  if (listed.code !== 0) throw new Error(`git ls-files failed: ${listed.stderr.trim()}`);
  const tracked = new Set(listed.stdout.split('\0').filter(Boolean));
  const untracked = gitPaths.filter((p) => !tracked.has(p));
  const ignored = new Map<string, string>();
  if (untracked.length > 0) {
    // Exit 1 means "nothing ignored"; 128 is a real error.
    const check = await runGit(root, ['check-ignore', '-z', '-v', '--stdin'], { input: untracked.join('\0') + '\0' });
    if (check.code > 1) throw new Error(`git check-ignore failed: ${check.stderr.trim()}`);
    const fields = check.stdout.split('\0');
    for (let i = 0; i + 3 < fields.length; i += 4) {
      const [source, line, pattern, path] = fields.slice(i, i + 4);
      // Sources are relative to the root, except global excludes (absolute, outside the repo).
      const shownSource = isAbsolute(source) && isInside(root, source) ? toGitPath(root, source) : source;
      if (path) ignored.set(path, `${shownSource}:${line}:${pattern}`);
    }
  }
  for (const [gitPath, file] of byGitPath) {
    result.set(file, {
      tracked: tracked.has(gitPath),
      ignoredBy: tracked.has(gitPath) ? null : (ignored.get(gitPath) ?? null),
    });
  }
  return result;
}

/** `git add [-f] -- file`: the one-click fix for an untracked (or ignored) figure. Nothing is committed. */
export async function gitAdd(root: string, file: string, force: boolean): Promise<void> {
  const run = await runGit(root, ['--literal-pathspecs', 'add', ...(force ? ['-f'] : []), '--', toGitPath(root, file)]);
  if (run.code !== 0) throw new Error(`git add failed: ${run.stderr.trim()}`);
}

/**
 * `git mv` of a tracked file: the rename is staged as one, so the figure stays in the repo under its
 * new name (a plain rename would leave it deleted for git and the new name untracked). `to` must
 * not exist; git refuses to overwrite without -f, which is never passed.
 */
export async function gitMove(root: string, from: string, to: string): Promise<void> {
  const run = await runGit(root, ['--literal-pathspecs', 'mv', '--', toGitPath(root, from), toGitPath(root, to)]);
  if (run.code !== 0) throw new Error(`git mv failed: ${run.stderr.trim()}`);
}
