/**
 * Child processes for suites that run many independent ones (the hostile reports: ~90 processes
 * of 2 MB work each). One at a time leaves a core idle for minutes; more than one per core only
 * adds waiting. What they measure is per process (peak RSS, exit code, output) or a generous
 * hang bound, so running them side by side changes no verdict.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The pool's timeout killed it. */
  timedOut: boolean;
  /** How long the process ran (not counting the wait for a slot). */
  ms: number;
}

/** At most `size` jobs at once; the others wait in order. */
export function processPool(size = Math.max(1, availableParallelism())) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = () =>
    new Promise<void>((start) => {
      if (running < size) {
        running++;
        start();
      } else waiting.push(start);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  /** `command args…` once a slot is free; killed (SIGKILL) after `timeoutMs`. */
  async function run(command: string, args: readonly string[], timeoutMs: number): Promise<ChildResult> {
    await acquire();
    try {
      return await new Promise<ChildResult>((resolve, reject) => {
        const started = Date.now();
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.on('close', (status, signal) => {
          clearTimeout(timer);
          resolve({
            status,
            signal,
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
            timedOut,
            ms: Date.now() - started,
          });
        });
      });
    } finally {
      release();
    }
  }

  return { size, run };
}
