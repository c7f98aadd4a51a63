/**
 * Opening a repo root finds the report wherever real groups keep it, and a huge data folder does
 * not slow that down. Real folders in temp dirs; locateReport is what the CLI, the browser host
 * and the Electron app all call.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/services/loadReport';
import { locateReport } from '../../src/services/locateReport';
import { RecentRepos } from '../../src/services/recentRepos';
import { ReportFileError } from '../../src/services/reportFile';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { runCliProcess, tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';

const report = buildReport();
const projectReadme = '# Our MLOps project\n\nA model that classifies things.\n';

describe('locateReport from the repo root', () => {
  it.each([
    ['a project folder inside the repo', 'MyProject/reports/README.md'],
    ['a singular report/ folder', 'report/README.md'],
    ['a lower-case reports/readme.md', 'reports/readme.md'],
    ['a differently named markdown file', 'docs/exam_report.md'],
    ['three folders down', 'src/group7/project/reports/README.md'],
  ])('finds the report in %s (%s)', async (_what, where) => {
    const repo = tempRepo({ 'README.md': projectReadme, 'docs/usage.md': '# Usage\n', [where]: report });
    const located = await locateReport(repo);
    expect(located.reportPath).toBe(join(repo, where));
  });

  it('names every candidate when several files hold the template', async () => {
    const repo = tempRepo({ 'MyProject/reports/README.md': report, 'old/report_draft.md': report });
    const error = await locateReport(repo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFileError);
    expect((error as ReportFileError).problem).toBe('ambiguous');
    expect((error as Error).message).toContain('MyProject/reports/README.md');
    expect((error as Error).message).toContain('old/report_draft.md');
  });

  it('does not look inside .git, node_modules, virtualenvs, caches or data folders', async () => {
    const repo = tempRepo({
      '.git/reports/README.md': report,
      'node_modules/pkg/README.md': report,
      'myenv/pyvenv.cfg': 'home = /usr/bin\n',
      'myenv/lib/README.md': report,
      '.venv/README.md': report,
      '__pycache__/README.md': report,
      'data/raw/README.md': report,
      'outputs/2024-01-01/README.md': report,
    });
    const error = await locateReport(repo).catch((e: unknown) => e);
    expect((error as ReportFileError).problem).toBe('no-template');
  });

  it('hands back the text it read, and a check of the located report reads the file no more', async () => {
    const repo = tempRepo({ 'reports/README.md': report, 'README.md': projectReadme });
    const located = await locateReport(repo);
    expect(located.text).toBe(readFileSync(join(repo, 'reports/README.md'), 'utf8'));
    expect((await locateReport(join(repo, 'reports/README.md'))).text).toBe(located.text);
    // Gone from disk after it was found: a batch of 100 reports reads each once, at finding it.
    rmSync(join(repo, 'reports/README.md'));
    const loaded = await loadReport(located.reportPath, { text: located.text });
    expect(loaded.text).toBe(report);
    expect(loaded.template).not.toBeNull();
  });

  it('still prefers reports/README.md over other template copies, as before', async () => {
    const repo = tempRepo({ 'reports/README.md': report, 'MyProject/reports/README.md': report });
    expect((await locateReport(repo)).reportPath).toBe(join(repo, 'reports/README.md'));
  });

  it('the app and the browser host (ReportWorkspace) open it from the repo root, and ask when there are several', async () => {
    const workspace = new ReportWorkspace(() => undefined, new RecentRepos(tempRepo({})), { watch: false });
    try {
      const repo = tempRepo({ 'README.md': projectReadme, 'MyProject/reports/README.md': report });
      const opened = await workspace.openPath(repo);
      expect(opened.kind === 'opened' && opened.report.reportPath).toBe(join(repo, 'MyProject/reports/README.md'));
      const two = tempRepo({ 'MyProject/reports/README.md': report, 'report/README.md': report });
      expect(await workspace.openPath(two)).toEqual({
        kind: 'choose',
        repoRoot: two,
        candidates: [join(two, 'report/README.md'), join(two, 'MyProject/reports/README.md')],
      });
    } finally {
      await workspace.close();
    }
  });

  it('the CLI check finds a report kept in a project folder', () => {
    const repo = tempRepo({ 'README.md': projectReadme, 'MyProject/reports/README.md': report });
    const run = runCliProcess(['check', repo]);
    expect(run.stdout.split('\n')[0]).toMatch(/^.*MyProject\/reports\/README\.md: 31-question template/);
  });

  it('finds the report past a big folder the search does not skip (images/ with 30,000 files)', async () => {
    const repo = tempRepo({ 'report/README.md': report });
    const images = join(repo, 'images');
    mkdirSync(images);
    for (let i = 0; i < 30_000; i++) closeSync(openSync(join(images, `img${i}.png`), 'w'));
    expect((await locateReport(repo)).reportPath).toBe(join(repo, 'report/README.md'));
  }, 60_000);

  it('says so when the search stopped before it read the whole repo', async () => {
    const repo = tempRepo({ 'zz/deep/report.md': report });
    for (let d = 0; d < 25; d++) {
      const dir = join(repo, `samples${d}`);
      mkdirSync(dir);
      for (let i = 0; i < 1000; i++) closeSync(openSync(join(dir, `s${i}.wav`), 'w'));
    }
    const error = await locateReport(repo).catch((e: unknown) => e);
    expect((error as ReportFileError).problem).toBe('no-template');
    expect((error as Error).message).toMatch(
      /\(the search read only part of the repo, which has folders of over 1,000 files or over 20,000 in all: name the report's file\)$/,
    );
  }, 60_000);

  it("counts a markdown symlink to the report once, under the real file's name", async () => {
    const repo = tempRepo({ 'report/README.md': report, 'docs/index.md': '# Docs\n' });
    symlinkSync('../report/README.md', join(repo, 'docs/report.md'));
    expect((await locateReport(repo)).reportPath).toBe(join(repo, 'report/README.md'));
  });

  it('finds a report saved as UTF-16 outside reports/README.md, so the check can say what is wrong with it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]);
    const repo = tempRepo({ 'README.md': projectReadme, 'reports/readme.md': utf16 });
    const run = runCliProcess(['check', repo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /reports\/readme\.md is saved as UTF-16 text, which the course's checker cannot read; re-save it as UTF-8/,
    );
  });

  it('says so when a folder had too many entries to read them all', async () => {
    const repo = tempRepo({ 'README.md': projectReadme });
    mkdirSync(join(repo, 'images'));
    for (let i = 0; i < 1500; i++) closeSync(openSync(join(repo, 'images', `img${i}.png`), 'w'));
    expect(((await locateReport(repo).catch((e: unknown) => e)) as Error).message).toMatch(
      /read only part of the repo/,
    );
    const small = tempRepo({ 'README.md': projectReadme, 'images/a.png': '' });
    expect(((await locateReport(small).catch((e: unknown) => e)) as Error).message).not.toMatch(/part of the repo/);
  });

  it('tells a student who opens a folder inside the repo (src/) to open the repo', async () => {
    const repo = tempRepo({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'reports/README.md': report,
      'src/train.py': 'print(1)\n',
    });
    const error = await locateReport(join(repo, 'src')).catch((e: unknown) => e);
    expect((error as ReportFileError).problem).toBe('no-template');
    expect((error as Error).message).toContain(`(this folder is inside the git repo ${repo}: open that)`);
    const empty = tempRepo({ '.git/HEAD': 'ref: refs/heads/main\n' });
    expect(((await locateReport(empty).catch((e: unknown) => e)) as Error).message).not.toContain(
      'inside the git repo',
    );
  });

  it('does not count a copy of the template inside a git submodule or nested clone', async () => {
    const repo = tempRepo({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'reports/readme.md': report,
      'external/course/.git': 'gitdir: ../../.git/modules/course\n',
      'external/course/reports/README.md': report,
      'vendor/template/.git/HEAD': 'ref: refs/heads/main\n',
      'vendor/template/README.md': report,
    });
    expect((await locateReport(repo)).reportPath).toBe(join(repo, 'reports/readme.md'));
  });

  it('does not prefer a stray copy over the report of a repo inside a folder that is no repo', async () => {
    const parent = tempRepo({
      'myrepo/.git/HEAD': 'ref: refs/heads/main\n',
      'myrepo/reports/README.md': report,
      'notes/template.md': report,
    });
    expect(await locateReport(parent).catch((e: ReportFileError) => e.problem)).toBe('ambiguous');
  });

  it('still finds a report that only a nested repo holds', async () => {
    const repo = tempRepo({
      'README.md': projectReadme,
      'MyProject/.git/HEAD': 'ref: refs/heads/main\n',
      'MyProject/reports/README.md': report,
    });
    expect((await locateReport(repo)).reportPath).toBe(join(repo, 'MyProject/reports/README.md'));
  });

  it('opens a repo with 100,000 files under data/ about as fast as an empty one', async () => {
    const huge = tempRepo({ 'MyProject/reports/README.md': report });
    for (let d = 0; d < 100; d++) {
      const dir = join(huge, 'data', 'raw', `batch${d}`);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < 1000; i++) closeSync(openSync(join(dir, `img${i}.png`), 'w'));
    }
    const small = tempRepo({ 'MyProject/reports/README.md': report });
    const timed = async (repo: string) => {
      const t0 = performance.now();
      await locateReport(repo);
      return performance.now() - t0;
    };
    await timed(small); // warm up
    const hugeMs = Math.min(await timed(huge), await timed(huge));
    const smallMs = Math.min(await timed(small), await timed(small));
    // The real figure is in `npm run bench`; here only a generous bound against a walk of data/.
    expect(hugeMs).toBeLessThan(smallMs + 500);
  }, 120_000);
});
