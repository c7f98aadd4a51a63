/**
 * Choosing a folder in the browser host, which has no folder picker: the path field completes
 * folder names from the host, nothing offers a drop the browser cannot do, the "no report" screen
 * says its piece once and offers to create the report, and a failed open keeps the open report.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { newestTemplate } from '../src/services/createReport';
import { focusAnswer, modKey, saveNow, watchErrors } from './support/app';
import { expect, test } from './support/host';

test('the path field completes folder names from the host, hidden folders last, files never', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const host = await hostRepo({
    files: {
      'reports/README.md': latestBlankTemplate(31).text,
      'src/train.py': 'print()\n',
      '.dvc/config': '[core]\n',
      'notes.md': '# notes\n',
    },
    serveArg: null,
  });
  await page.goto(host.url);
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  // A browser cannot say where a dropped folder is: the welcome screen does not offer it.
  await expect(welcome).not.toContainText('drop');

  const input = page.getByTestId('path-input');
  await input.fill(`${dirname(host.repoRoot)}/re`);
  const options = page.getByTestId('path-option');
  await expect(options).toHaveText(['repo']);
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue(`${host.repoRoot}/`);
  // Its sub-folders: visible ones by name, the hidden one last, no file.
  await expect(options).toHaveText(['reports', 'src', '.dvc']);

  // Escape closes the list, and Enter then opens what is typed.
  await page.keyboard.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('nav-q-31')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a path that does not exist says so under the field', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: { 'README.md': '# x\n' }, serveArg: null });
  await page.goto(host.url);
  await page.getByTestId('path-input').fill(`${host.repoRoot}/no-such-folder/`);
  await expect(page.getByTestId('path-hint')).toContainText('does not exist');
  await expect(page.getByTestId('path-option')).toHaveCount(0);
});

test('a repo with no report explains it once and creates reports/README.md from the newest template', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const host = await hostRepo({ files: { 'README.md': '# My project\n', 'src/train.py': 'print()\n' } });
  await page.goto(host.url);
  const screen = page.getByTestId('no-report');
  await expect(screen).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No report in this folder' })).toHaveCount(1);
  // The host's own "no report found … expected reports/README.md" is not said a second time.
  await expect(screen).not.toContainText('no report found');
  await expect(screen).toContainText(host.repoRoot);

  await screen.getByTestId('create-report').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('nav-q-31')).toHaveAttribute('data-status', 'empty');
  await expect(page.locator('.file-path')).toHaveText('reports/README.md');
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toBe(newestTemplate().text);
  expect(statSync(host.path('reports/figures')).isDirectory()).toBe(true);
  expect(await readFile(host.path('README.md'), 'utf8')).toBe('# My project\n');

  // What is typed lands in the new file.
  const editor = await focusAnswer(page, 1);
  await editor.pressSequentially('Our group number is 7.');
  await saveNow(page);
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toContain('Our group number is 7.');
  expect(errors).toEqual([]);
});

test('an empty reports/README.md is never overwritten: the screen says to fill it, and offers no creation', async ({
  page,
  hostRepo,
}) => {
  const host = await hostRepo({ files: { 'reports/README.md': '' } });
  await page.goto(host.url);
  const screen = page.getByTestId('no-report');
  await expect(screen.getByTestId('no-report-reason')).toContainText('is empty');
  await expect(screen.getByTestId('create-report')).toHaveCount(0);
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toBe('');
});

test('a failed open keeps the report that was open, and Enter goes back to it', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const host = await hostRepo({
    files: {
      'reports/README.md': latestBlankTemplate(31).text,
      'elsewhere/picture.md': png,
      'empty-project/src/main.py': 'print()\n',
    },
  });
  await page.goto(host.url);
  await expect(page.getByTestId('editor')).toBeVisible();

  for (const [target, title] of [
    ['elsewhere/picture.md', 'This report cannot be opened'],
    ['empty-project', 'No report in this folder'],
  ] as const) {
    await page.keyboard.press(`${modKey}+o`);
    const open = page.getByTestId('open-dialog');
    await expect(open).toBeVisible();
    await open.getByTestId('path-input').fill(host.path(target));
    await open.getByRole('button', { name: 'Open', exact: true }).click();
    const problem = page.getByTestId('open-problem-dialog');
    await expect(problem.getByRole('heading', { name: title })).toBeVisible();
    // The report stays open under it; the default button goes back to it.
    await expect(page.getByTestId('editor')).toBeAttached();
    await expect(problem.getByTestId('back-to-report')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(problem).toHaveCount(0);
    await expect(page.locator('.file-path')).toHaveText('reports/README.md');
  }
  expect(existsSync(host.path('empty-project/reports'))).toBe(false);

  // Still the open report on the host too: an edit saves into it.
  const editor = await focusAnswer(page, 2);
  await editor.pressSequentially('Still here.');
  await saveNow(page);
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toContain('Still here.');
  expect(errors).toEqual([]);
});
