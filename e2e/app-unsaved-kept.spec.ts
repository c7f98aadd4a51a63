/**
 * Nothing written is lost or stale in the browser host: a save made in one tab shows in another
 * tab of the same server; a change on disk while the page opens shows; edits that could not be
 * saved (a merge left open) survive a reload; keys typed as the merge dialog would open are kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { buildReport, words } from '../test/support/reportBuilder';
import { editorText, focusAnswer, modKey, openForm, watchErrors } from './support/app';
import type { Page } from '@playwright/test';
import { expect, type HostedRepo, type HostOptions, test } from './support/host';

const REPORT = buildReport({ answers: { 3: words(40, 'three'), 4: words(40, 'four'), 5: words(40, 'five') } });
const answer = (text: string, n: number) => findQuestion(parseReport(text), n)!.answer;
const withAnswer = (text: string, n: number, value: string) => serializeReport(setAnswer(parseReport(text), n, value));

test('a save made in one tab shows in another tab of the same server; the saving tab stays quiet', async ({
  page,
  context,
  hostRepo,
}) => {
  const host = await hostRepo({ files: { 'reports/README.md': REPORT } });
  const errors = watchErrors(page);
  const other = await context.newPage();
  await openForm(page, host);
  await openForm(other, host);
  await page.bringToFront();
  await focusAnswer(page, 4);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' FROM-TAB-A');
  await page.keyboard.press(`${modKey}+s`);
  const saved = withAnswer(REPORT, 4, `${answer(REPORT, 4)} FROM-TAB-A`);
  await expect.poll(() => readFile(host.path('reports/README.md'), 'utf8')).toBe(saved);
  // The other tab had no edits: it shows the new text in place.
  await expect.poll(() => editorText(other, 4), { timeout: 10_000 }).toBe(`${answer(REPORT, 4)} FROM-TAB-A`);
  await expect(other.getByTestId('save-state')).toHaveText('Saved');
  // The saving tab sees its own save's echo as nothing new: no notice, no dialog, typing goes on.
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.keyboard.type('!');
  await page.keyboard.press(`${modKey}+s`);
  await expect
    .poll(() => readFile(host.path('reports/README.md'), 'utf8'))
    .toBe(withAnswer(REPORT, 4, `${answer(REPORT, 4)} FROM-TAB-A!`));
  await expect.poll(() => editorText(other, 4), { timeout: 10_000 }).toBe(`${answer(REPORT, 4)} FROM-TAB-A!`);
  expect(errors).toEqual([]);
});

test('a change on disk while the page is opening shows once the form is there', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: { 'reports/README.md': REPORT } });
  const file = host.path('reports/README.md');
  const changed = withAnswer(REPORT, 5, 'CHANGED WHILE OPENING');
  // The host has answered the open (with the old text) when the file changes; the page gets that
  // answer only after the watcher has told it of the change over its event stream.
  const streaming = page.waitForRequest('**/api/events');
  await page.route('**/api/invoke/openPath', async (route) => {
    const response = await route.fetch();
    await streaming;
    await page.waitForTimeout(300);
    await writeFile(file, changed);
    await page.waitForTimeout(1500);
    await route.fulfill({ response });
  });
  await openForm(page, host);
  await expect.poll(() => editorText(page, 5), { timeout: 10_000 }).toBe('CHANGED WHILE OPENING');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(changed);
});

/** The report open, " MINE-A" typed at the end of answer 3, then a groupmate's change to it on disk. */
async function typeThenTheyChange(
  page: Page,
  hostRepo: (options: HostOptions) => Promise<HostedRepo>,
): Promise<{ file: string; theirs: string }> {
  const host = await hostRepo({ files: { 'reports/README.md': REPORT } });
  const file = host.path('reports/README.md');
  await openForm(page, host);
  await page.waitForTimeout(800);
  await focusAnswer(page, 3);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' MINE-A');
  const theirs = withAnswer(REPORT, 3, `${answer(REPORT, 3)} THEIRS`);
  await writeFile(file, theirs);
  return { file, theirs };
}

test('edits held by a merge left open survive a reload: the merge asks again with them', async ({ page, hostRepo }) => {
  const { file, theirs } = await typeThenTheyChange(page, hostRepo);
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await dialog.getByTestId('merge-cancel').click();
  await expect(page.getByTestId('merge-banner')).toBeVisible();
  await page.getByTestId('question-3').locator('.cm-content').click();
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' MINE-B');
  await page.waitForTimeout(1500);
  expect(await readFile(file, 'utf8')).toBe(theirs);
  // The browser asks "Leave site?"; the student says yes.
  page.on('dialog', (asked) => void asked.accept());
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  const conflict = dialog.getByTestId('merge-conflict-0');
  await expect(conflict.locator('[data-side="mine"] pre')).toHaveText(`${answer(REPORT, 3)} MINE-A MINE-B`);
  await expect(conflict.locator('[data-side="theirs"] pre')).toHaveText(`${answer(REPORT, 3)} THEIRS`);
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await dialog.getByTestId('merge-apply').click();
  const merged = withAnswer(REPORT, 3, `${answer(REPORT, 3)} MINE-A MINE-B`);
  await expect.poll(() => readFile(file, 'utf8')).toBe(merged);
  // Saved: the kept version is gone, a reload brings nothing back.
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(dialog).toHaveCount(0);
  expect(await readFile(file, 'utf8')).toBe(merged);
});

test('keys typed as a change to the same answer arrives are kept: the merge asks when typing pauses', async ({
  page,
  hostRepo,
}) => {
  const { file } = await typeThenTheyChange(page, hostRepo);
  // Typing goes on through the moment the change is seen (the watcher takes ~100 ms).
  for (let i = 0; i < 6; i++) await page.keyboard.type(` KEY${i}`, { delay: 30 });
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  const typed = `${answer(REPORT, 3)} MINE-A KEY0 KEY1 KEY2 KEY3 KEY4 KEY5`;
  await expect(dialog.getByTestId('merge-conflict-0').locator('[data-side="mine"] pre')).toHaveText(typed);
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await dialog.getByTestId('merge-apply').click();
  await expect.poll(() => readFile(file, 'utf8')).toBe(withAnswer(REPORT, 3, typed));
});
