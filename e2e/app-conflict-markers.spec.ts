/**
 * A report opened with git's conflict markers in it (a `git pull` without the merge driver): each
 * conflicted region is shown in its question with the side-by-side choice, the problems panel
 * names it, the verdict is marked as not meaningful, and each resolution is written into the file
 * (undoable like any fix), byte for byte.
 */
import { readFile } from 'node:fs/promises';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { serializeReport } from '../src/core/reportModel';
import { editorText, focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-conflict-markers specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const withAnswer = (text: string, n: number, value: string) => serializeReport(setAnswer(parseReport(text), n, value));
const markers = (ours: string, theirs: string) => `<<<<<<< HEAD\n${ours}\n=======\n${theirs}\n>>>>>>> origin/main`;

test('conflict markers on open: shown in their questions, verdict not meaningful, each resolution written byte-wise', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024');
  const pulled = withAnswer(withAnswer(report.text, 7, markers('Our seven.', 'Their seven.')), 12, markers('Our twelve.', 'Their twelve.'));
  const host = await hostRepo({ files: { 'reports/README.md': Buffer.from(pulled) } });
  await openForm(page, host);
  const file = host.path('reports/README.md');

  const verdict = page.getByTestId('checker-verdict');
  await expect(verdict).toHaveText('Verdict not meaningful: 2 unresolved conflicts');
  const problems = page.locator('aside.problems');
  await expect(problems).toContainText('Question 7 has an unresolved merge conflict');
  await expect(problems).toContainText('Question 12 has an unresolved merge conflict');
  await expect(page.getByTestId('nav-q-7')).not.toHaveAttribute('data-status', 'ok');

  const seven = page.getByTestId('marker-conflicts-7');
  await expect(seven.locator('[data-side="mine"] pre')).toHaveText('Our seven.');
  await expect(seven.locator('[data-side="theirs"] pre')).toHaveText('Their seven.');
  await expect(seven).toContainText('Mine (HEAD)');
  await expect(seven).toContainText('Theirs (origin/main)');

  // Keep theirs in question 7: written, and the verdict still waits for question 12.
  await seven.getByRole('button', { name: 'Keep theirs' }).click();
  const afterSeven = withAnswer(pulled, 7, 'Their seven.');
  await expect.poll(() => readFile(file, 'utf8')).toBe(afterSeven);
  await expect(seven).toHaveCount(0);
  await expect(verdict).toHaveText('Verdict not meaningful: 1 unresolved conflict');
  expect(await editorText(page, 7)).toBe('Their seven.');

  // Undone in question 7's editor like any fix: the markers are back, and saved so.
  await focusAnswer(page, 7);
  await page.keyboard.press(`${modKey}+z`);
  await expect(seven).toBeVisible();
  await page.keyboard.press(`${modKey}+s`);
  await expect.poll(() => readFile(file, 'utf8')).toBe(pulled);

  // Edited by hand this time, and question 12 keeps both versions.
  await seven.getByRole('button', { name: 'Edit…' }).click();
  await seven.getByRole('textbox').fill('Both of ours, rewritten.');
  await seven.getByRole('button', { name: 'Use this text' }).click();
  await page.getByTestId('marker-conflicts-12').getByRole('button', { name: 'Keep both' }).click();
  await expect(verdict).not.toContainText('not meaningful');
  await expect(problems).not.toContainText('unresolved merge conflict');
  const resolved = withAnswer(withAnswer(pulled, 7, 'Both of ours, rewritten.'), 12, 'Our twelve.\n\nTheir twelve.');
  await expect.poll(() => readFile(file, 'utf8')).toBe(resolved);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(errors).toEqual([]);
});
