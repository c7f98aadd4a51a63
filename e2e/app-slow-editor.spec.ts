/**
 * The form comes up before CodeMirror has loaded (it is a chunk of its own, fetched after the
 * report opened): every answer shows as a stand-in until its editor replaces it. Here the chunk is
 * held back, so the stand-ins are all there is for a while — and what the student does with them
 * then (click, type, jump to a question) still lands in the editor, nothing lost.
 */
import { readFile } from 'node:fs/promises';
import type { Page, Route } from '@playwright/test';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { editorText, saveNow, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo, type HostOptions } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-slow-editor specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

/** Holds the answer editor's chunk back until `release()` is called. */
async function holdEditorChunk(page: Page): Promise<{ release: () => void; asked: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  let asked!: () => void;
  const wasAsked = new Promise<void>((done) => (asked = done));
  await page.route(/\/assets\/answerEditor-[^/]*\.js$/, async (route: Route) => {
    asked();
    await released;
    await route.continue();
  });
  return { release, asked: wasAsked };
}

/** real-024 (31 questions) open in the browser host, with the editor's chunk held back. */
async function openWithEditorHeldBack(page: Page, hostRepo: (options: HostOptions) => Promise<HostedRepo>) {
  const errors = watchErrors(page);
  const report = corpusReport('real-024'); // question 7 (50–100 words) has 89
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  const chunk = await holdEditorChunk(page);
  await page.goto(host.url);
  await expect(page.getByTestId('editor')).toBeVisible();
  await chunk.asked;
  return { errors, report, host, chunk };
}

test('typed into an answer before the editor has loaded: kept, and in the editor once it is', async ({
  page,
  hostRepo,
}) => {
  const { errors, report, host, chunk } = await openWithEditorHeldBack(page, hostRepo);

  const card = page.getByTestId('question-7');
  const stub = card.locator('.answer-stub');
  await expect(stub).toBeVisible();
  await expect(card.locator('.cm-editor')).toHaveCount(0);
  const answer7 = findQuestion(parseReport(report.text), 7)!.answer;
  // The stand-in shows the answer and takes the focus (and the keys) when clicked.
  const shown = (await stub.textContent()) ?? '';
  expect(shown.length).toBeGreaterThan(100);
  expect(answer7).toContain(shown.slice(0, 60));
  await stub.click({ position: { x: 4, y: 4 } });
  await expect(stub).toBeFocused();
  await page.keyboard.type('Firstly we ');
  await page.keyboard.press('Backspace'); // typed ahead, Backspace included
  await page.keyboard.type(', ');
  await expect(card.locator('.cm-editor')).toHaveCount(0);

  chunk.release();
  const editor = card.locator('.cm-content');
  await expect(editor).toBeFocused();
  // The click was at the very start of the answer: the typed words went there.
  await expect.poll(() => editorText(page, 7)).toBe(`Firstly we, ${shown}`);
  await expect(page.getByTestId('word-meter-7')).toHaveAttribute(
    'data-count',
    String(report.expected.per_answer[6].words + 2),
  );
  // Typing goes on in the real editor, after what was typed ahead; the file gets exactly that.
  await page.keyboard.type('then ');
  await saveNow(page);
  const saved = await readFile(host.path('reports/README.md'), 'utf8');
  const savedAnswer = findQuestion(parseReport(saved), 7)!.answer;
  expect(savedAnswer.trimStart().startsWith('Firstly we, then ')).toBe(true);
  expect(savedAnswer.replace('Firstly we, then ', '')).toBe(answer7);
  expect(saved).toBe(serializeReport(setAnswer(parseReport(report.text), 7, savedAnswer)));
  expect(errors).toEqual([]);
});

test('a jump to a question before the editor has loaded focuses that editor once it has', async ({
  page,
  hostRepo,
}) => {
  const { errors, chunk } = await openWithEditorHeldBack(page, hostRepo);

  await page.getByTestId('nav-q-23').click();
  await expect(page.getByTestId('question-23')).toBeInViewport();
  await expect(page.getByTestId('question-23').locator('.cm-editor')).toHaveCount(0);
  chunk.release();
  await expect(page.getByTestId('question-23').locator('.cm-content')).toBeFocused();
  // Only the cards near question 23 get editors: question 1, asked for while it was in view at the
  // open, is far above by the time the editor has loaded and keeps its stand-in.
  await expect(page.getByTestId('question-1').locator('.cm-editor')).toHaveCount(0);
  await expect(page.getByTestId('question-1').locator('.answer-stub')).toHaveCount(1);
  expect(await page.locator('.answer-host .cm-editor').count()).toBeLessThan(31);
  expect(errors).toEqual([]);
});

test('typed into two answers before the editor has loaded: each keeps its own words', async ({ page, hostRepo }) => {
  const { errors, chunk } = await openWithEditorHeldBack(page, hostRepo);
  const stub = (n: number) => page.getByTestId(`question-${n}`).locator('.answer-stub');
  const shown7 = (await stub(7).textContent()) ?? '';
  const shown8 = (await stub(8).textContent()) ?? '';
  await stub(7).click({ position: { x: 4, y: 4 } });
  await page.keyboard.type('Alpha ');
  await stub(8).click({ position: { x: 4, y: 4 } });
  await page.keyboard.type('Beta ');
  await expect(page.locator('.answer-host .cm-editor')).toHaveCount(0);

  chunk.release();
  await expect(page.getByTestId('question-8').locator('.cm-content')).toBeFocused();
  await expect.poll(() => editorText(page, 8)).toBe(`Beta ${shown8}`);
  await expect.poll(() => editorText(page, 7)).toBe(`Alpha ${shown7}`);
  expect(errors).toEqual([]);
});
