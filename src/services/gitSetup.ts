/**
 * Installing the merge driver for a report (what `report-editor git-setup` and the app's banner
 * run). Two parts, because git splits them: the `.gitattributes` line naming the driver for the
 * report (committed, so the whole group has it) and the driver's command in this clone's
 * `.git/config` (never committed: git does not run commands a repository brings along). Idempotent.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { MERGE_DRIVER_NAME } from './gitAwareness';
import { runGit } from './gitCommand';

export const DRIVER_NAME = MERGE_DRIVER_NAME;
const DRIVER_LABEL = 'MLOps report: merge answer by answer (report-editor merge-driver)';

/** A word for `sh -c`, which git uses to run a driver (also Git for Windows, through its bash). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A path as a .gitattributes pattern that matches only that file: glob characters become bracket
 * classes (`[*]`), a path with spaces is C-quoted (the only way git lets a pattern hold one), and
 * a file in the repo root is anchored with `/` (a bare `README.md` would match every README.md).
 */
export function attributePattern(path: string): string {
  const literal = (path.includes('/') ? path : `/${path}`).replace(/[*?[]/g, (c) => `[${c}]`);
  return /[\s"\\]/.test(literal) ? `"${literal.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\t')}"` : literal;
}

/**
 * The command git runs: the absolute paths of this Node and this CLI, so git finds the driver even
 * when `report-editor` is not on PATH (run git-setup again after moving or reinstalling it).
 * `program` replaces the Node part (Electron runs the CLI as Node with ELECTRON_RUN_AS_NODE=1).
 *
 * When the driver cannot run (the CLI moved or removed, that Node uninstalled or upgraded into
 * another folder, a crash: anything but its own 0 "merged" or 1 "conflicts written"), git would
 * take OURS as it is, with no markers, and only say CONFLICT: committing that would silently drop
 * the pulled answers. So the command then falls back to git's own line merge (`git merge-file`,
 * what git does without the driver) and says to run git-setup again.
 */
export function driverCommand(entry: string | undefined, program = shellQuote(process.execPath)): string {
  const run = entry ? `${program} ${shellQuote(entry)}` : 'report-editor';
  // Node exits 1 for a script that is not there, as the driver does for a conflict: look first.
  const present = entry ? `[ -f ${shellQuote(entry)} ] && ` : '';
  return (
    `${present}${run} merge-driver %O %A %B %P --marker-size %L; s=$?; [ $s -le 1 ] && ${present}exit $s; ` +
    `echo "report-editor: the merge driver could not run, so git merged" %P "line by line; run report-editor git-setup again in this clone" >&2; ` +
    'git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B && exit 0; exit 1'
  );
}

/**
 * The driver's command from the desktop app: its CLI beside it, run by Electron's own Node
 * (ELECTRON_RUN_AS_NODE). Null when the CLI is not there (an installer without it).
 */
export function electronDriverCommand(appPath: string): string | null {
  const entry = join(appPath, 'dist', 'cli', 'report-editor.js');
  return existsSync(entry) ? driverCommand(entry, `ELECTRON_RUN_AS_NODE=1 ${shellQuote(process.execPath)}`) : null;
}

async function mergeAttribute(root: string, path: string): Promise<string> {
  const { stdout } = await runGit(root, ['check-attr', 'merge', '--', path]);
  return stdout.trim().replace(/^.*: merge: /, '');
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export type GitSetupResult =
  | {
      readonly ok: true;
      readonly root: string;
      /** The report's path in the repository. */
      readonly path: string;
      /** What was done, one line each (as `git-setup` prints them). */
      readonly lines: readonly string[];
      /** .gitattributes changed or is not committed: the group should commit it. */
      readonly toCommit: boolean;
      /** A .gitignore ignores .gitattributes: only `git add -f` adds it (status does not list it either). */
      readonly ignored: boolean;
    }
  /** Exit code 2: not a repository, git config failed; 1: a nearer .gitattributes overrides ours. */
  | { readonly ok: false; readonly code: 1 | 2; readonly message: string };

/** Installs the merge driver for the report at `reportPath`, with `command` as the driver's command. */
export async function installMergeDriver(reportPath: string, command: string): Promise<GitSetupResult> {
  const top = await runGit(dirname(reportPath), ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) {
    return { ok: false, code: 2, message: `${reportPath} is not inside a git repository (clone your group's repository, or run git init)` };
  }
  const root = await realpath(top.stdout.trim());
  const path = relative(root, await realpath(reportPath)).split(sep).join('/');
  const lines: string[] = [];

  // 1. .gitattributes at the repo root, unless git already uses the driver for the report.
  const attributesPath = join(root, '.gitattributes');
  let attributesChanged = false;
  if ((await mergeAttribute(root, path)) === DRIVER_NAME) {
    lines.push(`  ✓ .gitattributes already sends ${path} to the merge driver`);
  } else {
    const before = (await readOptional(attributesPath)) ?? '';
    const eol = before.includes('\r\n') ? '\r\n' : '\n';
    const line = `${attributePattern(path)} merge=${DRIVER_NAME}`;
    const added = `# Merge the report answer by answer (report-editor git-setup)${eol}${line}${eol}`;
    await writeFile(attributesPath, before === '' || /[\r\n]$/.test(before) ? before + added : before + eol + added);
    const now = await mergeAttribute(root, path);
    if (now !== DRIVER_NAME) {
      return {
        ok: false,
        code: 1,
        message: `added "${line}" to ${attributesPath}, but git still says merge=${now} for ${path}: a .gitattributes nearer to the report overrides it; remove the merge setting there`,
      };
    }
    attributesChanged = true;
    lines.push(`  ✓ .gitattributes: added "${line}"`);
  }

  // 2. The driver's command in this clone's config.
  const current = await runGit(root, ['config', '--local', '--get', `merge.${DRIVER_NAME}.driver`]);
  const was = current.code === 0 ? current.stdout.trim() : null;
  await runGit(root, ['config', '--local', `merge.${DRIVER_NAME}.name`, DRIVER_LABEL]);
  if (was !== command) {
    const set = await runGit(root, ['config', '--local', `merge.${DRIVER_NAME}.driver`, command]);
    if (set.code !== 0) return { ok: false, code: 2, message: `git config failed: ${set.stderr.trim()}` };
  }
  lines.push(
    `  ✓ git config (this clone only) merge.${DRIVER_NAME}.driver ${was === command ? 'already is' : was === null ? 'set to' : `changed from ${was} to`}:`,
    `      ${command}`,
  );

  const status = await runGit(root, ['status', '--porcelain', '--', '.gitattributes']);
  const tracked = (await runGit(root, ['ls-files', '--', '.gitattributes'])).stdout.trim() !== '';
  const ignored = !tracked && (await runGit(root, ['check-ignore', '-q', '--', '.gitattributes'])).code === 0;
  return { ok: true, root, path, lines, toCommit: attributesChanged || ignored || status.stdout.trim() !== '', ignored };
}
