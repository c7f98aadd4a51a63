/**
 * `check` turns V8's optimising compiler off only when it knows in advance that it has little text
 * to read: a large or unknown amount of work keeps it (it halves the time of a 2 MB report).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths, reportBytes, SHORT_RUN_MAX_BYTES } from '../../../src/hosts/cli/shortRun';

function folder(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'short-run-'));
  for (const [path, size] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x'.repeat(size));
  }
  return root;
}

describe('how much report text a check command line names', () => {
  it('reads the PATHs, skipping options and the value of --format', () => {
    expect(checkPaths(['--format', 'github', 'a', '-v', '--json', 'b', '--format=json'])).toEqual(['a', 'b']);
    expect(checkPaths([])).toEqual([]);
  });

  it('sums the report of each PATH: a file, a repo root, a reports/ folder, or the current folder', () => {
    const root = folder({ 'repo/reports/README.md': 1000, 'other/README.md': 300, 'file.md': 20 });
    expect(reportBytes(['repo'], root)).toBe(1000);
    expect(reportBytes(['repo/reports', 'other', 'file.md'], root)).toBe(1320);
    expect(reportBytes([], join(root, 'repo'))).toBe(1000);
  });

  it('is unknown for a folder of repos or a report elsewhere in the repo, and large for a large report', () => {
    const root = folder({ 'g1/reports/README.md': 10, 'g2/reports/README.md': 10, 'deep/MyProject/reports/README.md': 10 });
    expect(reportBytes([root], root)).toBeNull();
    expect(reportBytes(['deep'], root)).toBeNull();
    expect(reportBytes(['missing'], root)).toBeNull();
    const big = folder({ 'reports/README.md': SHORT_RUN_MAX_BYTES + 1 });
    expect(reportBytes([big], big)!).toBeGreaterThan(SHORT_RUN_MAX_BYTES);
  });
});
