/** Keyboard: question navigation, jump to N, save, export, help; the problems panel's jumps. */
import { focusAnswer, modKey, openForm, watchErrors, watchSaveStates } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-keyboard specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const editorOf = (page: import('@playwright/test').Page, n: number) =>
  page.getByTestId(`question-${n}`).locator('.cm-content');

test('next/previous question, go to question N, help and export from the keyboard', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const host = await hostRepo({ files: { 'reports/README.md': corpusReport('real-024').bytes } });
  await openForm(page, host);

  await focusAnswer(page, 7);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(editorOf(page, 8)).toBeFocused();
  await expect(page.getByTestId('nav-q-8')).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press(`${modKey}+BracketRight`);
  await expect(editorOf(page, 9)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(editorOf(page, 8)).toBeFocused();
  await page.keyboard.press(`${modKey}+BracketLeft`);
  await expect(editorOf(page, 7)).toBeFocused();

  await page.keyboard.press(`${modKey}+g`);
  const goTo = page.getByTestId('goto-dialog');
  await expect(goTo).toBeVisible();
  await goTo.getByTestId('goto-input').fill('99');
  await page.keyboard.press('Enter');
  await expect(goTo).toContainText('There is no question 99');
  await goTo.getByTestId('goto-input').fill('29');
  await page.keyboard.press('Enter');
  await expect(goTo).toHaveCount(0);
  await expect(editorOf(page, 29)).toBeFocused();

  await page.keyboard.press(`${modKey}+e`);
  await expect(page.getByTestId('export-result')).toContainText('Exported to reports/report.html');

  await page.keyboard.press('F1');
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+S');
  await expect(help).toContainText('Alt+Down');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press(`${modKey}+Slash`);
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');

  // Tooltips name the shortcuts of this platform.
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute('title', /Ctrl\+S/);
  expect(errors).toEqual([]);
});

test('Ctrl+S saves from anywhere; Ctrl+O offers the path dialog in the browser host', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: { 'reports/README.md': corpusReport('real-024').bytes } });
  await openForm(page, host);
  await focusAnswer(page, 3);
  const saveStates = await watchSaveStates(page);
  await page.keyboard.type('x');
  await page.keyboard.press(`${modKey}+s`);
  // Shown at once; on a busy machine the check may run after the save (Ctrl+S's or the autosave's).
  await expect.poll(saveStates).toContain('Unsaved changes');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.keyboard.press(`${modKey}+o`);
  const dialog = page.getByTestId('open-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('path-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a problem in the panel jumps to its question', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: { 'reports/README.md': corpusReport('real-024').bytes } });
  await openForm(page, host);
  const problem = page.getByTestId('problem').filter({ hasText: 'Question 18' });
  await expect(problem).toHaveText(/Question 18: 43 words, needs 100–200 words/);
  await problem.click();
  await expect(editorOf(page, 18)).toBeFocused();
  await expect(page.getByTestId('question-18')).toBeInViewport();
});

test('a report the checker stops on says so in plain words and points at the cause', async ({ page, hostRepo }) => {
  const report = corpusReport('seed-001_e0ab1e959fb8e4da'); // deleted "Answer:" lines
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  const verdict = page.getByTestId('checker-verdict');
  await expect(verdict).toHaveAttribute('data-tone', 'error');
  await expect(verdict).toHaveText(`Checker stops: ${report.expected.answers} of 31 answers`);
  const first = page.getByTestId('problem').first();
  await expect(first).toHaveAttribute('data-severity', 'error');
  await expect(first).toContainText(
    `it finds ${report.expected.answers} answers, not 31 (an "Answer:" line is missing)`,
  );
  await first.click();
  const question = await first.getAttribute('data-question');
  await expect(editorOf(page, Number(question))).toBeFocused();
});
