/**
 * The CLI writes its lines straight to file descriptors 1 and 2 (cliProcess.ts), not through
 * Node's streams: whatever the output is connected to, every line arrives, whole and in order,
 * exactly as the stream wrote it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineWriter } from '../../../src/hosts/cli/cliProcess';
import { assertCliBuilt, CLI_PATH, runCliProcess, tempRepo } from '../../support/cli';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const PYTHON = '/usr/bin/python3';

/** A report whose check prints far more than a pipe holds (64 kB on Linux). */
function loudRepo(): string {
  const links = Array.from({ length: 1500 }, (_, i) => `![m](figures/missing-figure-number-${i}.png)`).join('\n\n');
  return tempRepo({ 'reports/README.md': buildReport({ answers: { 4: `${words(120)}\n\n${links}` } }) });
}

describe('the lines of a command', () => {
  it('reach a pipe a slow reader made non-blocking whole and in order (the writer waits instead of failing)', () => {
    if (!existsSync(PYTHON)) return; // the only way here to hand a child a non-blocking pipe
    const repo = loudRepo();
    // One annotation line per missing figure: ~300 kB.
    const expected = runCliProcess(['check', repo, '--format', 'github']);
    expect(expected.stdout.length).toBeGreaterThan(128 * 1024);
    // The reader makes its end of the pipe non-blocking (the flag is shared with the writer's end),
    // lets the CLI fill it, and only then reads.
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(1)',
      'chunks = []',
      'while True:',
      '    b = os.read(r, 65536)',
      '    if not b: break',
      '    chunks.append(b)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(p.wait())',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script, process.execPath, CLI_PATH, 'check', repo, '--format', 'github'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(expected.code);
    expect(run.stdout).toBe(expected.stdout);
  });

  it('written to a file hold exactly what the terminal shows', () => {
    const repo = loudRepo();
    const file = join(tmpdir(), `cli-output-${process.pid}.txt`);
    const fd = openSync(file, 'w');
    const run = spawnSync(process.execPath, [CLI_PATH, 'check', repo], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(run.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(runCliProcess(['check', repo]).stdout);
  });

  it('go on through the stream, in order, once the descriptor refuses one', () => {
    const received: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk.toString());
        done();
      },
    }) as unknown as NodeJS.WriteStream;
    const closed = openSync(join(tmpdir(), `cli-closed-${process.pid}.txt`), 'w');
    closeSync(closed); // writing to it fails (EBADF): the stream takes over
    let made = 0;
    const write = lineWriter(closed as 1, () => {
      made++;
      return stream;
    });
    write('first ✓');
    write('second');
    expect(received.join('')).toBe('first ✓\nsecond\n');
    expect(made).toBe(1);
  });
});
