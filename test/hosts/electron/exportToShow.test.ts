/**
 * What main lets the operating system open after an export: only an existing regular .html/.htm
 * file inside the open repo — real files, folders and symlinks in a temp repo.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportToShow } from '../../../src/hosts/electron/exportToShow';
import { tempRepo } from '../../support/cli';

describe('exportToShow', () => {
  const outside = tempRepo({ 'elsewhere.html': '<p>not ours</p>' });
  const repo = tempRepo({ 'reports/report.html': '<p>ok</p>', 'reports/REPORT.HTM': '<p>ok</p>', 'reports/run.sh': '#!/bin/sh\n', 'reports/x.desktop': '[Desktop Entry]\n' });
  mkdirSync(join(repo, 'reports/folder.html'));
  symlinkSync(join(repo, 'reports/run.sh'), join(repo, 'reports/link.html'));
  symlinkSync(join(outside, 'elsewhere.html'), join(repo, 'reports/out.html'));
  symlinkSync(join(repo, 'reports/report.html'), join(repo, 'reports/alias.html'));

  it('gives back an exported .html or .htm file inside the repo', async () => {
    await expect(exportToShow(repo, join(repo, 'reports/report.html'))).resolves.toBe(join(repo, 'reports/report.html'));
    await expect(exportToShow(repo, join(repo, 'reports/REPORT.HTM'))).resolves.toBe(join(repo, 'reports/REPORT.HTM'));
    // A link to an export inside the repo is opened as its target.
    await expect(exportToShow(repo, join(repo, 'reports/alias.html'))).resolves.toBe(join(repo, 'reports/report.html'));
  });

  it.each([
    ['a script', 'reports/run.sh', /only an exported \.html file/],
    ['a desktop launcher', 'reports/x.desktop', /only an exported \.html file/],
    ['a missing file', 'reports/gone.html', /does not exist/],
    ['a folder named .html', 'reports/folder.html', /not a regular file/],
    ['a .html link to a script', 'reports/link.html', /links to a file that is not \.html/],
    ['a .html link leading outside the repo', 'reports/out.html', /not inside the report's repo/],
    ['an .html file outside the repo', '../elsewhere.html', /not inside the report's repo/],
  ])('refuses %s', async (_what, path, reason) => {
    await expect(exportToShow(repo, join(repo, path))).rejects.toThrow(reason);
  });

  it('refuses everything when no report is open', async () => {
    await expect(exportToShow(null, join(repo, 'reports/report.html'))).rejects.toThrow(/no report is open/);
  });
});
