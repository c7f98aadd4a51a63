/**
 * Ctrl/⌘+Shift+Z in an answer is redo, never undo: with nothing to redo it does nothing, so the
 * student's last words stay on the page and on disk; after an undo it brings them back.
 */
import { readFile } from 'node:fs/promises';
import { buildReport, words } from '../test/support/reportBuilder';
import { editorText, focusAnswer, modKey, openForm, saveNow, watchErrors } from './support/app';
import { expect, test } from './support/host';

test('Ctrl/⌘+Shift+Z with nothing to redo keeps the typing; after an undo it redoes it', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const answer = words(40);
  const host = await hostRepo({ files: { 'reports/README.md': buildReport({ answers: { 5: answer } }) } });
  await openForm(page, host);
  const file = host.path('reports/README.md');

  await focusAnswer(page, 5);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' typed last');
  await saveNow(page);
  const typed = await readFile(file, 'utf8');
  expect(typed).toContain(`${answer} typed last`);

  // Both spellings of the key: "Z" (Shift held) and "z" (what Caps Lock and some layouts send).
  for (const key of ['Z', 'z']) {
    await page.keyboard.press(`${modKey}+Shift+${key}`);
    await expect.poll(() => editorText(page, 5)).toBe(`${answer} typed last`);
  }
  await saveNow(page);
  expect(await readFile(file, 'utf8')).toBe(typed);

  await page.keyboard.press(`${modKey}+z`);
  await expect.poll(() => editorText(page, 5)).toBe(answer);
  await page.keyboard.press(`${modKey}+Shift+z`);
  await expect.poll(() => editorText(page, 5)).toBe(`${answer} typed last`);
  await saveNow(page);
  expect(await readFile(file, 'utf8')).toBe(typed);
  expect(errors).toEqual([]);
});
