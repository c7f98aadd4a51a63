/**
 * The repo's `.pre-commit-hooks.yaml`, run by the real `pre-commit` tool (Debian's `pre-commit`
 * package) in a temp git repo: a commit with a failing report is stopped, a passing one goes
 * through, and the project's own README.md is not mistaken for a report.
 *
 * The hook runs the `report-editor` on PATH: here a shim to the built CLI, as `npm install -g`
 * makes one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport, words } from '../../support/reportBuilder';

const ROOT = resolve(import.meta.dirname, '../../..');
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = preCommit.status === 0;
if (!available) console.log('[preCommitHook.test] skipped: the pre-commit tool is not installed (Debian: apt-get install pre-commit)');

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

beforeAll(assertCliBuilt);

/** A git repo holding only this project's .pre-commit-hooks.yaml, as pre-commit clones it. */
function hooksRepo(): { path: string; rev: string } {
  const path = mkdtempSync(join(tmpdir(), 'hooks-repo-'));
  git(path, 'init', '-q');
  copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(path, '.pre-commit-hooks.yaml'));
  git(path, 'add', '.');
  git(path, 'commit', '-qm', 'hooks');
  return { path, rev: git(path, 'rev-parse', 'HEAD').trim() };
}

/** A PATH whose `report-editor` is the built CLI. */
function binDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bin-'));
  writeFileSync(join(dir, 'report-editor'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
  chmodSync(join(dir, 'report-editor'), 0o755);
  return dir;
}

describe.skipIf(!available)('the pre-commit hook, run by pre-commit', () => {
  it('stops a commit whose report fails a question and lets a passing one through', () => {
    const hooks = hooksRepo();
    const env = {
      ...process.env,
      PATH: `${binDir()}${delimiter}${process.env.PATH}`,
      PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'pre-commit-home-')),
      GIT_CONFIG_GLOBAL: '/dev/null',
    };
    const failing = buildReport({ answers: { ...passingAnswers31(), 4: words(30) } });
    const repo = tempRepo({ 'README.md': '# Our project\n', 'reports/README.md': failing, 'reports/figures/a.png': 'png' });
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: report-check\n`,
    );
    git(repo, 'init', '-q');
    execFileSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' });
    git(repo, 'add', '.');
    const commit = () => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', 'commit', '-m', 'report'], { cwd: repo, env, encoding: 'utf8' });

    const blocked = commit();
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/✗ Question 4 \(line \d+\): 30 words, needs 100–200/);
    expect(spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo }).status).not.toBe(0); // nothing committed

    writeFileSync(join(repo, 'reports/README.md'), buildReport({ answers: passingAnswers31() }));
    git(repo, 'add', '.');
    const passed = commit();
    expect(passed.stdout + passed.stderr).toMatch(/DTU 02476 exam report.*Passed/);
    expect(passed.status).toBe(0);

    // A commit touching only the project README (no template) runs the hook and passes.
    writeFileSync(join(repo, 'README.md'), '# Our project\n\nMore.\n');
    git(repo, 'add', 'README.md');
    expect(commit().status).toBe(0);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toContain('More.');
  }, 120_000);
});
