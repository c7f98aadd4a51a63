/**
 * A read-only report in the browser host: typing and saving does not write it; the app asks
 * "Make it writable and save" or Cancel. Cancel keeps the edits here with a banner; making it
 * writable saves (this box runs as root, which could write the file anyway: the write bits decide).
 */
import { chmod, readFile, stat } from 'node:fs/promises';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

test('a read-only report: the app asks, Cancel keeps the edits, "Make it writable and save" saves', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024');
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  const file = host.path('reports/README.md');
  await chmod(file, 0o444);
  await openForm(page, host);

  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' READONLY');
  await page.keyboard.press(`${modKey}+s`);
  const dialog = page.getByTestId('read-only-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('reports/README.md is read-only');
  expect(await readFile(file)).toEqual(report.bytes);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText('is read-only; your edits are only here');
  // Autosave keeps meeting the read-only file, without asking again and without writing it.
  await page.waitForTimeout(1500);
  await expect(dialog).toHaveCount(0);
  expect(await readFile(file)).toEqual(report.bytes);
  expect((await stat(file)).mode & 0o777).toBe(0o444);

  await banner.getByRole('button', { name: 'Make it writable and save' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const old7 = findQuestion(parseReport(report.text), 7)!.answer;
  expect(await readFile(file, 'utf8')).toBe(serializeReport(setAnswer(parseReport(report.text), 7, `${old7} READONLY`)));
  expect((await stat(file)).mode & 0o777).toBe(0o644);
  expect(errors).toEqual([]);
});
