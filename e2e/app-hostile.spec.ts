/**
 * Hostile text in the app (browser host): a 2 MB report whose answer holds one line of
 * repeated `![a](` (cubic for the checker's regex), and 10 kB of it pasted into an answer, must
 * not freeze the editor: typed text appears and the meters follow. Bounds are generous (a hang
 * test on a loaded 2-core box, not a timing test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileClass, hostileReport } from '../test/trust/support/hostileReports.mjs';
import { editorText, focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable } from './support/corpus';
import { expect, PROJECT_ROOT, test } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

const template = () => readFileSync(join(PROJECT_ROOT, '../shared/corpus/templates/blank-2026-01-31q.md'), 'utf8');
const BOUND = { timeout: 30_000 };

test('a 2 MB report with a line of `![a](` opens, and typing in another answer moves its meter', async ({ page, hostRepo }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const text = hostileReport(hostileClass('image-openers'), 2_000_000, 'answer', template());
  const host = await hostRepo({ files: { 'reports/README.md': text } });
  await page.goto(host.url);
  await expect(page.getByTestId('editor')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('image-meter-14')).toHaveAttribute('data-count', '0', BOUND);

  await focusAnswer(page, 3);
  await page.keyboard.press(`${modKey}+a`);
  await page.keyboard.type('We used uv and ruff.');
  await expect(page.getByTestId('word-meter-3')).toHaveAttribute('data-count', '5', BOUND);
  expect(await editorText(page, 3)).toBe('We used uv and ruff.');
  expect(errors).toEqual([]);
});

test('pasting 10 kB of `![a](` into an answer does not freeze the editor', async ({ page, hostRepo }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const host = await hostRepo({ files: { 'reports/README.md': template() } });
  await openForm(page, host);
  await focusAnswer(page, 14);
  await page.keyboard.press(`${modKey}+a`);
  await page.keyboard.insertText('![a]('.repeat(2_000)); // what a paste inserts: one edit
  await page.keyboard.type(' done ![fig](figures/a.png)');
  // The closing link makes exactly one image: the first `![a](` … `)` on that line.
  await expect(page.getByTestId('image-meter-14')).toHaveAttribute('data-count', '1', BOUND);
  await expect(page.getByTestId('word-meter-14')).toHaveAttribute('data-count', '3', BOUND);
  expect(errors).toEqual([]);
});
