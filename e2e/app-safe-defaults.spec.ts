/**
 * Safer defaults: in every dialog that can delete, overwrite or drop something, the focused (and
 * highlighted) choice is the safe one, so pressing Enter loses nothing.
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { serializeReport } from '../src/core/reportModel';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { editorText, focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { expect, test } from './support/host';

const blank = latestBlankTemplate(31).text;
const withAnswer = (number: number, answer: string, text = blank) => serializeReport(setAnswer(parseReport(text), number, answer));

test('removing the last link to a figure: Enter keeps the file', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } }).png().toBuffer();
  const host = await hostRepo({
    files: {
      'reports/README.md': withAnswer(19, 'Our bucket:\n\n![The bucket](figures/bucket.png)'),
      'reports/figures/bucket.png': png,
    },
  });
  await openForm(page, host);
  const thumb = page.getByTestId('figure-thumb-19');
  await thumb.getByTestId('figure-remove').click();
  const dialog = page.getByTestId('figure-delete-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('figure-delete-keep')).toBeFocused();
  await expect(dialog.getByTestId('figure-delete-keep')).toHaveClass(/primary/);
  await expect(dialog.getByTestId('figure-delete-confirm')).not.toHaveClass(/primary/);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(existsSync(host.path('reports/figures/bucket.png'))).toBe(true);
  expect(errors).toEqual([]);
});

test('the report changed on disk with edits here: Enter neither overwrites the disk nor drops the edits', async ({
  page,
  hostRepo,
}) => {
  const host = await hostRepo({ files: { 'reports/README.md': withAnswer(7, 'Original seven.') } });
  const file = host.path('reports/README.md');
  await openForm(page, host);
  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' MINE');
  // The same answer changed on disk: the one case that asks (other answers merge silently).
  const theirs = withAnswer(7, 'THEIRS');
  await writeFile(file, theirs);
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  const conflict = dialog.getByTestId('merge-conflict-0');
  // The lossless choice has the focus; neither lossy one is highlighted.
  await expect(conflict.getByRole('button', { name: 'Keep both' })).toBeFocused();
  for (const name of ['Keep mine', 'Keep theirs']) {
    await expect(conflict.getByRole('button', { name })).not.toHaveClass(/primary/);
  }
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  // Enter chose "Keep both" and wrote nothing: the file is theirs, the editor still holds mine.
  await expect(dialog).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe(theirs);
  expect(await editorText(page, 7)).toBe('Original seven. MINE');
  await expect(dialog.getByTestId('merge-apply')).toBeEnabled();
});

test('a read-only report: Enter cancels, the file keeps its bytes and its mode', async ({ page, hostRepo }) => {
  const text = withAnswer(7, 'Original seven.');
  const host = await hostRepo({ files: { 'reports/README.md': text } });
  const file = host.path('reports/README.md');
  await chmod(file, 0o444);
  await openForm(page, host);
  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' MORE');
  await page.keyboard.press(`${modKey}+s`);
  const dialog = page.getByTestId('read-only-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe(text);
  expect((await stat(file)).mode & 0o777).toBe(0o444);
  expect(await editorText(page, 7)).toBe('Original seven. MORE');
});
