/**
 * Finding the report in a student's repo: `reports/README.md` first, otherwise any markdown file in
 * the repo that holds the template. Groups rename it (`reports/readme.md`, `report/README.md`,
 * `exam_report.md`) or keep their project one folder down (`MyProject/reports/README.md`).
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isReportTemplate } from '../core/templateVersion';
import { decodeLeniently, readReportText, ReportFileError } from './reportFile';
import { FOLDER_ENTRY_LIMIT, SEARCH_DEPTH, SEARCH_ENTRY_BUDGET, searchMarkdownFiles } from './reportSearch';

export interface LocatedReport {
  /** Absolute path of the report markdown file. */
  readonly reportPath: string;
  /** The folder treated as the repo: the parent of `reports/`, or the report's folder. */
  readonly repoRoot: string;
  /**
   * The report's text as read while finding it (when it was read: always for `reports/README.md`,
   * `README.md` or a file named directly), so a batch of 100 reports reads each file once.
   */
  readonly text?: string;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The text of `path` when it holds the template, else null. */
async function templateText(path: string): Promise<string | null> {
  try {
    const text = await readReportText(path);
    return isReportTemplate(text) ? text : null;
  } catch {
    return null;
  }
}

/**
 * The git repo `folder` is inside, when it is not a repo root itself: a student who runs `check`
 * in `src/` is told where the report would be found.
 */
async function enclosingRepo(folder: string): Promise<string | null> {
  const hasGit = (dir: string) =>
    stat(join(dir, '.git')).then(
      () => true,
      () => false,
    );
  if (await hasGit(folder)) return null;
  for (let dir = dirname(folder); dir !== dirname(dir); dir = dirname(dir)) {
    if (await hasGit(dir)) return dir;
  }
  return null;
}

function repoRootOf(reportPath: string): string {
  const folder = dirname(reportPath);
  return basename(folder) === 'reports' ? dirname(folder) : folder;
}

/**
 * Whether a file the checker cannot read (UTF-16, Latin-1, a NUL byte) holds the template, read as
 * leniently as it takes to tell; null when it cannot be read at all (a folder, no permission).
 */
export async function holdsTemplateLeniently(path: string): Promise<boolean | null> {
  try {
    return isReportTemplate(decodeLeniently(await readFile(path)));
  } catch {
    return null;
  }
}

/**
 * Whether `path` holds the template, also when saved so that the checker cannot read it (UTF-16
 * from Windows, Latin-1): that file is the report, and checking it says how to re-save it, where
 * leaving it out said "no report found".
 */
async function holdsTemplate(path: string): Promise<boolean> {
  try {
    return isReportTemplate(await readReportText(path));
  } catch (error) {
    if (!(error instanceof ReportFileError) || (error.problem !== 'not-utf8' && error.problem !== 'binary'))
      return false;
    return (await holdsTemplateLeniently(path)) === true;
  }
}

/**
 * Markdown files holding the template anywhere in the repo (see `reportSearch.ts` for where it
 * looks and what it skips), shallowest first.
 */
export async function findReportCandidates(folder: string): Promise<string[]> {
  return (await searchCandidates(folder)).candidates;
}

/**
 * The candidates, and whether the search read the whole repo (down to SEARCH_DEPTH). Copies in a
 * nested git repo (a submodule, a clone of the course's repo) count only when no other file holds
 * the template.
 */
async function searchCandidates(folder: string): Promise<{ candidates: string[]; complete: boolean }> {
  const { files, complete } = await searchMarkdownFiles(folder);
  const own: string[] = [];
  const nested: string[] = [];
  for (const file of files) {
    if (await holdsTemplate(file.path)) (file.inNestedRepo ? nested : own).push(file.path);
  }
  return { candidates: await withoutLinks(own.length > 0 ? own : nested), complete };
}

/**
 * The candidates with each file once: a markdown symlink to the report (`docs/report.md` for a
 * docs site) is the same report, named by the real file when that is among them.
 */
async function withoutLinks(paths: string[]): Promise<string[]> {
  if (paths.length < 2) return paths;
  const byTarget = new Map<string, { path: string; link: boolean }>();
  for (const path of paths) {
    const target = await realpath(path).catch(() => path);
    const link = await lstat(path).then(
      (s) => s.isSymbolicLink(),
      () => false,
    );
    const seen = byTarget.get(target);
    if (seen === undefined || (seen.link && !link)) byTarget.set(target, { path, link });
  }
  const kept = new Set([...byTarget.values()].map((v) => v.path));
  return paths.filter((p) => kept.has(p));
}

/**
 * Resolves a repo root, a `reports/` folder or a markdown file to the report in it.
 * Throws ReportFileError `no-template` when none is found and `ambiguous` when several are
 * (the app lets the user choose; the CLI asks for a file).
 */
export async function locateReport(
  input: string,
  options: {
    /** Whether "no report found" in a folder inside a git repo names that repo (not for a clone in a folder of repos). */
    readonly nameEnclosingRepo?: boolean;
  } = {},
): Promise<LocatedReport> {
  const path = resolve(input);
  if (!(await isDirectory(path))) {
    const text = await readReportText(path); // turns a missing or unreadable file into a clear error
    return { reportPath: path, repoRoot: repoRootOf(path), text };
  }
  for (const preferred of [join(path, 'reports', 'README.md'), join(path, 'README.md')]) {
    const text = await templateText(preferred);
    if (text !== null) return { reportPath: preferred, repoRoot: repoRootOf(preferred), text };
  }
  const { candidates, complete } = await searchCandidates(path);
  if (candidates.length === 1) return { reportPath: candidates[0], repoRoot: path };
  if (candidates.length > 1) {
    throw new ReportFileError(
      'ambiguous',
      `several markdown files hold the report template: ${candidates.map((c) => c.slice(path.length + 1)).join(', ')}; name one`,
      path,
    );
  }
  // reports/README.md is there but cannot be the report (binary, not UTF-8, empty...): say that,
  // rather than "no report found" about a file the student can see.
  const expected = join(path, 'reports', 'README.md');
  let text: string | null = null;
  try {
    text = await readReportText(expected);
  } catch (error) {
    if (error instanceof ReportFileError && error.problem !== 'not-found') throw error;
  }
  const repo = options.nameEnclosingRepo === false ? null : await enclosingRepo(path);
  throw new ReportFileError(
    'no-template',
    text !== null && text.trim() === ''
      ? `${expected} is empty; copy the course's report template into it (or pick the file that holds your report)`
      : `no report found in ${path}: expected reports/README.md (or another markdown file in the repo, up to ${SEARCH_DEPTH} folders down) holding the 02476 exam template${repo === null ? '' : ` (this folder is inside the git repo ${repo}: open that)`}${complete ? '' : ` (the search read only part of the repo, which has folders of over ${FOLDER_ENTRY_LIMIT.toLocaleString('en-US')} files or over ${SEARCH_ENTRY_BUDGET.toLocaleString('en-US')} in all: name the report's file)`}`,
    path,
  );
}
