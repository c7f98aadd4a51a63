/**
 * `report-editor check --format github`, run as a process: every line is either a well-formed
 * GitHub Actions workflow command or plain log text, and the annotations point at the lines the
 * human output names. The job summary lands in $GITHUB_STEP_SUMMARY.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../../src/hosts/cli/format/github';
import { assertCliBuilt, CLI_PATH, runCliProcess, tempRepo } from '../../support/cli';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Splits output into workflow commands (parsed as GitHub's runner does) and plain lines. */
function parseLines(stdout: string): { annotations: Annotation[]; plain: string[] } {
  const annotations: Annotation[] = [];
  const plain: string[] = [];
  for (const line of stdout.split('\n').filter((l) => l !== '')) {
    if (!line.startsWith('::')) {
      plain.push(line);
      continue;
    }
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    expect(m, `malformed workflow command: ${line}`).not.toBeNull();
    const props = Object.fromEntries(
      m![2].split(',').map((p) => {
        const [key, ...rest] = p.split('=');
        return [key, unescape(rest.join('='))];
      }),
    );
    annotations.push({ level: m![1], props, message: unescape(m![3]) });
  }
  return { annotations, plain };
}

function runGithub(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI_PATH, 'check', ...args, '--format', 'github'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', GITHUB_WORKSPACE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('report-editor check --format github', () => {
  it('annotates each failing question and warning on its line of the report, and exits 1', () => {
    const answers = { ...passingAnswers31(), 4: `${words(30)}\n\n#### Backend\n\n${words(90)}`, 19: '[bucket](figures/bucket.png)' };
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers }), 'reports/figures/a.png': 'png' });
    const run = runGithub([], repo);
    expect(run.code).toBe(1);
    const { annotations, plain } = parseLines(run.stdout);
    const human = runCliProcess(['check'], repo).stdout;
    const q4Line = Number(/✗ Question 4 \(line (\d+)\)/.exec(human)![1]);

    const q4 = annotations.find((a) => a.level === 'error' && a.props.title === 'Question 4 fails report.py check');
    expect(q4).toMatchObject({ props: { file: 'reports/README.md', line: String(q4Line) }, message: 'Question 4: 30 words, needs 100–200' });
    const q19 = annotations.filter((a) => a.level === 'error' && a.props.title?.startsWith('Question 19'));
    expect(q19).toHaveLength(1);
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(warnings.some((w) => w.props.title === 'cut-by-heading (question 4)' && /Backend/.test(w.message))).toBe(true);
    expect(warnings.some((w) => w.props.title === 'image-without-bang (question 19)' && w.props.line !== undefined)).toBe(true);
    for (const a of annotations) expect(a.props.file).toBe('reports/README.md');
    expect(plain).toEqual([expect.stringMatching(/^reports\/README\.md: passed 29\/31$/)]);
  });

  it('exits 0 on a passing report and writes the job summary as a markdown table', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: passingAnswers31() }), 'reports/figures/a.png': 'png' });
    const summary = join(mkdtempSync(join(tmpdir(), 'summary-')), 'step-summary.md');
    const run = runGithub([], repo, { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(0);
    expect(parseLines(run.stdout).annotations.filter((a) => a.level === 'error')).toEqual([]);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('| report | template | passed | error | failing questions |');
    expect(md).toMatch(/^\| `reports\/README\.md` \| 31 questions \| 31\/31 \| {2}\| {2}\|$/m);
  });

  it('names the report from the repository root, whichever folder the step runs in', () => {
    const failing = buildReport({ answers: { ...passingAnswers31(), 4: words(30) } });
    const files = (repo: string) =>
      parseLines(runGithub([], join(repo, 'reports'), { GITHUB_STEP_SUMMARY: join(repo, 'summary.md') }).stdout).annotations.map((a) => a.props.file);
    // The git work tree's root ($GITHUB_WORKSPACE unset)…
    const gitRepo = tempRepo({ 'README.md': '# project\n', 'reports/README.md': failing });
    execFileSync('git', ['init', '-q'], { cwd: gitRepo });
    expect(new Set(files(gitRepo))).toEqual(new Set(['reports/README.md']));
    expect(readFileSync(join(gitRepo, 'summary.md'), 'utf8')).toMatch(/^\| `reports\/README\.md` \| 31 questions \| 30\/31 \|/m);
    // …or $GITHUB_WORKSPACE, when the report is inside it.
    const workspace = tempRepo({ 'project/reports/README.md': failing });
    const run = runGithub([], join(workspace, 'project', 'reports'), { GITHUB_WORKSPACE: workspace });
    expect(new Set(parseLines(run.stdout).annotations.map((a) => a.props.file))).toEqual(new Set(['project/reports/README.md']));
    // Neither: relative to the current folder, as before.
    const bare = tempRepo({ 'reports/README.md': failing });
    const outside = runGithub([], bare, { GITHUB_WORKSPACE: workspace });
    expect(new Set(parseLines(outside.stdout).annotations.map((a) => a.props.file))).toEqual(new Set(['reports/README.md']));
  });

  it('keeps a path with backticks inside its code span in the job summary', () => {
    const repo = tempRepo({ 'we`ird``name/reports/README.md': buildReport({ answers: passingAnswers31() }), 'we`ird``name/reports/figures/a.png': 'png' });
    const summary = join(repo, 'summary.md');
    expect(runGithub(['we`ird``name'], repo, { GITHUB_STEP_SUMMARY: summary }).code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^\| ```we`ird``name\/reports\/README\.md``` \| 31 questions \| 31\/31 \|/m);
  });

  it('keeps a message with newlines, %, : and , on one command line', () => {
    expect(escapeData('50% done\nnext\r')).toBe('50%25 done%0Anext%0D');
    expect(escapeProperty('a: b, c')).toBe('a%3A b%2C c');
    const repo = tempRepo({ 'reports/README.md': buildReport({ dropMarker: [5] }) });
    const run = runGithub([], repo);
    expect(run.code).toBe(1);
    const { annotations } = parseLines(run.stdout);
    const stop = annotations.find((a) => a.props.title === 'report.py check stops with an error');
    expect(stop?.message).toMatch(/^ValueError: Number of answers are different from the expected 31.*\nIt finds 30 answers instead of 31/s);
  });
});
