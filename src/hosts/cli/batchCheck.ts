/**
 * `report-editor check PATH...`: several repos, reports, or a folder of repos checked in one
 * process (a teacher's folder of clones, a CI matrix), with one summary table, `--verbose` for each
 * report's details and `--json` for an array.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { holdsTemplateLeniently, locateReport, type LocatedReport } from '../../services/locateReport';
import { countOf } from '../../core/constraints';
import { isReportTemplate, rememberDetectionsOf } from '../../core/templateVersion';
import { readReportText, ReportFileError } from '../../services/reportFile';
import { inspectOnAllCores, inspectShare } from './batchWorkers';
import type { BatchResult, CheckFormat, CheckTarget } from './checkRun';
import type { CliIo } from './cliIo';
import { relativeTo } from './displayPath';
import { formatHuman } from './format/human';
import { checkJson } from './format/json';
import { allWarnings, exitCodeOf, inspectReport, reportVerdict, type ReportVerdict } from './inspectReport';

async function holdsTemplate(path: string): Promise<boolean> {
  try {
    return isReportTemplate(await readReportText(path));
  } catch {
    return true; // unreadable, binary, UTF-16…: let the check say why
  }
}

/**
 * Whether `path` names anything. Asked without an error for "not there" (the common answer: a repo
 * without a report at its top, a copy without `.git`): a failed `stat` builds an exception with
 * its stack, and its rejected promise sends Node through its unhandled-rejection bookkeeping,
 * ~0.5 ms of a single check each time.
 */
function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function hasGitFolder(path: string): boolean {
  return exists(join(path, '.git'));
}

/**
 * Files a project's repo has at its top and a folder of clones has not: a clone downloaded as a zip
 * has no `.git`.
 */
const PROJECT_TOP_FILES = ['pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg', 'Dockerfile', 'Makefile', 'tasks.py', '.gitignore', '.dvc'];

/** The same, and a README or `reports/` (which a teacher's folder of clones may have too). */
const PROJECT_FILES = [...PROJECT_TOP_FILES, 'reports', 'README.md', 'readme.md'];

/** Whether `path` is a repo itself, with or without `.git`: never a folder of repos. */
const isProjectTop = (path: string): boolean => hasGitFolder(path) || PROJECT_TOP_FILES.some((name) => exists(join(path, name)));

/**
 * Whether a child of a folder of repos is a group's repo: a git repo, a folder with the files of a
 * project, or a folder holding only such a project (GitHub's zip download: `group07/mlops-main/`).
 */
function looksLikeRepo(path: string, levels = 1): boolean {
  if (hasGitFolder(path) || PROJECT_FILES.some((name) => exists(join(path, name)))) return true;
  if (levels === 0) return false;
  let children: Dirent[];
  try {
    children = readdirSync(path, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  } catch {
    return false;
  }
  return children.length === 1 && children[0].isDirectory() && looksLikeRepo(join(path, children[0].name), levels - 1);
}

/** The names of the folders among `entries` of `folder`, symlinks to folders too (a teacher's links to clones). */
function childFolders(folder: string, entries: Dirent[]): string[] {
  return entries
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || (e.isSymbolicLink() && isFolder(join(folder, e.name)))))
    .map((e) => e.name);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * The repos directly inside `folder`: each child folder in which a report is found, or that looks
 * like a repo (`.git`, `reports/`, a project's files: looksLikeRepo) without a usable report — a
 * group that wrote none, or named it so that it cannot be found, is a row saying so rather than
 * left out. Other folders (`logs/`, `notes/`) are not repos.
 */
async function reposInside(folder: string): Promise<CheckTarget[]> {
  let names: string[];
  try {
    names = childFolders(folder, await readdir(folder, { withFileTypes: true }));
  } catch {
    return [];
  }
  // Each child's report is found now and checked later: its template is recognised once.
  rememberDetectionsOf(names.length);
  const found: CheckTarget[] = [];
  for (const name of names.sort()) {
    const child = join(folder, name);
    try {
      found.push({ input: child, located: await locateReport(child, { nameEnclosingRepo: false }) });
    } catch (error) {
      if (!(error instanceof ReportFileError)) throw error;
      // A child that holds several template files is a repo too: say so rather than skip it.
      if (error.problem === 'ambiguous' || looksLikeRepo(child)) {
        found.push({ input: child, error });
      }
    }
  }
  return found;
}

/**
 * A folder that is no repo itself (no `.git` or project files, no report at its top) with at least
 * two child folders that are (git, or downloaded without `.git`: project files at their top) or
 * hold `reports/README.md`: a teacher's folder of clones, also when only one of them has a report (the others are rows saying they have none). Recognised from a few `stat`s,
 * before the search for a report inside it would read every child's markdown files only to find
 * them "ambiguous".
 */
async function looksLikeFolderOfRepos(path: string): Promise<boolean> {
  if (!(await stat(path).then((s) => s.isDirectory(), () => false))) return false;
  if (isProjectTop(path) || exists(join(path, 'reports', 'README.md'))) return false;
  const readme = join(path, 'README.md');
  const hasReadme = exists(readme);
  if (hasReadme && (await holdsTemplate(readme))) return false;
  let names: string[];
  try {
    names = childFolders(path, await readdir(path, { withFileTypes: true }));
  } catch {
    return false;
  }
  let repos = 0;
  for (const name of names) {
    const child = join(path, name);
    // A downloaded project's own folders (`api/Dockerfile`, `training/requirements.txt`) are no
    // clones: project files count only below a folder without a README of its own.
    if (hasGitFolder(child) || exists(join(child, 'reports', 'README.md')) || (!hasReadme && isProjectTop(child))) repos++;
    if (repos >= 2) return true;
  }
  return false;
}

/**
 * The targets without repeats: the same report named several ways (`good good/reports
 * good/reports/README.md`, or through a symlink) is checked once, under the name given first.
 */
function withoutRepeats(entries: CheckTarget[]): CheckTarget[] {
  if (entries.length < 2) return entries;
  const seen = new Set<string>();
  return entries.filter((e) => {
    const path = e.located?.reportPath ?? e.input;
    let key = path;
    try {
      key = realpathSync(path);
    } catch {
      // not there: its name is the key
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Turns the PATHs into reports. A folder that is not a repo itself (no `.git`) and holds no single
 * report is taken as a folder of repos. More than one PATH, or such a folder, makes a batch.
 */
export async function resolveCheckTargets(
  inputs: readonly string[],
  cwd: string,
  options: { onlyReports?: boolean } = {},
): Promise<{ batch: boolean; entries: CheckTarget[] }> {
  const entries: CheckTarget[] = [];
  let batch = inputs.length > 1;
  rememberDetectionsOf(inputs.length);
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (!options.onlyReports && (await looksLikeFolderOfRepos(path))) {
      const repos = await reposInside(path);
      batch = true;
      entries.push(...repos);
      continue;
    }
    try {
      const located = await locateReport(path);
      // pre-commit passes every changed markdown file: the project's README is not a report.
      if (options.onlyReports && located.reportPath === path && !(await holdsTemplate(path))) continue;
      entries.push({ input: path, located });
    } catch (error) {
      if (!(error instanceof ReportFileError)) throw error;
      // pre-commit passes every changed markdown file: the project's README is not a report.
      if (options.onlyReports && error.problem === 'no-template' && (await stat(path).then((s) => s.isFile(), () => false))) continue;
      // …whatever its encoding: only a file that holds the template must be UTF-8 (a `results.md`
      // PowerShell's `>` saved as UTF-16 is no reason to stop a commit). Unreadable: the check says why.
      if (options.onlyReports && (error.problem === 'not-utf8' || error.problem === 'binary') && (await holdsTemplateLeniently(path)) === false) continue;
      const folderOfRepos =
        (error.problem === 'no-template' || error.problem === 'ambiguous') &&
        (await stat(path).then((s) => s.isDirectory(), () => false)) &&
        !isProjectTop(path) &&
        !exists(join(path, 'README.md'));
      const repos = folderOfRepos ? await reposInside(path) : [];
      // Two template files in one repo are a question for the student, not a batch: a folder of
      // repos has reports in at least two of its folders (repos without one do not count here).
      const withReport = repos.filter((r) => r.error?.problem !== 'no-template').length;
      if (withReport >= 2 || (error.problem === 'no-template' && withReport > 0)) {
        batch = true;
        entries.push(...repos);
      } else entries.push({ input: path, error });
    }
  }
  const unique = withoutRepeats(entries);
  return { batch: batch && unique.length > 1, entries: unique };
}

function templateName(report: ReportVerdict): string {
  const t = report.loaded.template;
  if (!t) return '?';
  return `${t.generation}q${t.version === 'unknown' ? '' : ` ${t.version}`}`;
}

/** The summary table: one row per target, columns padded to fit. */
export function summaryTable(results: readonly BatchResult<ReportVerdict>[], cwd: string): string[] {
  const rows = results.map((r) => {
    const repo = relativeTo(cwd, r.report?.located.reportPath ?? r.input) || '.';
    if (!r.report) return [repo, '', '', r.error ?? '', ''];
    const { check } = r.report;
    const expected = r.report.loaded.profile.expectedAnswers;
    return [
      repo,
      templateName(r.report),
      check.error ? `-/${expected}` : `${check.passed}/${check.answers}`,
      check.error ? `checker stops: ${countOf(check.answers, 'answer')}, not ${expected}` : '',
      [...new Set(check.failures.map((f) => f.question))].join(' '),
    ];
  });
  const header = ['report', 'template', 'passed', 'error', 'failing questions'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export const batchExitCode = (results: readonly BatchResult<ReportVerdict>[]): number =>
  Math.max(0, ...results.map((r) => (r.report ? exitCodeOf(r.report) : 2)));

type BatchOptions = { format: CheckFormat; verbose: boolean; gradedPage: boolean };

/**
 * Whether the output shows more of each report than its row of the summary table. Without it the
 * batch asks only for the checker's verdict: the figure, link and graded-page checks of 100 reports
 * were most of the batch's time, for lines that are never printed.
 */
const showsDetails = (options: BatchOptions): boolean => options.format !== 'human' || options.verbose;

async function checkTarget<R extends ReportVerdict>(
  target: CheckTarget,
  inspect: (located: LocatedReport) => Promise<R>,
): Promise<BatchResult<R>> {
  if (target.error) return { input: target.input, error: target.error.message };
  try {
    return { input: target.input, report: await inspect(target.located!) };
  } catch (error) {
    if (!(error instanceof ReportFileError)) throw error;
    return { input: target.input, error: error.message };
  }
}

const inspectTarget = (target: CheckTarget, options: BatchOptions): Promise<BatchResult<ReportVerdict>> =>
  showsDetails(options) ? checkTarget(target, (l) => inspectReport(l, options)) : checkTarget(target, reportVerdict);

/** In a batch worker thread (see batchWorkers.ts): inspects the share of reports it was given. */
export const inspectShareInWorker = (): Promise<void> =>
  inspectShare<CheckTarget, BatchResult<ReportVerdict>>((target, options) => inspectTarget(target, options as BatchOptions));

/** The check script itself (dist/cli/check.cjs) when running from it: what batch workers load. */
const checkScript = (): string | null =>
  typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : null;

export async function runBatchCheck(
  targets: readonly CheckTarget[],
  options: BatchOptions,
  io: CliIo,
): Promise<number> {
  // Worker threads inspect their share through inspectTarget, which asks the same as this thread.
  if (!showsDetails(options)) {
    const verdicts = await inspectOnAllCores(targets, (t) => checkTarget(t, reportVerdict), checkScript(), options);
    printSummary(verdicts, io);
    return batchExitCode(verdicts);
  }
  const results = await inspectOnAllCores(targets, (t) => checkTarget(t, (l) => inspectReport(l, options)), checkScript(), options);
  if (options.format === 'json') {
    const json = results.map((r) =>
      r.report
        ? { path: r.report.located.reportPath, ...checkJson(r.report.analysis, allWarnings(r.report.warnings), r.report.diagnostics) }
        : { path: r.input, problem: r.error },
    );
    io.out(JSON.stringify(json, null, 2));
  } else if (options.format === 'github') {
    const { githubAnnotations, githubProblem, writeJobSummary } = await import('./format/github');
    for (const r of results) {
      const lines = r.report ? githubAnnotations(r.report, io.cwd) : [githubProblem(r.input, r.error ?? '', io.cwd)];
      for (const line of lines) io.out(line);
    }
    for (const line of summaryTable(results, io.cwd)) io.out(line);
    await writeJobSummary(results, io);
  } else {
    for (const r of results) {
      if (r.report) for (const line of formatHuman(r.report.loaded, r.report.analysis, r.report.diagnostics, io.cwd, r.report.located.repoRoot)) io.out(line);
      else io.out(`${relativeTo(io.cwd, r.input)}: ${r.error}`);
      io.out('');
    }
    printSummary(results, io);
  }
  return batchExitCode(results);
}

/** The table, then how many reports pass. */
function printSummary(results: readonly BatchResult<ReportVerdict>[], io: CliIo): void {
  for (const line of summaryTable(results, io.cwd)) io.out(line);
  const passing = results.filter((r) => r.report && exitCodeOf(r.report) === 0).length;
  io.out('');
  io.out(`${passing} of ${results.length} reports pass`);
}
