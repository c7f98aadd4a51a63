/**
 * Which figures the graders will actually get: they clone the repo, so a file git does not track —
 * or that `.gitignore` excludes — is missing for them even though it shows on the student's laptop.
 * Uses the real `git` CLI (no library re-implements `.gitignore` rules and the index exactly).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { isInside } from '../safePath';

export type GitAvailability =
  { readonly checked: true; readonly root: string } | { readonly checked: false; readonly reason: string };

export interface GitFileStatus {
  /** In the index (committed or staged). */
  readonly tracked: boolean;
  /** Untracked and excluded by an ignore rule: `source:line:pattern`, e.g. `.gitignore:3:*.png`. */
  readonly ignoredBy: string | null;
}

const GIT_TIMEOUT_MS = 15_000;

/** A git started from a hook or by another git must not act on that outer repo. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (
      /^GIT_(DIR|WORK_TREE|INDEX_FILE|PREFIX|COMMON_DIR|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE)$/.test(
        name,
      )
    ) {
      delete env[name];
    }
  }
  return { ...env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
}

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function git(cwd: string, args: string[], input?: string): Promise<GitRun> {
  // Loaded when git first runs: `check` on a report without figure files never starts git, and
  // child_process (with the stream and net modules behind it) is a visible share of its start-up.
  const { execFile } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env: cleanEnv(), timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 0;
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(error);
        if (error && code === 0) return reject(error);
        resolvePromise({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The work tree holding `folder`, or why the git checks cannot run. */
export async function gitAvailability(folder: string): Promise<GitAvailability> {
  let run: GitRun;
  try {
    run = await git(folder, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      checked: false,
      reason: code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `git could not run (${String(error)})`,
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
  const listed = await git(root, [
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
    const check = await git(root, ['check-ignore', '-z', '-v', '--stdin'], untracked.join('\0') + '\0');
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
  const run = await git(root, ['--literal-pathspecs', 'add', ...(force ? ['-f'] : []), '--', toGitPath(root, file)]);
  if (run.code !== 0) throw new Error(`git add failed: ${run.stderr.trim()}`);
}

/**
 * `git mv` of a tracked file: the rename is staged as one, so the figure stays in the repo under its
 * new name (a plain rename would leave it deleted for git and the new name untracked). `to` must
 * not exist; git refuses to overwrite without -f, which is never passed.
 */
export async function gitMove(root: string, from: string, to: string): Promise<void> {
  const run = await git(root, ['--literal-pathspecs', 'mv', '--', toGitPath(root, from), toGitPath(root, to)]);
  if (run.code !== 0) throw new Error(`git mv failed: ${run.stderr.trim()}`);
}
