/**
 * A `check` of one ordinary report is over in a few tens of milliseconds, most of it code running
 * for the first time. V8 meanwhile compiles its hottest functions with its optimising compiler
 * (TurboFan) on another thread, work whose result arrives too late to pay for itself: ~15 ms of
 * CPU of a ~130 ms run (measured on real-041, 50 kB). So when what the command was given adds up
 * to little text, the optimising tier is switched off for this process; on large input (a pasted
 * 2 MB file, a folder of 100 repos) it stays on, where it halves the time.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setV8Flags } from './v8Flags';

/** Up to this much report text in all, the run is short enough that optimising does not pay. */
export const SHORT_RUN_MAX_BYTES = 256 * 1024;

function fileSize(path: string): number | null {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/**
 * The size of the report each PATH names (a file, or a folder with `reports/README.md` or
 * `README.md`), summed; null when a PATH does not name one directly (a folder of repos, a report
 * elsewhere in the repo): then the work is not known in advance.
 */
export function reportBytes(paths: readonly string[], cwd: string): number | null {
  let total = 0;
  for (const given of paths.length > 0 ? paths : ['.']) {
    const path = resolve(cwd, given);
    const size = fileSize(path) ?? fileSize(join(path, 'reports', 'README.md')) ?? fileSize(join(path, 'README.md'));
    if (size === null) return null;
    total += size;
  }
  return total;
}

/** The PATHs of a `check` command line (its options take no values, except --format's). */
export function checkPaths(args: readonly string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--format') i++;
    else if (!args[i].startsWith('-')) paths.push(args[i]);
  }
  return paths;
}

/** Turns the optimising compiler off when `check args` is known to be a short run; says whether it did. */
export function tuneForShortRun(args: readonly string[], cwd: string): boolean {
  const bytes = reportBytes(checkPaths(args), cwd);
  if (bytes === null || bytes > SHORT_RUN_MAX_BYTES) return false;
  setV8Flags('--no-opt');
  return true;
}

/** Turns the optimising compiler back on (V8's flags as they were). */
export function endShortRun(): void {
  setV8Flags('--opt');
}
