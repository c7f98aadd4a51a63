/**
 * `report-editor check PATH...`: several repos, report files, or a folder of repos in one process,
 * one summary table, `--verbose` details, `--json` array; exit code the worst of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { corpusAvailable, corpusFiles } from '../../support/corpus';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

/** A teacher's folder of clones: one passing, one failing Q4 and Q7, one whose checker stops. */
function folderOfRepos(): string {
  return tempRepo({
    'group01/reports/README.md': buildReport({ answers: passingAnswers31() }),
    'group01/reports/figures/a.png': 'png',
    'group02/reports/README.md': buildReport({ answers: { ...passingAnswers31(), 4: words(30), 7: words(20) } }),
    'group02/reports/figures/a.png': 'png',
    'group03/MyProject/reports/README.md': buildReport({ dropMarker: [5] }),
    'notes/todo.txt': 'not a repo',
  });
}

describe('report-editor check with several reports', () => {
  it('checks a folder of repos in one process and prints one summary table', () => {
    const folder = folderOfRepos();
    const run = runCliProcess(['check', folder], folder);
    expect(run.code).toBe(1);
    const rows = run.stdout.split('\n');
    expect(rows[0]).toMatch(/^report\s+template\s+passed\s+error\s+failing questions$/);
    expect(rows.find((r) => r.startsWith('group01/'))).toMatch(/^group01\/reports\/README\.md\s+31q\s+31\/31$/);
    expect(rows.find((r) => r.startsWith('group02/'))).toMatch(/^group02\/reports\/README\.md\s+31q\s+29\/31\s+4 7$/);
    expect(rows.find((r) => r.startsWith('group03/'))).toMatch(/^group03\/MyProject\/reports\/README\.md\s+31q\s+-\/31\s+checker stops: 30 answers, not 31$/);
    expect(run.stdout).toContain('1 of 3 reports pass');
    // Without --verbose, no per-question detail.
    expect(run.stdout).not.toContain('✗ Question 4');
  });

  it.skipIf(!corpusAvailable)('prints the same table and exit code whether it checks each report whole (--verbose) or only asks the checker (the table alone)', () => {
    // Without --verbose the batch skips the figure, link and graded-page checks it does not print.
    const files: Record<string, string> = {};
    for (const [i, f] of corpusFiles().filter((c) => c.kind === 'report').entries()) {
      files[`group${String(i).padStart(2, '0')}/reports/README.md`] = f.text;
    }
    files['group98/reports/README.md'] = 'not a report';
    files['group99/reports/README.md'] = buildReport({ answers: { ...passingAnswers31(), 14: '![missing](figures/nothing.png)' } });
    const folder = tempRepo(files);
    const table = runCliProcess(['check', folder], folder);
    const verbose = runCliProcess(['check', folder, '--verbose'], folder);
    expect(table.stdout.split('\n').length).toBeGreaterThan(30);
    expect(verbose.stdout.endsWith(table.stdout)).toBe(true);
    expect(verbose.stdout.length).toBeGreaterThan(table.stdout.length * 3);
    expect(table.code).toBe(verbose.code);
    expect(table.stderr).toBe(verbose.stderr);
  }, 120_000);

  it('--verbose adds each report\'s details; --json gives an array', () => {
    const folder = folderOfRepos();
    const verbose = runCliProcess(['check', folder, '--verbose'], folder).stdout;
    expect(verbose).toMatch(/^group02\/reports\/README\.md: 31-question template/m);
    expect(verbose).toMatch(/✗ Question 4 \(line \d+\): 30 words, needs 100–200/);
    const json = JSON.parse(runCliProcess(['check', folder, '--json'], folder).stdout);
    expect(json.map((r: { path: string; passed: number | null }) => [r.path.slice(folder.length + 1), r.passed])).toEqual([
      ['group01/reports/README.md', 31],
      ['group02/reports/README.md', 29],
      ['group03/MyProject/reports/README.md', null],
    ]);
    expect(json[1].failures.map((f: { question: number }) => f.question)).toEqual([4, 7]);
  });

  it('takes several PATHs (a repo and a report file); an unusable one is a row and makes the exit code 2', () => {
    const folder = folderOfRepos();
    mkdirSync(join(folder, 'empty'));
    const run = runCliProcess(['check', 'group01', 'group02/reports/README.md', 'empty'], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^group01\/reports\/README\.md\s+31q\s+31\/31$/m);
    expect(run.stdout).toMatch(/^group02\/reports\/README\.md\s+31q\s+29\/31\s+4 7$/m);
    expect(run.stdout).toMatch(/^empty\s+no report found in .*empty/m);
    expect(runCliProcess(['check', 'group01', 'group01/reports'], folder).code).toBe(0);
  });

  it('lists a clone in a folder of repos that holds no report as a row with the problem, and exits 2', () => {
    const folder = tempRepo({
      'group01/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'group01/reports/figures/a.png': 'png',
      'group02/reports/README.md': buildReport({ answers: { ...passingAnswers31(), 4: words(30) } }),
      'group03/README.md': '# our project\n',
      'logs/run.txt': 'not a repo',
    });
    for (const group of ['group01', 'group02', 'group03']) execFileSync('git', ['init', '-q'], { cwd: join(folder, group) });
    const run = runCliProcess(['check', folder], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^group03\s+no report found in .*group03: expected reports\/README\.md/m);
    expect(run.stdout).not.toMatch(/^logs/m);
    expect(run.stdout).toContain('1 of 3 reports pass');
    const json = JSON.parse(runCliProcess(['check', '--json', folder], folder).stdout) as { path: string; problem?: string }[];
    expect(json.map((r) => r.path.slice(folder.length + 1))).toEqual(['group01/reports/README.md', 'group02/reports/README.md', 'group03']);
    expect(json[2].problem).toMatch(/^no report found in /);
  });

  it('lists every clone of a folder of repos in which only one holds a report (the others empty)', () => {
    const folder = tempRepo({
      'group01/MyProject/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'group02/README.md': '# our project\n',
      'group03/src/train.py': 'print(1)\n',
    });
    for (const group of ['group01', 'group02', 'group03']) execFileSync('git', ['init', '-q'], { cwd: join(folder, group) });
    const run = runCliProcess(['check', folder], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^group01\/MyProject\/reports\/README\.md\s+31q/m);
    expect(run.stdout).toMatch(/^group02\s+no report found in /m);
    expect(run.stdout).toMatch(/^group03\s+no report found in /m);
    expect(run.stdout).toContain('1 of 3 reports pass');
  });

  it('lists a downloaded (zip, no .git) clone without a report as a row too, and exits 2', () => {
    const folder = tempRepo({
      'group01/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'group02/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'group03/README.md': '# our project\n',
      'group03/pyproject.toml': '[project]\nname = "x"\n',
      'group04/mlops-project-main/requirements.txt': 'torch\n',
      'logs/run.txt': 'not a repo',
    });
    const run = runCliProcess(['check', folder], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^group03\s+no report found in /m);
    expect(run.stdout).toMatch(/^group04\s+no report found in /m);
    expect(run.stdout).not.toMatch(/^logs/m);
    expect(run.stdout).toContain('2 of 4 reports pass');
  });

  it('lists every downloaded (zip) clone of a folder in which only one holds a report', () => {
    const folder = tempRepo({
      'group01/requirements.txt': 'torch\n',
      'group01/MyProject/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'group02/README.md': '# our project\n',
      'group02/pyproject.toml': '[project]\nname = "x"\n',
      'group03/.gitignore': '*.pyc\n',
    });
    const run = runCliProcess(['check', folder], folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^group01\/MyProject\/reports\/README\.md\s+31q\s+31\/31$/m);
    expect(run.stdout).toMatch(/^group02\s+no report found in /m);
    expect(run.stdout).toMatch(/^group03\s+no report found in /m);
  });

  it("does not tell a clone kept inside the teacher's own git repo to open that repo", () => {
    const staff = tempRepo({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'clones/group01/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'clones/group02/reports/README.md': buildReport({ answers: passingAnswers31() }),
      'clones/group03/pyproject.toml': '[project]\nname = "x"\n',
    });
    const run = runCliProcess(['check', 'clones'], staff);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^clones\/group03\s+no report found in /m);
    expect(run.stdout).not.toContain('inside the git repo');
  });

  it('names the template copies of a repo downloaded without .git instead of checking them as a folder of repos', () => {
    const repo = tempRepo({
      'README.md': '# our project\n',
      'requirements.txt': 'torch\n',
      'report/README.md': buildReport({ answers: passingAnswers31() }),
      'docs/old_report.md': buildReport(),
    });
    const run = runCliProcess(['check', repo], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/several markdown files hold the report template: docs\/old_report\.md, report\/README\.md; name one/);
    expect(run.stdout).toBe('');
    // …also when it has no project files at its top, only in its own folders.
    const parts = tempRepo({
      'README.md': '# our project\n',
      'api/Dockerfile': 'FROM python\n',
      'training/requirements.txt': 'torch\n',
      'training/reports/README.md': buildReport(),
      'docs/report.md': buildReport(),
    });
    const second = runCliProcess(['check', parts], parts);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/several markdown files hold the report template: docs\/report\.md, training\/reports\/README\.md; name one/);
  });

  it('checks a folder of symlinks to repos', () => {
    const clones = folderOfRepos();
    const links = tempRepo({});
    for (const group of ['group01', 'group02', 'group03']) symlinkSync(join(clones, group), join(links, group));
    const run = runCliProcess(['check', links], links);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^group01\/reports\/README\.md\s+31q\s+31\/31$/m);
    expect(run.stdout).toMatch(/^group03\/MyProject\/reports\/README\.md\s+31q/m);
    expect(run.stdout).toContain('1 of 3 reports pass');
  });

  it('checks a report named several ways once, under the name given first', () => {
    const folder = folderOfRepos();
    symlinkSync(join(folder, 'group01'), join(folder, 'alias'));
    const run = runCliProcess(['check', 'group01', 'group01/reports', 'group01/reports/README.md', 'alias', 'group02'], folder);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((r) => /README\.md/.test(r))).toEqual([
      expect.stringMatching(/^group01\/reports\/README\.md\s+31q\s+31\/31$/),
      expect.stringMatching(/^group02\/reports\/README\.md\s+31q\s+29\/31\s+4 7$/),
    ]);
    expect(run.stdout).toContain('1 of 2 reports pass');
  });

  it('says "1 image", "1 word" and "1 answer" in the singular', () => {
    const folder = tempRepo({
      'one/reports/README.md': buildReport({ answers: { ...passingAnswers31(), 4: 'one', 29: words(210) } }),
      'one/reports/figures/a.png': 'png',
      // No "> Answer:" line, one "Answer:" in the last answer: the checker finds 1 answer.
      'stops/reports/README.md': buildReport({ dropMarker: Array.from({ length: 31 }, (_, i) => i + 1), answers: { 31: 'Answer: the only one' } }),
    });
    const one = runCliProcess(['check', 'one'], folder).stdout;
    expect(one).toMatch(/✗ Question 4 \(line \d+\): 1 word, needs 100–200 words$/m);
    expect(one).toMatch(/✗ Question 29 \(line \d+\): 0 images, needs exactly 1 image$/m);
    const stops = runCliProcess(['check', 'stops'], folder).stdout;
    expect(stops).toContain('It finds 1 answer instead of 31');
    expect(runCliProcess(['check', 'one', 'stops'], folder).stdout).toMatch(/checker stops: 1 answer, not 31$/m);
    for (const out of [one, stops]) expect(out).not.toMatch(/\b1 (words|images|answers)\b/);
  });

  it.skipIf(!corpusAvailable)('gives the course checker\'s verdict for every real report in one run', () => {
    const reports = corpusFiles().filter((f) => f.kind === 'report');
    const run = runCliProcess(['check', '--json', ...reports.map((f) => f.path)]);
    const json = JSON.parse(run.stdout) as { path: string; passed: number | null; error: string | null }[];
    expect(json.map((r) => r.path)).toEqual(reports.map((f) => f.path));
    for (const [i, f] of reports.entries()) expect({ passed: json[i].passed, error: json[i].error }, f.name).toEqual({ passed: f.expected.passed, error: f.expected.error });
  }, 120_000);
});
