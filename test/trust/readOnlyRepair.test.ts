/**
 * `report-editor doctor --fix` on a read-only report: one line saying why, exit 2, the file and its
 * mode untouched, and no backup (nothing was written) — as root (which could write it anyway) and
 * as an ordinary user (run as `nobody` when the tests run as root), however often it is retried.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCliProcess, tempRepo } from '../support/cli';
import { buildReport, words } from '../support/reportBuilder';

/** A report whose `> Answer:` line of question 5 was deleted: --fix would write the repair. */
const broken = buildReport({ dropMarker: [5], answers: { 5: words(120) } });
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function readOnlyRepo() {
  const repo = tempRepo({ 'reports/README.md': broken });
  return { repo, file: join(repo, 'reports/README.md'), dir: join(repo, 'reports') };
}

function expectRefused(run: { code: number | null; stderr: string; stdout: string }, what: string) {
  expect(run.code, `${what}: ${run.stderr}`).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, what).toHaveLength(1);
  expect(lines[0]).toMatch(/^report-editor doctor: reports\/README\.md is read-only; nothing was repaired or backed up \(make it writable first: chmod u\+w reports\/README\.md\)$/);
  expect(run.stdout, what).toBe('');
}

describe('doctor --fix on a read-only report', () => {
  let bundle: string | null = null;
  afterAll(() => {
    if (bundle) rmSync(dirname(bundle), { recursive: true, force: true });
  });

  it(`refuses in one line and leaves no backup (as ${isRoot ? 'root' : 'this user'}, with the built CLI)`, () => {
    assertCliBuilt();
    const { repo, file, dir } = readOnlyRepo();
    chmodSync(file, 0o444);
    for (let attempt = 1; attempt <= 2; attempt++) expectRefused(runCliProcess(['doctor', '--fix'], repo), `attempt ${attempt}`);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['README.md']);
    // Made writable, the same command repairs it and keeps the one backup.
    chmodSync(file, 0o644);
    const fixed = runCliProcess(['doctor', '--fix'], repo);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'README.md.bak']);
  });

  it('as an ordinary user: no stack trace and no stray .bak per try', async () => {
    const { bundleForNode } = await import('./support/nodeBundle');
    bundle = await bundleForNode(join(import.meta.dirname, '../../src/hosts/cli/main.ts'), { forOtherUser: isRoot });
    const { repo, file, dir } = readOnlyRepo();
    if (isRoot) {
      const chown = spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, repo]);
      if (chown.status !== 0) throw new Error(`chown failed: ${chown.stderr}`);
    }
    chmodSync(file, 0o444);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const run = spawnSync(process.execPath, [bundle, 'doctor', '--fix'], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 60_000,
        ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      expectRefused({ code: run.status, stderr: run.stderr, stdout: run.stdout }, `attempt ${attempt}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(readdirSync(dir)).toEqual(['README.md']);
  }, 120_000);
});
