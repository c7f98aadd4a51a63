/**
 * Every change is undoable, and undone it is saved like typing: a figure link removed from its
 * thumbnail and a problems-panel fix are taken back with Ctrl/⌘+Z in the answer, a repair of
 * several answers with Ctrl/⌘+Z outside the editors — and the file on disk is then byte for byte
 * what it was.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { editorText, focusAnswer, modKey, openForm, saveNow, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-undo specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const picture = () =>
  sharp({ create: { width: 120, height: 80, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();

test('a figure link removed from its thumbnail comes back with Ctrl/⌘+Z in the answer, byte for byte', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-048'); // question 19 still holds the placeholder
  const answer = 'Our bucket:\n\n![The bucket](figures/bucket.png)\n\nIt holds the data.';
  const text = serializeReport(setAnswer(parseReport(report.text), 19, answer));
  const host = await hostRepo({ files: { 'reports/README.md': text, 'reports/figures/bucket.png': await picture() } });
  await openForm(page, host);
  const thumb = page.getByTestId('figure-thumb-19');
  await expect(thumb).toHaveAttribute('data-link', 'figures/bucket.png');

  await thumb.getByTestId('figure-remove').click();
  await page.getByTestId('figure-delete-keep').click();
  await expect(thumb).toHaveCount(0);
  await saveNow(page);
  expect(findQuestion(parseReport(await readFile(host.path('reports/README.md'), 'utf8')), 19)!.answer).not.toContain(
    'bucket.png',
  );

  await focusAnswer(page, 19);
  await page.keyboard.press(`${modKey}+z`);
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/bucket.png');
  await expect.poll(() => editorText(page, 19)).toBe(answer);
  await saveNow(page);
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toBe(text);
  expect(errors).toEqual([]);
});

test('a problems-panel fix is one undo step in its answer; undone and saved, the file is as it was', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-004'); // question 19 is "[this figure](figures/bucket.png)", no "!"
  const host = await hostRepo({
    files: { 'reports/README.md': report.bytes, 'reports/figures/bucket.png': await picture() },
  });
  await openForm(page, host);
  const meter = page.getByTestId('image-meter-19');
  await expect(meter).toHaveAttribute('data-count', '0');
  const problem = page.getByTestId('problem').and(page.locator('[data-kind="image-without-bang"][data-question="19"]'));
  await page.locator('li', { has: problem }).getByTestId('problem-fix').click();
  await expect(meter).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toContain('![this figure](figures/bucket.png)');

  await focusAnswer(page, 19);
  await page.keyboard.press(`${modKey}+z`);
  await expect(meter).toHaveAttribute('data-count', '0');
  await expect(problem).toHaveCount(1);
  await saveNow(page);
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);
  // One step: a second undo has nothing of the fix left to take back, and the file stays.
  await page.keyboard.press(`${modKey}+z`);
  await saveNow(page);
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);
  expect(errors).toEqual([]);
});

test('a repair of several answers is one undo step, Ctrl/⌘+Z outside the editors, byte for byte', async ({
  page,
  hostRepo,
}) => {
  const report = corpusReport('seed-001_e0ab1e959fb8e4da'); // seven `> Answer:` lines deleted
  const files: Record<string, string | Uint8Array> = { 'reports/README.md': report.bytes };
  for (const [, link] of report.text.matchAll(/\]\((figures\/[^)\s<>]+)\)/g)) {
    files[`reports/${decodeURIComponent(link)}`] = /\.(png|jpe?g)$/i.test(link) ? await picture() : 'date,cost\n';
  }
  const host = await hostRepo({ files });
  await openForm(page, host);
  await expect(page.getByTestId('checker-verdict')).toHaveAttribute('data-tone', 'error');
  await expect(page.getByTestId('global-undo')).toHaveCount(0);

  await page.getByTestId('repair-button').click();
  await page.getByTestId('repair-view').getByTestId('repair-apply-all').click();
  await page.getByTestId('repair-diff').getByTestId('repair-apply').click();
  await expect(page.getByTestId('repair-status')).toHaveText('Repaired and saved.');
  await page.getByTestId('repair-close').click();
  await expect(page.getByTestId('checker-verdict')).not.toHaveAttribute('data-tone', 'error');
  const repaired = await readFile(host.path('reports/README.md'), 'utf8');
  expect(findQuestion(parseReport(repaired), 31)!.answer).toContain('Student s214518');
  await expect.poll(() => editorText(page, 31)).toContain('Student s214518');

  // Outside any editor: the global undo.
  await expect(page.getByTestId('global-undo')).toBeVisible();
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press(`${modKey}+z`);
  await expect(page.getByTestId('checker-verdict')).toHaveAttribute('data-tone', 'error');
  await expect(page.getByTestId('global-undo')).toHaveCount(0);
  await saveNow(page);
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);
  // Its editor is back to what the file places under question 31: nothing (the words sit in the prompt).
  await expect.poll(() => editorText(page, 31)).not.toContain('Student s214518');
});
