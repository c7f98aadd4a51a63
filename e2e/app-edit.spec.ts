/**
 * Editing real reports in the browser host: the live meters, status changes at range boundaries,
 * the checklist, saving — and the file on disk afterwards, byte for byte: only the edited answer (or
 * box) differs, and the course checker's recorded verdicts still hold for every other question.
 */
import { readFile } from 'node:fs/promises';
import { setAnswer, setChecked } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, placeholderFor, serializeReport } from '../src/core/reportModel';
import { focusAnswer, modKey, openForm, saveNow, watchErrors, watchSaveStates } from './support/app';
import {
  answerSpan,
  changedVerdicts,
  checklistSpan,
  CORPUS_MISSING,
  corpusAvailable,
  corpusReport,
} from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-edit specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

/** `saved` is `original` with only the span [start, end) replaced. */
function expectOnlySpanChanged(original: string, saved: string, span: { start: number; end: number }) {
  const tail = original.length - span.end;
  expect(saved.slice(0, span.start)).toBe(original.slice(0, span.start));
  expect(saved.slice(saved.length - tail)).toBe(original.slice(span.end));
}

test('typing moves the meter at once, crossing 100 words flips the status, and saving changes only that answer', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024'); // 31 questions; question 7 (50–100 words) has 89
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  await expect(page.getByTestId('checker-verdict')).toHaveText(`passed ${report.expected.passed}/31`);

  const meter = page.getByTestId('word-meter-7');
  await expect(meter).toHaveAttribute('data-count', String(report.expected.per_answer[6].words));
  await expect(meter).toHaveAttribute('data-status', 'ok');

  await focusAnswer(page, 7);
  const saveStates = await watchSaveStates(page);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' We also');
  await expect(meter).toHaveAttribute('data-count', '91');
  await expect(meter).toContainText('91');
  // Shown at once; the autosave may already have followed it by the time this check runs.
  await expect.poll(saveStates).toContain('Unsaved changes');

  // 100 is still inside 50–100; the 101st word is one too many.
  const typed = ' We also test the data loaders with ten small and extra words'; // 12 words
  await page.keyboard.type(typed.slice(' We also'.length, typed.lastIndexOf(' ')));
  await expect(meter).toHaveAttribute('data-count', '100');
  await expect(meter).toHaveAttribute('data-status', 'ok');
  await page.keyboard.type(typed.slice(typed.lastIndexOf(' ')));
  await expect(meter).toHaveAttribute('data-count', '101');
  await expect(meter).toHaveAttribute('data-status', 'too-long');
  await expect(page.getByTestId('nav-q-7')).toHaveAttribute('data-status', 'too-long');
  await expect(page.getByTestId('checker-verdict')).toHaveText(`passed ${report.expected.passed! - 1}/31`);
  await expect(page.getByTestId('problem').filter({ hasText: 'Question 7: 101 words' })).toBeVisible();

  await saveNow(page);
  const saved = await readFile(host.path('reports/README.md'));
  const original = report.text;
  const answer7 = findQuestion(parseReport(original), 7)!.answer;
  const expected = serializeReport(setAnswer(parseReport(original), 7, answer7 + typed));
  expect(saved.equals(Buffer.from(expected, 'utf8'))).toBe(true);
  expectOnlySpanChanged(original, saved.toString('utf8'), answerSpan(original, 7));
  expect(changedVerdicts(saved.toString('utf8'), report.expected, [7])).toEqual([]);
  expect(errors).toEqual([]);
});

test('a CRLF 27-question report keeps its line endings; too short becomes ok at 100 words', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-022'); // CRLF, front matter; question 4 (100–200 words) has 97
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);

  const meter = page.getByTestId('word-meter-4');
  await expect(meter).toHaveAttribute('data-count', '97');
  await expect(meter).toHaveAttribute('data-status', 'too-short');
  await focusAnswer(page, 4);
  await page.keyboard.press(`${modKey}+End`);
  const typed = '\nThree more words';
  await page.keyboard.press('Enter');
  await page.keyboard.type(typed.slice(1));
  await expect(meter).toHaveAttribute('data-count', '100');
  await expect(meter).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('nav-q-4')).toHaveAttribute('data-status', 'ok');

  await saveNow(page);
  const saved = (await readFile(host.path('reports/README.md'))).toString('utf8');
  const original = report.text;
  const answer4 = findQuestion(parseReport(original), 4)!.answer;
  expect(saved).toBe(serializeReport(setAnswer(parseReport(original), 4, answer4 + typed)));
  expect(saved).toContain('Three more words\r\n');
  expect(saved.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no lone LF crept in
  expectOnlySpanChanged(original, saved, answerSpan(original, 4));
  expect(changedVerdicts(saved, report.expected, [4])).toEqual([]);
  expect(errors).toEqual([]);
});

test('ticking a checklist box changes only that box, and autosaves', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024');
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);

  const index = parseReport(report.text).checklist.findIndex((item) => !item.checked);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.getByTestId('nav-checklist').click();
  const box = page.getByTestId(`checklist-${index}`);
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
  // No explicit save: autosave writes it shortly.
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5000 });
  await expect.poll(async () => (await readFile(host.path('reports/README.md'), 'utf8')) !== report.text).toBe(true);

  const saved = await readFile(host.path('reports/README.md'), 'utf8');
  expect(saved).toBe(serializeReport(setChecked(parseReport(report.text), index, true)));
  expectOnlySpanChanged(report.text, saved, checklistSpan(report.text, index));
  expect(changedVerdicts(saved, report.expected, [])).toEqual([]);
  expect(errors).toEqual([]);
});

test('an emptied answer shows as empty and writes the template placeholder back', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024');
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);

  const editor = await focusAnswer(page, 12);
  await page.keyboard.press(`${modKey}+a`);
  await page.keyboard.press('Backspace');
  await expect(editor.locator('.cm-placeholder')).toBeVisible();
  const meter = page.getByTestId('word-meter-12');
  await expect(meter).toHaveAttribute('data-count', '6'); // the placeholder's words, as the grader counts them
  await expect(meter).toHaveAttribute('data-status', 'empty');
  await saveNow(page);

  const saved = await readFile(host.path('reports/README.md'), 'utf8');
  expect(saved).toBe(serializeReport(setAnswer(parseReport(report.text), 12, '')));
  expect(findQuestion(parseReport(saved), 12)!.answer).toBe(placeholderFor(12));
  expectOnlySpanChanged(report.text, saved, answerSpan(report.text, 12));
  expect(changedVerdicts(saved, report.expected, [12])).toEqual([]);
  expect(errors).toEqual([]);
});

test('each answer has its own undo history', async ({ page, hostRepo }) => {
  const report = corpusReport('real-024');
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);

  await focusAnswer(page, 8);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' EIGHT');
  await focusAnswer(page, 9);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' NINE');
  await focusAnswer(page, 8);
  await page.keyboard.press(`${modKey}+z`);
  await expect(page.getByTestId('question-8').locator('.cm-content')).not.toContainText('EIGHT');
  await expect(page.getByTestId('question-9').locator('.cm-content')).toContainText('NINE');
});
