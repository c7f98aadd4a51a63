/**
 * `report-editor git-setup [PATH]`: makes git merge the report with `report-editor merge-driver`.
 * Two parts, because git splits them: the `.gitattributes` line naming the driver for the report
 * (committed, so the whole group has it) and the driver's command in this clone's `.git/config`
 * (never committed: git does not run commands a repository brings along). Idempotent.
 */
import { readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { GitMissingError, runGit } from '../../services/gitCommand';
import { locateReport } from '../../services/locateReport';
import type { CliIo, CommandRun } from './commands';

export const DRIVER_NAME = 'mlops-report';
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
 */
export function driverCommand(entry: string | undefined): string {
  const program = entry ? `${shellQuote(process.execPath)} ${shellQuote(entry)}` : 'report-editor';
  return `${program} merge-driver %O %A %B %P --marker-size %L`;
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

async function setup(located: { reportPath: string }, io: CliIo): Promise<number> {
  const top = await runGit(dirname(located.reportPath), ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) {
    io.err(`report-editor git-setup: ${located.reportPath} is not inside a git repository (clone your group's repository, or run git init)`);
    return 2;
  }
  const root = await realpath(top.stdout.trim());
  const path = relative(root, await realpath(located.reportPath)).split(sep).join('/');
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
      io.err(`report-editor git-setup: added "${line}" to ${attributesPath}, but git still says merge=${now} for ${path}: a .gitattributes nearer to the report overrides it; remove the merge setting there`);
      return 1;
    }
    attributesChanged = true;
    lines.push(`  ✓ .gitattributes: added "${line}"`);
  }

  // 2. The driver's command in this clone's config.
  const command = driverCommand(io.entry);
  const current = await runGit(root, ['config', '--local', '--get', `merge.${DRIVER_NAME}.driver`]);
  const was = current.code === 0 ? current.stdout.trim() : null;
  await runGit(root, ['config', '--local', `merge.${DRIVER_NAME}.name`, DRIVER_LABEL]);
  if (was !== command) {
    const set = await runGit(root, ['config', '--local', `merge.${DRIVER_NAME}.driver`, command]);
    if (set.code !== 0) {
      io.err(`report-editor git-setup: git config failed: ${set.stderr.trim()}`);
      return 2;
    }
  }
  lines.push(
    `  ✓ git config (this clone only) merge.${DRIVER_NAME}.driver ${was === command ? 'already is' : was === null ? 'set to' : `changed from ${was} to`}:`,
    `      ${command}`,
  );

  const status = await runGit(root, ['status', '--porcelain', '--', '.gitattributes']);
  const toCommit = attributesChanged || status.stdout.trim() !== '';
  io.out(`Git merge driver for ${path} in ${root}:`);
  for (const line of lines) io.out(line);
  io.out('');
  if (toCommit) {
    io.out('Commit .gitattributes so the whole group merges the report this way:');
    io.out('  git add .gitattributes && git commit -m "Merge the report answer by answer"');
  } else {
    io.out('Nothing to commit: .gitattributes is already committed.');
  }
  io.out('Each groupmate runs "report-editor git-setup" once in their own clone (git never takes a driver command from the repository).');
  io.out('Without it, git merges the report line by line, as before.');
  return 0;
}

export const runGitSetupCommand: CommandRun = async (args, io) => {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length > 1) {
    io.err('Usage: report-editor git-setup [PATH]');
    return 2;
  }
  const located = await locateReport(resolve(io.cwd, positionals[0] ?? '.'));
  try {
    return await setup(located, io);
  } catch (error) {
    if (error instanceof GitMissingError) {
      io.err(`report-editor git-setup: ${error.message}`);
      return 2;
    }
    throw error;
  }
};
