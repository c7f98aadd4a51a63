/**
 * The report changed by another program while it is open: reloaded in place when nothing is
 * unsaved here (the cursor stays), otherwise the user chooses — never a silent overwrite.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { editorText, focusAnswer, modKey, openForm, saveNow, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-external specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const NAME = 'real-024';

async function openReport(page: Page, hostRepo: (o: { files: Record<string, Buffer> }) => Promise<HostedRepo>) {
  const report = corpusReport(NAME);
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  // The host's file watcher starts with the report; give it a moment before writing behind its back.
  await page.waitForTimeout(800);
  return { report, host, file: host.path('reports/README.md') };
}

const answer = (text: string, n: number) => findQuestion(parseReport(text), n)!.answer;

test('a change on disk with nothing unsaved reloads in place and keeps the cursor', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const { report, file } = await openReport(page, hostRepo);
  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+End`);

  // Another editor rewrites question 5 and the start of question 7 (before the cursor).
  let external = serializeReport(setAnswer(parseReport(report.text), 5, 'Rewritten elsewhere.'));
  const old7 = answer(report.text, 7);
  external = serializeReport(setAnswer(parseReport(external), 7, `PREFIX ${old7}`));
  await writeFile(file, external);

  await expect.poll(() => editorText(page, 5)).toBe('Rewritten elsewhere.');
  await expect.poll(() => editorText(page, 7)).toBe(`PREFIX ${old7}`);
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(external);

  // The cursor is still at the end of question 7 and the editor still has focus.
  await page.keyboard.type(' END');
  await saveNow(page);
  expect(await readFile(file, 'utf8')).toBe(serializeReport(setAnswer(parseReport(external), 7, `PREFIX ${old7} END`)));
  expect(errors).toEqual([]);
});

/**
 * " MINE" typed at the end of question 7 and, before it is saved, another program writes the
 * report with question 5 changed to "THEIRS": the conflict dialog is up.
 */
async function conflictOverQuestion7(page: Page, hostRepo: Parameters<typeof openReport>[1]) {
  const { report, file } = await openReport(page, hostRepo);
  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' MINE');
  const external = serializeReport(setAnswer(parseReport(report.text), 5, 'THEIRS'));
  await writeFile(file, external);
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  return { report, file, external, dialog };
}

test('a change on disk while edits are unsaved asks; "Keep mine" writes mine', async ({ page, hostRepo }) => {
  const { report, file, external, dialog } = await conflictOverQuestion7(page, hostRepo);
  await expect(dialog).toContainText('Which version do you want to keep?');
  // Nothing was written over the other program's change while asking.
  expect(await readFile(file, 'utf8')).toBe(external);
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  const mine = serializeReport(setAnswer(parseReport(report.text), 7, `${answer(report.text, 7)} MINE`));
  await expect.poll(() => readFile(file, 'utf8')).toBe(mine);
});

test('a change on disk while edits are unsaved asks; "Take the disk version" loads it', async ({ page, hostRepo }) => {
  const { report, file, external, dialog } = await conflictOverQuestion7(page, hostRepo);
  await dialog.getByRole('button', { name: 'Take the disk version' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => editorText(page, 5)).toBe('THEIRS');
  await expect.poll(() => editorText(page, 7)).toBe(answer(report.text, 7));
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  // Give a stray autosave every chance to happen: the disk version must stay as it is.
  await page.waitForTimeout(1500);
  expect(await readFile(file, 'utf8')).toBe(external);
});

test('a report deleted on disk keeps the text here and is written again on save', async ({ page, hostRepo }) => {
  const { report, file } = await openReport(page, hostRepo);
  await rm(file);
  const banner = page.getByTestId('removed-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('was deleted or moved on disk');
  await banner.getByRole('button', { name: 'Save it again' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(() => readFile(file, 'utf8').catch(() => null)).toBe(report.text);
});
