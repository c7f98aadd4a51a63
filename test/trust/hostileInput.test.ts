/**
 * Hostile and odd input, through the real services and the real CLI: every case ends in a clear,
 * one-line reason (or just works), never a crash, a hang or a silently changed file.
 * (Binary files opened directly, deleted-while-open and symlinked reports are in
 * test/main/reportWorkspace.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { OpenedReport, OpenResult } from '../../src/api/contract';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { assertCliBuilt, runCliProcess, tempRepo } from '../support/cli';
import { buildReport, words } from '../support/reportBuilder';

const workspaces: ReportWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((w) => w.close()));
});

function workspace(): ReportWorkspace {
  const w = new ReportWorkspace(() => undefined, null, { watch: false });
  workspaces.push(w);
  return w;
}

async function openReport(path: string): Promise<OpenedReport> {
  const result = await workspace().openPath(path);
  if (result.kind !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.report;
}

/** `report-editor check` on `path`: exit code and its one line of stderr. */
function cliCheck(path: string) {
  assertCliBuilt();
  const run = runCliProcess(['check', path]);
  return { code: run.code, stderr: run.stderr.trim(), stdout: run.stdout };
}

const errorMessage = (r: OpenResult) => (r.kind === 'error' || r.kind === 'no-report' ? r.message : `(${r.kind})`);

describe('files that cannot be the report get a clear reason', () => {
  const latin1 = Buffer.from(buildReport({ answers: { 3: 'Vi brugte Grøn energi på DTU, Lyngby' } }), 'latin1');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(buildReport(), 'utf16le')]);
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const cases: [string, Buffer | string, RegExp][] = [
    ['a binary file (a PNG named README.md)', png, /is a binary file, not a markdown report/],
    ['invalid UTF-8 (saved as Latin-1 with æøå)', latin1, /is not valid UTF-8 text .*re-save it as UTF-8/],
    ["UTF-16 (PowerShell 5's `>`)", utf16, /is saved as UTF-16 text.*re-save it as UTF-8/],
    ['an empty file', '', /is empty; copy the course's report template into it/],
    ['only whitespace', '\n\n   \r\n', /is empty/],
  ];

  for (const [what, contents, reason] of cases) {
    it(`${what}: as reports/README.md of a repo, and named directly`, async () => {
      const repo = tempRepo({ 'reports/README.md': contents });
      const file = join(repo, 'reports/README.md');
      // The repo: the reason names the file the student can see, not "no report found".
      expect(errorMessage(await workspace().openPath(repo))).toMatch(reason);
      expect(errorMessage(await workspace().openPath(file))).toMatch(reason);
      for (const target of [repo, file]) {
        const cli = cliCheck(target);
        expect(cli.code, target).toBe(2);
        expect(cli.stderr).toMatch(reason);
        expect(cli.stderr.split('\n')).toHaveLength(1);
      }
      // Nothing was written: a refused file is left exactly as it was.
      expect(readFileSync(file).equals(Buffer.from(contents))).toBe(true);
    });
  }

  it('a folder or a named pipe called README.md, a dangling symlink: refused without hanging', async () => {
    const repo = tempRepo({});
    mkdirSync(join(repo, 'folder/README.md'), { recursive: true });
    expect(errorMessage(await workspace().openPath(join(repo, 'folder/README.md')))).toMatch(
      /is not a file|no report found/,
    );
    if (process.platform === 'win32') return; // no symlinks without a privilege, no FIFOs
    mkdirSync(join(repo, 'dangling'));
    symlinkSync(join(repo, 'nowhere.md'), join(repo, 'dangling/README.md'));
    expect(errorMessage(await workspace().openPath(join(repo, 'dangling/README.md')))).toMatch(/does not exist/);
    if (spawnSync('mkfifo', [join(repo, 'fifo.md')]).status === 0) {
      // Reading a FIFO would block forever; it must be refused before anything reads it.
      expect(errorMessage(await workspace().openPath(join(repo, 'fifo.md')))).toMatch(/is not a file/);
      expect(cliCheck(join(repo, 'fifo.md'))).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/is not a file/),
      });
    }
  });

  it('a file over 25 MB is refused with its size, before it is read', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 14: 'x'.repeat(26 * 1024 * 1024) } }) });
    expect(errorMessage(await workspace().openPath(join(repo, 'reports/README.md')))).toMatch(
      /is 26\.0 MB; a report is normally under 100 kB/,
    );
    expect(cliCheck(repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/26\.0 MB/) });
  });
});

describe('a 20 MB report holding the template', () => {
  // A giant answer: 200 000 lines (the case that stresses parsing and template detection), and a
  // pasted base64 image: one 20 MB line.
  const bigAnswers: [string, string][] = [
    ['200 000 lines', Array.from({ length: 200_000 }, (_, i) => `line ${i}: ${words(12)}`).join('\n')],
    ['one 20 MB line (a pasted base64 image)', `![plot](data:image/png;base64,${'iVBORw0KGgo'.repeat(1_900_000)})`],
  ];
  for (const [what, answer] of bigAnswers) {
    it(`opens, edits and saves in reasonable time: ${what}`, async () => {
      const text = buildReport({ answers: { 14: answer } });
      expect(text.length).toBeGreaterThan(17_000_000);
      const repo = tempRepo({ 'reports/README.md': text });
      const started = Date.now();
      const report = await openReport(repo);
      const opened = Date.now() - started;
      expect(report.text).toBe(text);
      expect(report.template?.generation).toBe(31);
      const edited = serializeReport(setAnswer(parseReport(report.text), 3, 'We used uv.'));
      const w = workspaces[workspaces.length - 1];
      expect(await w.save({ reportPath: report.reportPath, text: edited, baseStamp: report.stamp })).toMatchObject({
        kind: 'saved',
      });
      expect(readFileSync(report.reportPath, 'utf8') === edited).toBe(true);
      const cli = cliCheck(repo);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toMatch(/passed \d+\/31/);
      expect(cli.stderr).toMatch(/graded-page comparison \(reports up to 2 MB\) was skipped/);
      const total = Date.now() - started;
      console.log(`[20 MB] ${what}: opened in ${opened} ms; open + edit + save + CLI check in ${total} ms`);
      // Generous: a loaded 2-core CI box. What matters is that it ends, with the right bytes.
      expect(total).toBeLessThan(45_000);
    }, 90_000);
  }
});

describe('paths with spaces, non-ASCII letters and symlinks', () => {
  const base = join(tmpdir(), `report-editor-trust-${process.pid}`);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('a repo under "Mit Projekt æøå" opens, saves and checks', async () => {
    const repo = join(base, 'x', 'Mit Projekt æøå — 2026 (Gruppe 7)');
    mkdirSync(join(repo, 'reports'), { recursive: true });
    writeFileSync(join(repo, 'reports/README.md'), buildReport());
    const report = await openReport(repo);
    expect(report.reportPath).toBe(join(repo, 'reports/README.md'));
    expect(report.relativePath).toBe(join('reports', 'README.md'));
    const text = buildReport({ answers: { 1: 'Gruppe 7 — Ærø' } });
    expect((await workspaces[0].save({ reportPath: report.reportPath, text, baseStamp: report.stamp })).kind).toBe(
      'saved',
    );
    expect(readFileSync(join(repo, 'reports/README.md'), 'utf8')).toBe(text);
    const cli = runCliProcess(['check'], repo);
    expect(cli.code).toBe(1);
    expect(cli.stdout.split('\n')[0]).toMatch(/^reports\/README\.md: 31-question template/);
    const byPath = runCliProcess(['check', join(repo, 'reports/README.md')]);
    expect(byPath.stdout).toContain('Mit Projekt æøå');
  });

  // Windows needs a privilege (or developer mode) to create symlinks.
  it.skipIf(process.platform === 'win32')(
    'a repo reached through a symlinked folder, and a report symlinked from elsewhere',
    async () => {
      const real = join(base, 'real repo');
      mkdirSync(join(real, 'reports'), { recursive: true });
      writeFileSync(join(real, 'reports/README.md'), buildReport());
      const link = join(base, 'linked repo');
      symlinkSync(real, link, 'dir');
      const report = await openReport(link);
      expect(report.reportPath).toBe(join(link, 'reports/README.md'));
      const text = buildReport({ answers: { 2: 's123456' } });
      expect((await workspaces[0].save({ reportPath: report.reportPath, text, baseStamp: report.stamp })).kind).toBe(
        'saved',
      );
      expect(readFileSync(join(real, 'reports/README.md'), 'utf8')).toBe(text);
      expect(cliCheck(link).code).toBe(1);

      // reports/README.md → a file in another folder (a shared drive, dotfiles repo...): opened and
      // saved through the link, which stays a link.
      const elsewhere = join(base, 'elsewhere');
      mkdirSync(elsewhere);
      writeFileSync(join(elsewhere, 'report.md'), buildReport());
      const repo = join(base, 'repo with linked report');
      mkdirSync(join(repo, 'reports'), { recursive: true });
      symlinkSync(join(elsewhere, 'report.md'), join(repo, 'reports/README.md'));
      const linked = await openReport(repo);
      const edited = buildReport({ answers: { 3: words(10) } });
      expect(
        (await workspaces[1].save({ reportPath: linked.reportPath, text: edited, baseStamp: linked.stamp })).kind,
      ).toBe('saved');
      expect(readFileSync(join(elsewhere, 'report.md'), 'utf8')).toBe(edited);
      expect(readdirSync(join(repo, 'reports'))).toEqual(['README.md']);
    },
  );
});

describe('the folder vanishing while the report is open', () => {
  it('saving says the folder is gone and keeps the text; recreating the folder lets the save through', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const report = await openReport(repo);
    rmSync(join(repo, 'reports'), { recursive: true });
    const text = buildReport({ answers: { 1: 'Group 3' } });
    const w = workspaces[0];
    const result = await w.save({ reportPath: report.reportPath, text, baseStamp: report.stamp });
    expect(result).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/its folder no longer exists.*nothing was lost/),
    });
    mkdirSync(join(repo, 'reports'));
    expect((await w.save({ reportPath: report.reportPath, text, baseStamp: report.stamp })).kind).toBe('saved');
    expect(readFileSync(report.reportPath, 'utf8')).toBe(text);
  });
});

describe('read-only files and folders', () => {
  // Root ignores file permissions, so as root (CI containers, this box) the save runs in a child
  // process as the unprivileged user `nobody` (uid 65534); otherwise in a child as ourselves.
  // Windows has no read-only folders (the attribute is ignored for them), only read-only files.
  const isRoot = process.getuid?.() === 0;
  const NOBODY = 65534;
  let script: string | null = null;
  afterAll(() => {
    if (script) rmSync(join(script, '..'), { recursive: true, force: true });
  });

  async function child(): Promise<string> {
    if (!script) {
      const { bundleForNode } = await import('./support/nodeBundle');
      script = await bundleForNode(join(import.meta.dirname, 'fixtures/saveAndRetry.ts'), { forOtherUser: isRoot });
    }
    return script;
  }

  /** Runs the save in a child; between its two attempts, `fix()` makes the file writable again. */
  async function saveTwice(reportPath: string, text: string, fix: () => void): Promise<[unknown, unknown]> {
    const { spawn } = await import('node:child_process');
    const textFile = join(tmpdir(), `report-editor-trust-text-${process.pid}-${Date.now()}.md`);
    writeFileSync(textFile, text, { mode: 0o644 });
    const proc = spawn(process.execPath, [await child(), reportPath, textFile], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    const results: unknown[] = [];
    let failure: unknown = null;
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let buffered = '';
    proc.stdout.on('data', (c: Buffer) => {
      buffered += c.toString();
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        results.push(JSON.parse(buffered.slice(0, nl)));
        buffered = buffered.slice(nl + 1);
        if (results.length === 1) {
          try {
            fix();
          } catch (error) {
            failure = error; // reported once the child has ended
          }
          proc.stdin.write('again\n');
        }
      }
    });
    const code = await new Promise<number | null>((done) => proc.on('exit', done));
    unlinkSync(textFile);
    if (failure) throw failure;
    if (code !== 0) throw new Error(`child failed (${code}): ${stderr}`);
    return [results[0], results[1]];
  }

  /** A temp repo owned by whoever runs the child (as a student owns their clone). */
  function ownRepo(): { repo: string; file: string; dir: string } {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    if (isRoot) {
      const chown = spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, repo]);
      if (chown.status !== 0) throw new Error(`chown failed: ${chown.stderr}`);
    }
    return { repo, file: join(repo, 'reports/README.md'), dir: join(repo, 'reports') };
  }

  it('a read-only file is not replaced: a clear message, the file untouched, and Save works once it is writable', async () => {
    const { file, dir } = ownRepo();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const text = buildReport({ answers: { 1: 'Group 12' } });
    const [first, second] = await saveTwice(file, text, () => {
      // What the student sees on disk after the refused save:
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['README.md']);
      chmodSync(file, 0o644);
    });
    // A read-only file has its own answer, which the app turns into a question (make it writable?).
    expect(first).toMatchObject({
      kind: 'read-only',
      message: expect.stringMatching(/README\.md is read-only, so your edits were not saved.*nothing was lost/),
    });
    expect(second).toMatchObject({ kind: 'saved' });
    expect(readFileSync(file, 'utf8')).toBe(text);
  }, 60_000);

  it('root respects read-only too: a 0444 report is not replaced (in this process, whoever runs it)', async () => {
    // As root (this box, CI containers) access(W_OK) says yes to everything; the write bits decide.
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const file = join(repo, 'reports/README.md');
    const report = await openReport(repo);
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const text = buildReport({ answers: { 1: 'Group 14' } });
    const result = await workspaces[0].save({ reportPath: report.reportPath, text, baseStamp: report.stamp });
    expect(result).toMatchObject({ kind: 'read-only', message: expect.stringMatching(/is read-only.*nothing was lost/) });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(join(repo, 'reports'))).toEqual(['README.md']);
    // "Make it writable and save": chmod u+w, then the save goes through.
    const again = await workspaces[0].save({ reportPath: report.reportPath, text, baseStamp: report.stamp, makeWritable: true });
    expect(again.kind).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it.skipIf(process.platform === 'win32')(
    'a read-only folder: a clear message, no temp file left, and Save works once it is writable',
    async () => {
      const { file, dir } = ownRepo();
      chmodSync(dir, 0o555);
      const before = readFileSync(file);
      const text = buildReport({ answers: { 1: 'Group 13' } });
      const [first, second] = await saveTwice(file, text, () => {
        expect(readFileSync(file).equals(before)).toBe(true);
        expect(readdirSync(dir)).toEqual(['README.md']);
        chmodSync(dir, 0o755);
      });
      expect(first).toMatchObject({
        kind: 'error',
        message: expect.stringMatching(/permission denied.*nothing was lost/),
      });
      expect(second).toMatchObject({ kind: 'saved' });
      expect(readFileSync(file, 'utf8')).toBe(text);
    },
    60_000,
  );
});
