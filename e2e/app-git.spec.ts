/**
 * Git awareness in a real temporary repository with a bare "GitHub" remote and a groupmate's
 * clone: a question changed since the last commit is marked in the navigator and its editor's
 * gutter, uncommitted changes and "behind origin/main by 2" (as last fetched) are shown, and the
 * app offers the merge driver and sets it up. Outside a repository the app says nothing of git.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { serializeReport } from '../src/core/reportModel';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-git specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const REPORT = 'reports/README.md';
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Student',
  GIT_AUTHOR_EMAIL: 'student@example.com',
  GIT_COMMITTER_NAME: 'Student',
  GIT_COMMITTER_EMAIL: 'student@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('a real repo: changed questions marked, uncommitted and behind shown, the merge driver offered and set up', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024');
  const host = await hostRepo({ files: { [REPORT]: report.bytes } });
  const repo = host.repoRoot;
  const remotes = mkdtempSync(join(tmpdir(), 'report-editor-e2e-remote-'));
  try {
    // The group's repository: a bare remote, this clone, and a groupmate who pushes two commits.
    const bare = join(remotes, 'origin.git');
    git(remotes, 'init', '-q', '--bare', '-b', 'main', bare);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Start the report');
    git(repo, 'remote', 'add', 'origin', bare);
    git(repo, 'push', '-q', '-u', 'origin', 'main');
    const mate = join(remotes, 'mate');
    git(remotes, 'clone', '-q', bare, mate);
    for (const [n, text] of [[5, 'Groupmate five.'], [6, 'Groupmate six.']] as const) {
      const file = join(mate, REPORT);
      writeFileSync(file, serializeReport(setAnswer(parseReport(readFileSync(file, 'utf8')), n, text)));
      git(mate, 'commit', '-q', '-a', '-m', `Answer ${n}`);
    }
    git(mate, 'push', '-q', 'origin', 'main');
    git(repo, 'fetch', '-q');

    await openForm(page, host);
    const status = page.getByTestId('git-status');
    await expect(status).toContainText('behind origin/main by 2: pull before writing');
    await expect(status).not.toContainText('uncommitted');
    await expect(page.getByTestId('nav-git-7')).toHaveCount(0);

    // Typing in question 7: marked in the navigator at once, its changed line in the gutter.
    await focusAnswer(page, 7);
    await page.keyboard.press(`${modKey}+End`);
    await page.keyboard.type(' Changed here.');
    await expect(page.getByTestId('nav-git-7')).toBeVisible();
    await expect(page.getByTestId('question-7').locator('.cm-git-changed')).toHaveCount(1);
    await expect(page.getByTestId('question-8').locator('.cm-git-changed')).toHaveCount(0);
    await expect(page.getByTestId('nav-git-5')).toHaveCount(0);
    await page.keyboard.press(`${modKey}+s`);
    await expect(status).toContainText('uncommitted changes');

    // The merge driver is missing in this clone: offered, and set up by the same code as `git-setup`.
    const banner = page.getByTestId('merge-driver-banner');
    await expect(banner).toContainText('Set up the merge driver so group edits merge per question');
    await banner.getByRole('button', { name: 'Set up' }).click();
    await expect(page.getByTestId('notice')).toContainText('Git now merges reports/README.md answer by answer');
    await expect(banner).toHaveCount(0);
    expect(git(repo, 'config', '--get', 'merge.mlops-report.driver')).toMatch(/report-editor\.js merge-driver %O %A %B %P --marker-size %L; .* git merge-file .*\n$/);
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8')).toContain('reports/README.md merge=mlops-report');

    // Committed: no marks, nothing uncommitted (asked again when the window comes back to the front).
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Answer 7');
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect(page.getByTestId('nav-git-7')).toHaveCount(0);
    await expect(page.getByTestId('question-7').locator('.cm-git-changed')).toHaveCount(0);
    await expect(status).not.toContainText('uncommitted');
    expect(errors).toEqual([]);
  } finally {
    rmSync(remotes, { recursive: true, force: true });
  }
});

test('outside a git repository the app says nothing about git', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const host = await hostRepo({ files: { [REPORT]: corpusReport('real-024').bytes } });
  await openForm(page, host);
  await focusAnswer(page, 7);
  await page.keyboard.type('x');
  await page.keyboard.press(`${modKey}+s`);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(page.getByTestId('git-status')).toHaveCount(0);
  await expect(page.getByTestId('merge-driver-banner')).toHaveCount(0);
  await expect(page.locator('[data-testid^="nav-git-"]')).toHaveCount(0);
  await expect(page.locator('.cm-git-changed')).toHaveCount(0);
  expect(errors).toEqual([]);
});
