/**
 * The built `report-editor check`, as pre-commit and CI start it again and again: the first run
 * leaves V8's compiled code in the cache folder, later runs take it (the file is not written
 * again) and print exactly the same; a cache folder that cannot be written changes nothing either.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const builtIn = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function check(repo: string, cacheDir: string) {
  const r = spawnSync(process.execPath, [CLI_PATH, 'check', repo], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REPORT_EDITOR_CACHE_DIR: cacheDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(builtIn)('report-editor check with its code cache', () => {
  it('writes the cache once, then uses it, with the same output', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 5: 'too short' } }) });
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'check-cache-')), 'report-editor');
    const first = check(repo, cacheDir);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/✗ Question 5 \(line \d+\): 2 words, needs 100–200/);
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/^check\.cjs-.*\.v8$/);
    const written = statSync(join(cacheDir, file)).mtimeMs;
    const second = check(repo, cacheDir);
    expect(second).toEqual(first);
    // Taken, not rejected and rewritten (V8 rejects code stamped with other flags).
    expect(readdirSync(cacheDir)).toEqual([file]);
    expect(statSync(join(cacheDir, file)).mtimeMs).toBe(written);
  });

  it('gives the same result when the cache folder cannot be written', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 5: 'too short' } }) });
    const blocked = join(mkdtempSync(join(tmpdir(), 'check-cache-')), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const withCache = check(repo, join(mkdtempSync(join(tmpdir(), 'check-cache-')), 'ok'));
    expect(check(repo, join(blocked, 'report-editor'))).toEqual(withCache);
  });
});
