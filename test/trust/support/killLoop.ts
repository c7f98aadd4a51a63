/**
 * Fault injection: start a child that writes in a loop, let it run for a random moment, SIGKILL it,
 * look at the disk. Repeated hundreds of times, the kill lands in every phase of a write.
 */
import { spawn } from 'node:child_process';

export interface KillRun {
  /** Milliseconds the child ran after saying `ready`. */
  delayMs: number;
  stderr: string;
}

/**
 * Spawns `node script ...args`, waits for its `ready` line, waits `delayMs`, kills it with SIGKILL
 * and resolves once it is gone. Rejects when the child dies on its own (a crash is not a kill).
 */
export function runAndKill(script: string, args: readonly string[], delayMs: number): Promise<KillRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!killed && stdout.includes('ready\n')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      // Windows has no signals: kill() terminates the process, which may report no signal.
      if (killed && (signal === 'SIGKILL' || process.platform === 'win32')) resolveRun({ delayMs, stderr });
      else reject(new Error(`the child ended by itself (code ${code}, signal ${signal}) before the kill:\n${stderr}`));
    });
  });
}

/** Runs `count` jobs, `lanes` at a time (2 cores: two children at once). */
export async function inLanes<T>(count: number, lanes: number, job: (lane: number, index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      while (next < count) {
        const index = next++;
        results[index] = await job(lane, index);
      }
    }),
  );
  return results;
}
