/**
 * `report-editor doctor --fix --figures` also applies the figure fixes that only edit a link's own bytes:
 * the missing "!" and the backticks around an image. Run as a process on a temp repo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../../src/core/checkReport';
import { resolveProfile } from '../../../src/core/templateVersion';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

describe('doctor --fix --figures', () => {
  it('adds the "!" and removes the backticks, so the checker counts the images, and says so', () => {
    const answers = { ...passingAnswers31(), 19: '[bucket](figures/a.png)', 20: 'Our registry: `![registry](figures/a.png)`' };
    const broken = buildReport({ answers });
    const repo = tempRepo({ 'reports/README.md': broken, 'reports/figures/a.png': 'png' });
    const before = checkReport(broken, resolveProfile(broken).profile);
    expect(before.failures.map((f) => f.question)).toEqual([19]);

    // Without --figures, --fix leaves links alone (its own fixes never change a character of them).
    expect(runCliProcess(['doctor', '--fix'], repo).stdout).toContain('No drift from the template found; nothing to repair.');
    expect(readFileSync(join(repo, 'reports/README.md'), 'utf8')).toBe(broken);

    const run = runCliProcess(['doctor', '--fix', '--figures'], repo);
    expect(run.stdout).toMatch(/✓ line \d+ +Q19 +Add the "!"/);
    expect(run.stdout).toMatch(/✓ line \d+ +Q20 +Remove the backticks/);
    expect(run.code).toBe(0);
    const fixed = readFileSync(join(repo, 'reports/README.md'), 'utf8');
    expect(fixed).toBe(buildReport({ answers: { ...answers, 19: '![bucket](figures/a.png)', 20: 'Our registry: ![registry](figures/a.png)' } }));
    expect(checkReport(fixed, resolveProfile(fixed).profile).failures).toEqual([]);
    expect(readFileSync(join(repo, 'reports/README.md.bak'), 'utf8')).toBe(broken);
  });
});
