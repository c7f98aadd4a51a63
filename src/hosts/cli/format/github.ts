/**
 * `report-editor check --format github`: GitHub Actions workflow commands, so every failing
 * question and every warning shows as an annotation on the report in the pull request, plus a
 * markdown summary of the run on the job's page when `$GITHUB_STEP_SUMMARY` is set.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { existsSync, realpathSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { countOf, formatRange } from '../../../core/constraints';
import type { BatchResult } from '../checkRun';
import type { CliIo } from '../cliIo';
import { relativeTo } from '../displayPath';
import { allWarnings, type InspectedReport } from '../inspectReport';

/** A workflow command's message: `%`, CR and LF would end or corrupt the command. */
export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value (`file=`, `title=`): `:` and `,` separate properties, so they are escaped too. */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `path` below `root` with `/` separators, or null when it is not below it. */
function below(root: string, path: string): string | null {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null;
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The git work tree holding `path`: the nearest folder above it with a `.git` (folder or file). */
function gitWorkTree(path: string): string | null {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * `path` as GitHub reads an annotation's `file=` and as the job summary names it: from the
 * repository root, whichever folder the step ran in — relative to `$GITHUB_WORKSPACE` when the path
 * is inside it, else to the git work tree that holds it, else to `cwd`.
 */
export function workspacePath(path: string, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_WORKSPACE) {
    const workspace = resolve(cwd, env.GITHUB_WORKSPACE);
    const rel = below(workspace, path) ?? below(realOr(workspace), realOr(path));
    if (rel !== null) return rel;
  }
  const root = gitWorkTree(path);
  return (root !== null ? below(root, path) : null) ?? relativeTo(cwd, path);
}

function command(level: 'error' | 'warning', props: { file: string; line?: number | null; title: string }, message: string): string {
  const parts = [`file=${escapeProperty(props.file)}`];
  if (props.line !== undefined && props.line !== null) parts.push(`line=${props.line}`);
  parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level} ${parts.join(',')}::${escapeData(message)}`;
}

/** Every finding of one report as workflow commands, then a plain line with the verdict. */
export function githubAnnotations(report: InspectedReport, cwd: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const file = workspacePath(report.loaded.reportPath, cwd, env);
  const { check } = report.analysis;
  const lines: string[] = [];
  if (check.error) {
    const expected = report.loaded.profile.expectedAnswers;
    lines.push(
      command(
        'error',
        { file, title: "report.py check stops with an error" },
        `${check.error}\nIt finds ${countOf(check.answers, 'answer')} instead of ${expected}, so it checks nothing; the warnings show where.`,
      ),
    );
  }
  const byQuestion = new Map(report.analysis.questions.map((q) => [q.number, q]));
  for (const f of check.failures) {
    const summary = `${countOf(f.got, f.kind === 'words' ? 'word' : 'image')}, needs ${formatRange(f)}`;
    lines.push(command('error', { file, line: byQuestion.get(f.question)?.answerLine, title: `Question ${f.question} fails report.py check` }, `Question ${f.question}: ${summary}`));
  }
  for (const w of allWarnings(report.warnings)) {
    const title = w.question !== null ? `${w.kind} (question ${w.question})` : w.kind;
    lines.push(command('warning', { file, line: w.line, title }, w.message));
  }
  lines.push(`${file}: ${check.error ? `passed -/${report.loaded.profile.expectedAnswers} (the checker raised an error)` : `passed ${check.passed}/${check.answers}`}`);
  return lines;
}

/** A PATH that could not be checked at all (no template, unreadable…). */
export function githubProblem(input: string, reason: string, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return command('error', { file: workspacePath(input, cwd, env), title: 'report-editor check cannot read the report' }, reason);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * `text` as a markdown code span: fenced by one backtick more than its longest run of them, with a
 * space inside where it begins or ends with one (CommonMark), so a backtick in a path cannot end it.
 */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The job summary: the summary table as markdown, and each report's failures. */
export function jobSummaryMarkdown(results: readonly BatchResult[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const out = ['### report-editor check', '', '| report | template | passed | error | failing questions |', '| --- | --- | --- | --- | --- |'];
  for (const r of results) {
    const path = workspacePath(r.report?.loaded.reportPath ?? r.input, cwd, env);
    if (!r.report) {
      out.push(`| ${codeSpan(cell(path))} | | | ${cell(r.error ?? '')} | |`);
      continue;
    }
    const { check } = r.report.analysis;
    const t = r.report.loaded.template;
    const expected = r.report.loaded.profile.expectedAnswers;
    out.push(
      `| ${codeSpan(cell(path))} | ${t ? `${t.generation} questions${t.version === 'unknown' ? '' : ` (${t.version})`}` : '?'} | ${check.error ? `-/${expected}` : `${check.passed}/${check.answers}`} | ${check.error ? cell(check.error) : ''} | ${[...new Set(check.failures.map((f) => f.question))].join(', ')} |`,
    );
  }
  for (const r of results) {
    if (!r.report || r.report.analysis.check.failures.length === 0) continue;
    const byQuestion = new Map(r.report.analysis.questions.map((q) => [q.number, q]));
    out.push('', `**${workspacePath(r.report.loaded.reportPath, cwd, env)}**`, '');
    for (const f of r.report.analysis.check.failures) {
      out.push(`- Question ${f.question} (line ${byQuestion.get(f.question)?.answerLine ?? '?'}): ${countOf(f.got, f.kind === 'words' ? 'word' : 'image')}, needs ${formatRange(f)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Appends the summary to `$GITHUB_STEP_SUMMARY` when the variable is set (inside GitHub Actions). */
export async function writeJobSummary(results: readonly BatchResult[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const target = env.GITHUB_STEP_SUMMARY;
  if (!target) return;
  try {
    await appendFile(target, jobSummaryMarkdown(results, io.cwd, env));
  } catch (error) {
    io.err(`report-editor check: could not write the job summary to ${target}: ${(error as Error).message}`);
  }
}
