/**
 * The source files under a folder, for the architecture tests. importProbe.test.ts writes
 * short-lived probe files (named with PROBE_PREFIX) into src/ while it runs, in parallel with the
 * tests that read the tree: those are never listed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PROBE_PREFIX = '__probe';

/** Every file under `dir` whose name `include` matches, but the import probe's. */
export function sourceFiles(dir: string, include: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, include);
    return include.test(entry.name) && !entry.name.startsWith(PROBE_PREFIX) ? [path] : [];
  });
}
