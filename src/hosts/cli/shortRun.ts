/**
 * A `check` of one ordinary report is over in a few tens of milliseconds, most of it code running
 * for the first time. V8 meanwhile compiles its hottest functions with its optimising compiler
 * (TurboFan) on another thread, work whose result arrives too late to pay for itself: ~15 ms of
 * CPU of a ~130 ms run (measured on real-041, 50 kB). So when what the command was given adds up
 * to little text, the optimising tier is switched off for this process; on large input (a pasted
 * 2 MB file, a folder of 100 repos) it stays on, where it halves the time.
 *
 * So is the regular expressions' tier-up: V8 first compiles each regular expression to bytecode for
 * its interpreter, then again to machine code once it runs a second time. A check uses ~60 of them,
 * most on a few hundred short lines, so compiling each once, straight to machine code, spares the
 * ~56 bytecode compiles (-1.1 to -1.4 ms of own CPU of real-041's check, 60 interleaved pairs).
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

/** The V8 flags of a short run, each with the default it replaces. */
const SHORT_RUN_FLAGS: readonly (readonly [short: string, usual: string])[] = [
  ['--no-opt', '--opt'],
  ['--no-regexp-tier-up', '--regexp-tier-up'],
];

/**
 * Turns the optimising compiler and the regular expressions' tier-up off when `check args` is known
 * to be a short run; says whether it did.
 */
export function tuneForShortRun(args: readonly string[], cwd: string): boolean {
  const bytes = reportBytes(checkPaths(args), cwd);
  if (bytes === null || bytes > SHORT_RUN_MAX_BYTES) return false;
  for (const [short] of SHORT_RUN_FLAGS) setV8Flags(short);
  return true;
}

/** V8's flags as they were: its code cache is stamped with them, and the next run loads it before tuning. */
export function endShortRun(): void {
  for (const [, usual] of SHORT_RUN_FLAGS) setV8Flags(usual);
}
