/**
 * The report changed by another program while it is open: reloaded in place when nothing is
 * unsaved here (the cursor stays). With unsaved edits it is merged: see app-merge.spec.ts.
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
