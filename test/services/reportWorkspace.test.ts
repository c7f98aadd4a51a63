import {
  chmodSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  lstatSync,
  mkdirSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvents, OpenedReport } from '../../src/api/contract';
import { parseReport } from '../../src/core/parseReport';
import { setAnswer } from '../../src/core/editReport';
import { serializeReport } from '../../src/core/reportModel';
import { stampOf } from '../../src/services/diskStamp';
import { RecentRepos } from '../../src/services/recentRepos';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';

type Event = { [E in keyof ApiEvents]: { event: E; payload: ApiEvents[E] } }[keyof ApiEvents];

const workspaces: ReportWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((w) => w.close()));
});

function makeWorkspace(options: { watch?: boolean } = { watch: false }) {
  const events: Event[] = [];
  const recent = new RecentRepos(tempRepo({}));
  const workspace = new ReportWorkspace((event, payload) => events.push({ event, payload } as Event), recent, options);
  workspaces.push(workspace);
  return { workspace, events, recent };
}

async function open(workspace: ReportWorkspace, path: string): Promise<OpenedReport> {
  const result = await workspace.openPath(path);
  if (result.kind !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(result)}`);
  return result.report;
}

function waitFor<T>(check: () => T | undefined, ms = 5000): Promise<T> {
  return new Promise((resolveWait, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolveWait(value);
      if (Date.now() - started > ms) return reject(new Error('timed out waiting'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('opening a repo', () => {
  it('opens reports/README.md, detects the template and remembers the repo', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const { workspace, recent } = makeWorkspace();
    const report = await open(workspace, repo);
    expect(report.relativePath).toBe('reports/README.md');
    expect(report.template?.generation).toBe(31);
    expect(report.stamp).toBe(stampOf(readFileSync(join(repo, 'reports/README.md'))));
    expect((await recent.list())[0]).toMatchObject({ repoRoot: repo, reportPath: join(repo, 'reports/README.md') });
  });

  it('asks the user to choose between several template files', async () => {
    const repo = tempRepo({ 'report.md': buildReport(), 'reports/final.md': buildReport() });
    const { workspace } = makeWorkspace();
    const result = await workspace.openPath(repo);
    expect(result).toEqual({
      kind: 'choose',
      repoRoot: repo,
      candidates: [join(repo, 'reports/final.md'), join(repo, 'report.md')],
    });
    expect((await workspace.openPath(join(repo, 'report.md'))).kind).toBe('opened');
  });

  it('explains a repo with no report, and a file that cannot be a report', async () => {
    const repo = tempRepo({ 'README.md': '# My project\n', 'reports/binary.md': new Uint8Array([1, 0, 2]) });
    const { workspace } = makeWorkspace();
    const none = await workspace.openPath(repo);
    expect(none.kind).toBe('no-report');
    expect(none.kind === 'no-report' && none.message).toMatch(/expected reports\/README\.md/);
    const binary = await workspace.openPath(join(repo, 'reports/binary.md'));
    expect(binary).toMatchObject({ kind: 'error', message: expect.stringMatching(/binary file/) });
    const notTemplate = await workspace.openPath(join(repo, 'README.md'));
    expect(notTemplate).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/does not hold the 02476 exam template/),
    });
  });
});

describe('saving', () => {
  it('writes the new text, keeping CRLF, BOM and the file mode', async () => {
    const original = buildReport({ eol: '\r\n', bom: true });
    const repo = tempRepo({ 'reports/README.md': original });
    const file = join(repo, 'reports/README.md');
    chmodSync(file, 0o640);
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    const edited = serializeReport(setAnswer(parseReport(report.text), 3, 'We used uv.'));
    const result = await workspace.save({ reportPath: file, text: edited, baseStamp: report.stamp });
    expect(result).toEqual({ kind: 'saved', stamp: stampOf(edited) });
    const disk = readFileSync(file, 'utf8');
    expect(disk).toBe(edited);
    expect(disk.startsWith('\ufeff')).toBe(true);
    expect(disk).toContain('> Answer:\r\n\r\nWe used uv.\r\n\r\n## Coding environment');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('does not touch the file when nothing changed', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const file = join(repo, 'reports/README.md');
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    const before = statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect((await workspace.save({ reportPath: file, text: report.text, baseStamp: report.stamp })).kind).toBe(
      'unchanged',
    );
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('refuses to overwrite a file changed on disk, unless forced', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const file = join(repo, 'reports/README.md');
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    const theirs = buildReport({ answers: { 1: 'Group 7' } });
    writeFileSync(file, theirs);
    const mine = buildReport({ answers: { 1: 'Group 8' } });
    const conflict = await workspace.save({ reportPath: file, text: mine, baseStamp: report.stamp });
    expect(conflict).toEqual({ kind: 'conflict', diskText: theirs, stamp: stampOf(theirs) });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect((await workspace.save({ reportPath: file, text: mine, baseStamp: report.stamp, force: true })).kind).toBe(
      'saved',
    );
    expect(readFileSync(file, 'utf8')).toBe(mine);
  });

  it('asks before overwriting a report that was re-saved on disk as something other than UTF-8', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const file = join(repo, 'reports/README.md');
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(buildReport(), 'utf16le')]);
    writeFileSync(file, utf16);
    const mine = buildReport({ answers: { 1: 'Group 8' } });
    const result = await workspace.save({ reportPath: file, text: mine, baseStamp: report.stamp });
    expect(result.kind).toBe('conflict');
    expect(readFileSync(file)).toEqual(utf16);
    expect((await workspace.save({ reportPath: file, text: mine, baseStamp: report.stamp, force: true })).kind).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe(mine);
  });

  it('refuses to write any file but the open report', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport(), 'other.md': 'x' });
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    const result = await workspace.save({ reportPath: join(repo, 'other.md'), text: 'pwned', baseStamp: report.stamp });
    expect(result.kind).toBe('error');
    expect(readFileSync(join(repo, 'other.md'), 'utf8')).toBe('x');
  });

  it('recreates a report deleted while open, so nothing typed is lost', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const file = join(repo, 'reports/README.md');
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    unlinkSync(file);
    const text = buildReport({ answers: { 2: 's123456' } });
    expect((await workspace.save({ reportPath: file, text, baseStamp: report.stamp })).kind).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  // Read-only files and folders are tested as a non-root user in test/trust/hostileInput.test.ts.

  it('keeps a symlinked report a symlink', async () => {
    const repo = tempRepo({ 'real/README.md': buildReport() });
    mkdirSync(join(repo, 'reports'));
    symlinkSync(join(repo, 'real/README.md'), join(repo, 'reports/README.md'));
    const { workspace } = makeWorkspace();
    const report = await open(workspace, repo);
    const text = buildReport({ answers: { 1: 'Group 9' } });
    expect((await workspace.save({ reportPath: report.reportPath, text, baseStamp: report.stamp })).kind).toBe('saved');
    expect(lstatSync(join(repo, 'reports/README.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(repo, 'real/README.md'), 'utf8')).toBe(text);
  });
});

describe('watching the open report', () => {
  it('reports every new content once, our own saves too (another page of the report must see them)', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const file = join(repo, 'reports/README.md');
    const { workspace, events } = makeWorkspace({ watch: true });
    const report = await open(workspace, repo);
    await workspace.ready();
    const changes = () => events.filter((e) => e.event === 'reportChanged').map((e) => e.payload);
    const ours = buildReport({ answers: { 1: 'ours' } });
    await workspace.save({ reportPath: file, text: ours, baseStamp: report.stamp });
    await waitFor(() => (changes().length === 1 ? true : undefined));
    expect(changes()[0]).toEqual({ reportPath: file, text: ours, stamp: stampOf(ours) });
    const theirs = buildReport({ answers: { 1: 'theirs' } });
    await new Promise((r) => setTimeout(r, 400));
    writeFileSync(file, theirs);
    await waitFor(() => (changes().length === 2 ? true : undefined));
    expect(changes()[1]).toEqual({ reportPath: file, text: theirs, stamp: stampOf(theirs) });
    // The same content written again is no news.
    writeFileSync(file, theirs);
    await new Promise((r) => setTimeout(r, 400));
    expect(changes()).toHaveLength(2);
    unlinkSync(file);
    await waitFor(() => events.find((e) => e.event === 'reportRemoved'));
  });
});
