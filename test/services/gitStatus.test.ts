import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitAvailability } from '../../src/services/figures/gitStatus';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('whether the figures git checks can run', () => {
  it('says plainly that git is not installed when there is no git on PATH', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'no-git-'));
    made.push(folder);
    const path = process.env['PATH'];
    process.env['PATH'] = folder; // an empty folder: no git anywhere on PATH
    try {
      expect(await gitAvailability(folder)).toEqual({ checked: false, reason: 'git is not installed (or not on PATH)' });
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('says the report is not in a repository when git runs but finds none', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'no-repo-'));
    made.push(folder);
    expect(await gitAvailability(folder)).toEqual({ checked: false, reason: 'the report is not inside a git repository' });
  });
});
