import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attributePattern, shellQuote } from '../../../src/hosts/cli/gitSetupCommand';
import { assertCliBuilt, CLI_PATH } from '../../support/cli';
import { GitSandbox } from '../../support/gitSandbox';
import { buildReport } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

function repo(files: Record<string, string>) {
  const sandbox = new GitSandbox();
  const dir = sandbox.origin(files).clone('clone');
  return { sandbox, dir };
}

const attr = (sandbox: GitSandbox, dir: string, path: string) => sandbox.git(dir, ['check-attr', 'merge', '--', path]).stdout.trim();

describe('report-editor git-setup', () => {
  it('adds the .gitattributes line and this clone\'s driver config, says what to commit, and changes nothing when run again', () => {
    const { sandbox, dir } = repo({ 'reports/README.md': buildReport() });
    const first = sandbox.cli(dir, ['git-setup']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('.gitattributes: added "reports/README.md merge=mlops-report"');
    expect(first.stdout).toContain('git add .gitattributes && git commit');
    expect(sandbox.read(dir, '.gitattributes')).toBe('# Merge the report answer by answer (report-editor git-setup)\nreports/README.md merge=mlops-report\n');
    expect(attr(sandbox, dir, 'reports/README.md')).toBe('reports/README.md: merge: mlops-report');
    const driver = sandbox.git(dir, ['config', '--local', '--get', 'merge.mlops-report.driver']).stdout.trim();
    // Absolute paths of node and the CLI: git finds the driver without report-editor on PATH.
    expect(driver).toContain(`${shellQuote(process.execPath)} ${shellQuote(CLI_PATH)} merge-driver %O %A %B %P --marker-size %L;`);
    // …and git's own line merge when that command cannot run (mergeDriver.test.ts runs it).
    expect(driver).toMatch(/ git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B /);
    expect(sandbox.git(dir, ['config', '--local', '--get', 'merge.mlops-report.name']).stdout).toMatch(/answer by answer/);

    sandbox.git(dir, ['add', '.gitattributes']);
    sandbox.git(dir, ['commit', '-q', '-m', 'driver']);
    const second = sandbox.cli(dir, ['git-setup']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('.gitattributes already sends reports/README.md to the merge driver');
    expect(second.stdout).toContain('merge.mlops-report.driver already is');
    expect(second.stdout).toContain('Nothing to commit');
    expect(sandbox.read(dir, '.gitattributes').match(/merge=mlops-report/g)).toHaveLength(1);
    expect(sandbox.git(dir, ['status', '--porcelain']).stdout).toBe('');
  });

  it('keeps an existing .gitattributes byte for byte (CRLF, no final newline) and finds the report from a subfolder', () => {
    const existing = '*.md -text\r\n*.png binary';
    const { sandbox, dir } = repo({ 'reports/README.md': buildReport(), '.gitattributes': existing });
    const run = sandbox.cli(join(dir, 'reports'), ['git-setup']);
    expect(run.code).toBe(0);
    expect(sandbox.read(dir, '.gitattributes')).toBe(`${existing}\r\n# Merge the report answer by answer (report-editor git-setup)\r\nreports/README.md merge=mlops-report\r\n`);
    expect(attr(sandbox, dir, 'reports/README.md')).toBe('reports/README.md: merge: mlops-report');
    // Other markdown files keep git's own merge.
    expect(attr(sandbox, dir, 'README.md')).toBe('README.md: merge: unspecified');
  });

  it('says to add .gitattributes with -f, every time, when the .gitignore ignores it (a plain git add refuses it)', () => {
    const { sandbox, dir } = repo({ 'reports/README.md': buildReport(), '.gitignore': '.*\n!.gitignore\n' });
    for (const run of [sandbox.cli(dir, ['git-setup']), sandbox.cli(dir, ['git-setup'])]) {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('Nothing to commit');
      expect(run.stdout).toContain('git add -f .gitattributes && git commit');
    }
    sandbox.git(dir, ['add', '-f', '.gitattributes']);
    sandbox.git(dir, ['commit', '-q', '-m', 'driver']);
    expect(sandbox.cli(dir, ['git-setup']).stdout).toContain('Nothing to commit');
  });

  it('does not add a line when another pattern already sends the report to the driver', () => {
    const { sandbox, dir } = repo({ 'reports/README.md': buildReport(), '.gitattributes': 'reports/*.md merge=mlops-report\n' });
    expect(sandbox.cli(dir, ['git-setup']).code).toBe(0);
    expect(sandbox.read(dir, '.gitattributes')).toBe('reports/*.md merge=mlops-report\n');
  });

  it('escapes a report name with spaces and glob characters so the line matches only that file', () => {
    const name = 'reports/our report [final].md';
    const { sandbox, dir } = repo({ [name]: buildReport(), 'reports/our report Xfinal].md': buildReport() });
    const run = sandbox.cli(dir, ['git-setup', name]);
    expect(run.code).toBe(0);
    expect(attributePattern(name)).toBe('"reports/our report [[]final].md"');
    expect(attr(sandbox, dir, name)).toMatch(/merge: mlops-report$/);
    expect(attr(sandbox, dir, 'reports/our report Xfinal].md')).toMatch(/merge: unspecified$/);
  });

  it('anchors a report kept in the repo root, so other README.md files keep git\'s own merge', () => {
    const { sandbox, dir } = repo({ 'README.md': buildReport(), 'docs/README.md': '# Docs\n' });
    expect(sandbox.cli(dir, ['git-setup']).code).toBe(0);
    expect(sandbox.read(dir, '.gitattributes')).toContain('\n/README.md merge=mlops-report\n');
    expect(attr(sandbox, dir, 'README.md')).toBe('README.md: merge: mlops-report');
    expect(attr(sandbox, dir, 'docs/README.md')).toBe('docs/README.md: merge: unspecified');
  });

  it('exits 2 with a reason outside a git repository', () => {
    const sandbox = new GitSandbox();
    sandbox.write(sandbox.root, 'work/reports/README.md', buildReport());
    const run = sandbox.cli(join(sandbox.root, 'work'), ['git-setup']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not inside a git repository/);
  });
});
