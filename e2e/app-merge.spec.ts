/**
 * A groupmate's change arrives on disk (a `git pull`, their editor on a shared folder) while there
 * are unsaved edits here: the app merges answer by answer. A change to another question merges
 * silently and keeps the local edit; a change to the same question asks, side by side, and each
 * choice gives exactly the expected file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { editorText, focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-merge specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const NAME = 'real-024';
type HostRepo = (o: { files: Record<string, Buffer> }) => Promise<HostedRepo>;

const answer = (text: string, n: number) => findQuestion(parseReport(text), n)!.answer;
const withAnswer = (text: string, n: number, value: string) => serializeReport(setAnswer(parseReport(text), n, value));

/** Opens the report, types " MINE" at the end of question 7 and, before it is saved, writes `theirs(original)` to disk. */
async function editWhileDiskChanges(page: Page, hostRepo: HostRepo, theirs: (original: string) => string) {
  const report = corpusReport(NAME);
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  // The host's file watcher starts with the report; give it a moment before writing behind its back.
  await page.waitForTimeout(800);
  const file = host.path('reports/README.md');
  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' MINE');
  const external = theirs(report.text);
  await writeFile(file, external);
  return { report, file, external, mine: `${answer(report.text, 7)} MINE` };
}

test('a change on disk to another question merges silently and keeps the local edit', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const { file, external, mine } = await editWhileDiskChanges(page, hostRepo, (text) => withAnswer(text, 5, 'THEIRS'));
  await expect(page.getByTestId('notice')).toContainText('Question 5 changed on disk: merged with your edits.');
  await expect.poll(() => editorText(page, 5)).toBe('THEIRS');
  expect(await editorText(page, 7)).toBe(mine);
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  // Autosaved against the disk's version: both changes in the file, byte for byte.
  await expect.poll(() => readFile(file, 'utf8'), { timeout: 10_000 }).toBe(withAnswer(external, 7, mine));
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  // Still typing in question 7 where the cursor was.
  await page.keyboard.type('!');
  await page.keyboard.press(`${modKey}+s`);
  await expect.poll(() => readFile(file, 'utf8')).toBe(withAnswer(external, 7, `${mine}!`));
  expect(errors).toEqual([]);
});

const CHOICES = [
  { button: 'Keep mine', expected: (mine: string) => mine },
  { button: 'Keep theirs', expected: () => 'THEIRS' },
  { button: 'Keep both', expected: (mine: string) => `${mine}\n\nTHEIRS` },
  { button: 'Edit…', expected: () => 'Written together.' },
];

for (const choice of CHOICES) {
  test(`a change on disk to the same question asks; "${choice.button}" gives the expected file`, async ({ page, hostRepo }) => {
    const errors = watchErrors(page);
    const { file, external, mine } = await editWhileDiskChanges(page, hostRepo, (text) =>
      // Their edit to question 7 and to question 5: only 7 is asked about.
      withAnswer(withAnswer(text, 7, 'THEIRS'), 5, 'THEIRS TOO'),
    );
    const dialog = page.getByTestId('conflict-dialog');
    await expect(dialog).toBeVisible();
    const conflicts = dialog.locator('.conflict-choice');
    await expect(conflicts).toHaveCount(1);
    const conflict = dialog.getByTestId('merge-conflict-0');
    await expect(conflict).toContainText('Question 7');
    await expect(conflict.locator('[data-side="mine"] pre')).toHaveText(mine);
    await expect(conflict.locator('[data-side="theirs"] pre')).toHaveText('THEIRS');
    // The default button (Enter) loses nothing: it keeps both.
    await expect(conflict.getByRole('button', { name: 'Keep both' })).toBeFocused();
    await expect(dialog.getByTestId('merge-apply')).toBeDisabled();
    // Nothing is written while asking.
    await page.waitForTimeout(1500);
    expect(await readFile(file, 'utf8')).toBe(external);

    await conflict.getByRole('button', { name: choice.button }).click();
    if (choice.button === 'Edit…') {
      await conflict.getByRole('textbox').fill('Written together.');
      await conflict.getByRole('button', { name: 'Use this text' }).click();
    }
    await dialog.getByTestId('merge-apply').click();
    await expect(dialog).toHaveCount(0);
    const expected = withAnswer(external, 7, choice.expected(mine));
    await expect.poll(() => readFile(file, 'utf8')).toBe(expected);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect.poll(() => editorText(page, 7)).toBe(choice.expected(mine));
    expect(await editorText(page, 5)).toBe('THEIRS TOO');
    expect(errors).toEqual([]);
  });
}

test('"Cancel" keeps both texts: mine here, theirs on disk; the banner offers the merge again', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const { file, external, mine } = await editWhileDiskChanges(page, hostRepo, (text) => withAnswer(text, 7, 'THEIRS'));
  const dialog = page.getByTestId('conflict-dialog');
  await dialog.getByTestId('merge-cancel').click();
  await expect(dialog).toHaveCount(0);
  const banner = page.getByTestId('merge-banner');
  await expect(banner).toBeVisible();
  expect(await editorText(page, 7)).toBe(mine);
  await page.keyboard.press(`${modKey}+s`);
  await page.waitForTimeout(1500);
  expect(await readFile(file, 'utf8')).toBe(external);
  await banner.getByRole('button', { name: 'Merge…' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep both' }).press('Enter');
  await dialog.getByTestId('merge-apply').click();
  await expect.poll(() => readFile(file, 'utf8')).toBe(withAnswer(external, 7, `${mine}\n\nTHEIRS`));
  await expect(banner).toHaveCount(0);
  expect(errors).toEqual([]);
});
