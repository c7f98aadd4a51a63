/**
 * "A repo with no report": the app creates reports/README.md from the newest template, with
 * figures/ beside it, opens it — and never writes over anything, nor anywhere it was not asked.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenResult } from '../../src/api/contract';
import { checkReport } from '../../src/core/checkReport';
import { courseProfile } from '../../src/core/constraints';
import { detectTemplate } from '../../src/core/templateVersion';
import { dispatch } from '../../src/services/apiHandlers';
import { createReportFromTemplate, newestTemplate } from '../../src/services/createReport';
import { tempRepo } from '../support/cli';
import { testHandlers } from '../support/testHost';

async function noReportRepo(files: Record<string, string> = { 'README.md': '# My project\n', 'src/train.py': 'print()\n' }) {
  const repo = tempRepo(files);
  const { handlers, workspace } = testHandlers();
  const opened = (await dispatch(handlers, 'openPath', { path: repo })) as OpenResult;
  expect(opened.kind).toBe('no-report');
  return { repo, handlers, workspace };
}

describe('creating the report in a repo that has none', () => {
  it('writes the newest template to reports/README.md, makes figures/, and opens it', async () => {
    const { repo, handlers, workspace } = await noReportRepo();
    const result = (await dispatch(handlers, 'createReport', { repoRoot: repo })) as OpenResult;
    expect(result.kind).toBe('opened');
    const reportPath = join(repo, 'reports/README.md');
    if (result.kind === 'opened') {
      expect(result.report.reportPath).toBe(reportPath);
      expect(result.report.template?.version).toBe(newestTemplate().version);
    }
    const text = readFileSync(reportPath, 'utf8');
    expect(text).toBe(newestTemplate().text);
    expect(newestTemplate().version).toBe('2026-01');
    expect(detectTemplate(text)?.version).toBe('2026-01');
    // The course checker reads it: every answer is there, none passes yet.
    const checked = checkReport(text, courseProfile(31));
    expect(checked.error).toBeNull();
    expect(checked.perAnswer).toHaveLength(31);
    expect(lstatSync(join(repo, 'reports/figures')).isDirectory()).toBe(true);
    expect(workspace.openReportPath).toBe(reportPath);
    // No temp file left beside it; the project's own README is untouched.
    expect(readdirSync(join(repo, 'reports')).sort()).toEqual(['README.md', 'figures']);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# My project\n');
    await workspace.close();
  });

  it('never overwrites: an empty reports/README.md, a folder or a dangling link in the way stay as they are', async () => {
    const kinds: string[] = [];
    for (const setUp of [
      (repo: string) => writeFileSync(join(repo, 'reports/README.md'), ''),
      (repo: string) => mkdirSync(join(repo, 'reports/README.md')),
      (repo: string) => symlinkSync(join(repo, 'nowhere.md'), join(repo, 'reports/README.md')),
    ]) {
      const repo = tempRepo({ 'reports/.keep': '' });
      setUp(repo);
      const before = lstatSync(join(repo, 'reports/README.md'));
      const { handlers } = testHandlers();
      const opened = (await dispatch(handlers, 'openPath', { path: repo })) as OpenResult;
      kinds.push(opened.kind);
      const result = (await dispatch(handlers, 'createReport', { repoRoot: repo })) as OpenResult;
      expect(result.kind).toBe('error');
      // Where the host called the folder report-less, the existing name stops it; otherwise the
      // folder was never offered a new report at all.
      if (result.kind === 'error') expect(result.message).toMatch(opened.kind === 'no-report' ? /already exists/ : /only created in the folder/);
      const after = lstatSync(join(repo, 'reports/README.md'));
      expect([after.ino, after.size, after.mode]).toEqual([before.ino, before.size, before.mode]);
      expect(existsSync(join(repo, 'nowhere.md'))).toBe(false);
    }
    expect(kinds[0]).toBe('no-report'); // the empty file: "copy the template into it"
  });

  it('refuses a report that appears between the check and the write (the link fails, the file stays)', async () => {
    const repo = tempRepo({});
    mkdirSync(join(repo, 'reports'));
    // Simulate the race at the last step: the name is taken when the link is made.
    const created = createReportFromTemplate(repo);
    writeFileSync(join(repo, 'reports/README.md'), 'written by git meanwhile\n', { flag: 'wx' });
    await expect(created).rejects.toThrow(/already exists|appeared/);
    expect(readFileSync(join(repo, 'reports/README.md'), 'utf8')).toBe('written by git meanwhile\n');
    expect(readdirSync(join(repo, 'reports')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('only in the folder just answered "no report": not in another folder, not after opening elsewhere', async () => {
    const { repo, handlers } = await noReportRepo();
    const other = tempRepo({ 'notes.txt': 'x' });
    const elsewhere = (await dispatch(handlers, 'createReport', { repoRoot: other })) as OpenResult;
    expect(elsewhere.kind).toBe('error');
    expect(existsSync(join(other, 'reports'))).toBe(false);

    const withReport = tempRepo({ 'reports/README.md': newestTemplate().text });
    expect(((await dispatch(handlers, 'openPath', { path: withReport })) as OpenResult).kind).toBe('opened');
    const stale = (await dispatch(handlers, 'createReport', { repoRoot: repo })) as OpenResult;
    expect(stale.kind).toBe('error');
    expect(existsSync(join(repo, 'reports'))).toBe(false);
  });

  it('says why when the folder cannot be made (a file named reports/)', async () => {
    const { repo, handlers } = await noReportRepo({ reports: 'not a folder\n' });
    const result = (await dispatch(handlers, 'createReport', { repoRoot: repo })) as OpenResult;
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(/Could not create .*reports/);
    expect(readFileSync(join(repo, 'reports'), 'utf8')).toBe('not a folder\n');
  });
});
