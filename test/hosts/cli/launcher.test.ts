/**
 * The `report-editor` bin is a small CommonJS launcher (dist/cli/report-editor.cjs) that runs
 * `check` itself and hands everything else to the ES-module CLI (dist/cli/report-editor.js), which
 * git configs written by earlier versions still run directly. Whichever file is started, a user
 * sees the same output, the same one-line errors and the same exit codes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI_PATH, tempRepo } from '../../support/cli';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport, words } from '../../support/reportBuilder';

const ROOT = resolve(import.meta.dirname, '../../..');
const ES_MODULE_CLI = join(ROOT, 'dist/cli/report-editor.js');

beforeAll(assertCliBuilt);

function run(entry: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the report-editor bin', () => {
  it('is the CommonJS launcher, an executable script with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(resolve(ROOT, pkg.bin['report-editor'])).toBe(CLI_PATH);
    expect(CLI_PATH.endsWith('.cjs')).toBe(true);
    expect(readFileSync(CLI_PATH, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    if (process.platform !== 'win32') expect(statSync(CLI_PATH).mode & 0o111).not.toBe(0);
  });

  it('prints and exits exactly as the ES-module CLI run directly, for check and for the other commands', () => {
    const failing = buildReport({ answers: { ...passingAnswers31(), 4: words(30) } });
    const repo = tempRepo({ 'reports/README.md': failing, 'reports/figures/a.png': 'png', 'other/notes.md': 'no template' });
    const cases: string[][] = [
      ['check'],
      ['check', '--json'],
      ['check', '--format', 'github'],
      ['check', '.', 'reports/README.md', '-v'],
      ['check', '--bogus'],
      ['check', '--format', 'xml'],
      ['check', 'no-such-folder'],
      ['check', 'other'],
      ['check', 'other/notes.md'],
      ['doctor'],
      ['--version'],
      ['--help'],
      [],
      ['no-such-command'],
    ];
    for (const args of cases) {
      const viaBin = run(CLI_PATH, args, repo);
      expect(viaBin, args.join(' ')).toEqual(run(ES_MODULE_CLI, args, repo));
      expect(viaBin.stderr, args.join(' ')).not.toMatch(/\n\s+at /); // one-line errors, no stack trace
    }
    const check = run(CLI_PATH, ['check'], repo);
    expect(check.stdout).toMatch(/✗ Question 4 \(line \d+\): 30 words, needs 100–200/);
    expect(check.code).toBe(1);
    expect(run(CLI_PATH, ['check', '--bogus'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^report-editor check: Unknown option '--bogus'.*\nUsage: report-editor check /s) });
    expect(run(CLI_PATH, ['check', 'no-such-folder'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^report-editor check: .*no-such-folder/) });
  }, 120_000);

  it('says in one line why check cannot run when its script is missing from the install', () => {
    // The bin runs check from check.cjs beside it; without it, the ES-module CLI reports the reason.
    const install = mkdtempSync(join(tmpdir(), 'bin-without-check-'));
    cpSync(dirname(CLI_PATH), install, { recursive: true });
    rmSync(join(install, 'check.cjs'));
    const r = run(join(install, 'report-editor.cjs'), ['check'], tempRepo({ 'reports/README.md': buildReport() }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report-editor check: cannot open .*check\.cjs: no such file or folder \(ENOENT\)\n$/);
  });

  it('checks one report without loading the Node modules only other commands or large batches need', () => {
    // Each built-in module Node loads costs start-up CPU on every commit; these have no part in
    // checking one report.
    const preload = join(mkdtempSync(join(tmpdir(), 'loaded-modules-')), 'report.cjs');
    // The list is read before the probe itself touches process.stderr (which loads Node's streams).
    writeFileSync(preload, `process.on('exit', () => { const loaded = process.moduleLoadList.join(','); process.stderr.write('LOADED ' + loaded + '\\n'); });`);
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { ...passingAnswers31(), 4: words(30) } }) });
    const loaded = (entry: string, args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', preload, entry, ...args], { cwd: repo, encoding: 'utf8' });
      const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
      expect(line, r.stderr).toBeDefined();
      return line!.slice('LOADED '.length).split(',');
    };
    // `node:v8` and Node's streams cost ~6 ms of a ~30 ms check: its lines go straight to the file
    // descriptors, and the optimiser is turned off without node:v8. A plain command line is read
    // without Node's parseArgs.
    const heavy = [
      'NativeModule fs/promises',
      'NativeModule worker_threads',
      'NativeModule child_process',
      'NativeModule v8',
      'NativeModule stream',
      'NativeModule net',
      'NativeModule internal/util/parse_args/parse_args',
    ];
    // The probe sees them when they are loaded: the ES-module CLI's own services load fs/promises.
    expect(loaded(ES_MODULE_CLI, ['check'])).toContain('NativeModule fs/promises');
    expect(loaded(CLI_PATH, ['check']).filter((m) => heavy.includes(m))).toEqual([]);
  });
});
