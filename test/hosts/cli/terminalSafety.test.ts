/**
 * What the CLI prints reaches a terminal: report text must not act on it, a reader that stops
 * early must not cause a stack trace, and a bad environment gets a one-line reason, not a trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../../src/hosts/cli/terminalText';
import { assertCliBuilt, CLI_PATH, runCliProcess, tempRepo } from '../../support/cli';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const HOSTILE = '\x1b]0;PWNED\x07\x1b[2J';
// Raw control characters a terminal would act on: C0 except tab/newline, DEL, C1, bidi overrides.
// eslint-disable-next-line no-control-regex -- the point of the test
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it('shows control characters as visible escapes and keeps ordinary text, tabs and newlines', () => {
    expect(terminalText(`Heading ${HOSTILE}`)).toBe('Heading \\x1b]0;PWNED\\x07\\x1b[2J');
    expect(terminalText('a\rb\bc\x7fd\x9be\u202ef\u2066g')).toBe('a\\x0db\\x08c\\u007fd\\u009be\\u202ef\\u2066g');
    expect(terminalText('Æbleskiver — 40 words\tok\n✓ næste')).toBe('Æbleskiver — 40 words\tok\n✓ næste');
  });

  it('escapes inside JSON text so it still parses to the same value', () => {
    const value = { heading: `x\x9b2J\u202e\x7f${HOSTILE}` };
    const printed = terminalText(JSON.stringify(value));
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(printed)).toEqual(value);
  });
});

describe('report text printed by check and doctor', () => {
  const hostileRepo = () =>
    tempRepo({
      'reports/README.md': buildReport({
        answers: {
          4: `${words(30)}\n\n### Oops ${HOSTILE}\n\n${words(90)}`,
          6: `${words(60)} ![shot](figures/${HOSTILE}\u202e.png)`,
        },
      }),
    });

  it('check prints the link target escaped, in human and JSON output', () => {
    const repo = hostileRepo();
    const human = runCliProcess(['check', repo]);
    expect(human.stdout).toContain('figures/\\x1b]0;PWNED\\x07\\x1b[2J\\u202e.png');
    expect(human.stdout + human.stderr).not.toMatch(RAW_CONTROL);
    const json = runCliProcess(['check', repo, '--json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(json.stdout).toContain('\\u202e.png');
    // The JSON still carries the report's exact characters.
    const messages = (JSON.parse(json.stdout) as { warnings: { message: string }[] }).warnings.map((w) => w.message);
    expect(messages.some((m) => m.includes(`figures/${HOSTILE}\u202e.png`))).toBe(true);
  });

  it('doctor prints the heading escaped', () => {
    const run = runCliProcess(['doctor', hostileRepo()]);
    expect(run.stdout).toContain('\\x1b]0;PWNED');
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
  });

  it('a path holding control characters is escaped in the error line', () => {
    const run = runCliProcess(['check', join(tempRepo({}), `no${HOSTILE}`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no\\x1b]0;PWNED');
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('a reader that stops early', () => {
  it('`check | head -1` ends quietly with the check verdict, no EPIPE trace', () => {
    // Enough warnings that the output cannot fit in the pipe before head exits.
    const links = Array.from({ length: 400 }, (_, i) => `![m](figures/missing-${i}.png)`).join('\n\n');
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 4: `${words(120)}\n\n${links}` } }) });
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" check "$2" | head -1', process.execPath, CLI_PATH, repo], { encoding: 'utf8' });
      expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1); // the report fails: the verdict, not a crash (pipefail shows it)
    }
  });

  it('the output goes on when the reader reads everything', () => {
    const run = spawnSync('bash', ['-c', '"$0" "$1" check "$2" | cat', process.execPath, CLI_PATH, tempRepo({ 'reports/README.md': buildReport() })], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/passed \d+\/31/);
  });
});

describe('a bad environment gets a one-line reason, exit code 2', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.close()));

  it('serve on a taken port names the port and a free one', async () => {
    const taken = createServer();
    servers.push(taken);
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = (taken.address() as { port: number }).port;
    const child = spawn(process.execPath, [CLI_PATH, 'serve', tempRepo({}), '--port', String(port)], {
      env: { ...process.env, REPORT_EDITOR_CONFIG_DIR: tempRepo({}) },
    });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    const match = /^report-editor serve: port (\d+) is in use; try --port (\d+) or omit --port$/.exec(lines[0]!);
    expect(match?.[1]).toBe(String(port));
    expect(Number(match?.[2])).not.toBe(port);
  });

  it('export to a folder, or into a folder that cannot hold files, says why in one line', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    mkdirSync(join(repo, 'out.html'));
    for (const output of [join(repo, 'out.html'), '/proc/report.html']) {
      const run = runCliProcess(['export', repo, '-o', output]);
      expect(run.code, output).toBe(2);
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(/^report-editor export: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
