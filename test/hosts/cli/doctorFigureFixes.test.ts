/**
 * `report-editor doctor --fix` also applies the figure fixes that are safe: the missing "!" and
 * the backticks around an image that is there, and a figure file whose name has spaces renamed (git
 * mv when git tracks it) with every link following. `--figures` adds the ones that may undo a
 * deliberate link.
 * Run as a process on temp repos, with real git.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../../src/core/checkReport';
import { resolveProfile } from '../../../src/core/templateVersion';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport } from '../../support/reportBuilder';
import { git, gitInit } from '../../services/figuresSupport';

beforeAll(assertCliBuilt);

const readme = (repo: string) => readFileSync(join(repo, 'reports/README.md'), 'utf8');

describe('doctor --fix: figure fixes', () => {
  const answers = { ...passingAnswers31(), 19: '[bucket](figures/a.png)', 20: 'Our registry: `![registry](figures/a.png)`' };
  const broken = buildReport({ answers });
  const repaired = buildReport({ answers: { ...answers, 19: '![bucket](figures/a.png)', 20: 'Our registry: ![registry](figures/a.png)' } });

  it('adds the "!" and removes the backticks, so the checker counts the images, and says so', () => {
    const repo = tempRepo({ 'reports/README.md': broken, 'reports/figures/a.png': 'png' });
    expect(checkReport(broken, resolveProfile(broken).profile).failures.map((f) => f.question)).toEqual([19]);

    const run = runCliProcess(['doctor', '--fix'], repo);
    expect(run.stdout).toMatch(/✓ line \d+ +Q19 +Add the "!"/);
    expect(run.stdout).toMatch(/✓ line \d+ +Q20 +Remove the backticks/);
    expect(run.code).toBe(0);
    const fixed = readme(repo);
    expect(fixed).toBe(repaired);
    expect(checkReport(fixed, resolveProfile(fixed).profile).failures).toEqual([]);
    expect(readFileSync(join(repo, 'reports/README.md.bak'), 'utf8')).toBe(broken);
  });

  it('leaves links that may be deliberate to --figures: in a sentence, to the web, to a missing file, in a fence', () => {
    const maybeMeant = {
      ...passingAnswers31(),
      19: 'See [the bucket](figures/a.png) for details.',
      20: '[registry](https://example.com/registry.png)',
      21: '[build](figures/missing.png)',
      22: `${passingAnswers31()[22]}\n\n\`\`\`markdown\n![cloud](figures/a.png)\n\`\`\``,
    };
    const text = buildReport({ answers: maybeMeant });
    const repo = tempRepo({ 'reports/README.md': text, 'reports/figures/a.png': 'png' });
    runCliProcess(['doctor', '--fix'], repo);
    expect(readme(repo)).toBe(text);

    const run = runCliProcess(['doctor', '--fix', '--figures'], repo);
    expect(run.code).toBe(0);
    const all = readme(repo);
    expect(all).toContain('See ![the bucket](figures/a.png) for details.');
    expect(all).toContain('![registry](https://example.com/registry.png)');
    expect(all).toContain('![build](figures/missing.png)');
    expect(all).not.toContain('```markdown');
  });

  it('fixes many links in one go (a pasted file of them), each listed', () => {
    const many = Array.from({ length: 300 }, (_, i) => `[shot ${i}](figures/a.png)`).join('\n\n');
    const text = buildReport({ answers: { ...passingAnswers31(), 26: `${passingAnswers31()[26]}\n\n${many}` } });
    const repo = tempRepo({ 'reports/README.md': text, 'reports/figures/a.png': 'png' });
    const run = runCliProcess(['doctor', '--fix', '--json'], repo);
    const json = JSON.parse(run.stdout);
    expect(json.figuresFixed).toHaveLength(300);
    expect(readme(repo)).toBe(text.replaceAll('[shot ', '![shot '));
  });
});

describe('doctor --fix: figure files whose names have spaces', () => {
  const withSpaces = (link: string) =>
    buildReport({
      answers: {
        ...passingAnswers31(),
        19: `Our bucket:\n\n![bucket](${link})`,
        20: `The registry, again the bucket: ![same](${link})`,
      },
    });

  it('renames an untracked file, relinks every link to it, and the report passes check', () => {
    const broken = withSpaces('figures/my bucket.png');
    const repo = tempRepo({ 'reports/README.md': broken, 'reports/figures/my bucket.png': 'png bytes' });
    const run = runCliProcess(['doctor', '--fix'], repo);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/✓ line \d+ +Q19 +Renamed figures\/my bucket\.png to figures\/my-bucket\.png and relinked it/);
    expect(run.code).toBe(0);
    expect(existsSync(join(repo, 'reports/figures/my bucket.png'))).toBe(false);
    expect(readFileSync(join(repo, 'reports/figures/my-bucket.png'), 'utf8')).toBe('png bytes');
    const fixed = readme(repo);
    expect(fixed).toBe(withSpaces('figures/my-bucket.png'));
    expect(checkReport(fixed, resolveProfile(fixed).profile).failures).toEqual([]);
    expect(runCliProcess(['check', repo], repo).code).toBe(0);
  });

  it('uses git mv for a tracked file, so git sees a rename and the figure stays in the repo', () => {
    const broken = withSpaces('figures/my bucket.png');
    const repo = tempRepo({ 'reports/README.md': broken, 'reports/figures/my bucket.png': 'png bytes' });
    gitInit(repo);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'report');
    const run = runCliProcess(['doctor', '--fix'], repo);
    expect(run.code).toBe(0);
    expect(git(repo, 'status', '--porcelain', '--', 'reports/figures')).toBe('R  "reports/figures/my bucket.png" -> reports/figures/my-bucket.png\n');
    expect(readme(repo)).toBe(withSpaces('figures/my-bucket.png'));
  });

  it('refuses in one line where the new name is taken, and renames nothing', () => {
    const broken = withSpaces('figures/my bucket.png');
    const repo = tempRepo({
      'reports/README.md': broken,
      'reports/figures/my bucket.png': 'the linked one',
      'reports/figures/my-bucket.png': 'another figure',
    });
    const run = runCliProcess(['doctor', '--fix'], repo);
    const refusals = run.stdout.split('\n').filter((l) => l.includes('was not renamed'));
    expect(refusals).toEqual(['✗ figures/my bucket.png was not renamed: figures/my-bucket.png already exists (rename one of them yourself)']);
    expect(readFileSync(join(repo, 'reports/figures/my bucket.png'), 'utf8')).toBe('the linked one');
    expect(readFileSync(join(repo, 'reports/figures/my-bucket.png'), 'utf8')).toBe('another figure');
    expect(readme(repo)).toBe(broken);
  });
});
