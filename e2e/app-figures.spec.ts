/**
 * Figures in the browser host, on real reports: an image dropped on a question's drop zone or on
 * its answer, pasted as a screenshot, or chosen with the picker lands in the report's figures/
 * folder and is linked under that question — the thumbnail shows it, the image meter counts it,
 * and the saved file passes the course checker's image constraint. Refused files write nothing;
 * remove/rename, the downscale offer and a hygiene fix change the file the way the student expects.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { checkReport } from '../src/core/checkReport';
import { courseProfile, type Generation } from '../src/core/constraints';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { editorText, focusAnswer, modKey, openForm, saveNow, watchErrors } from './support/app';
import { changedVerdicts, CORPUS_MISSING, corpusAvailable, corpusReport, type CorpusReport } from './support/corpus';
import { expect, test, type HostedRepo } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-figures specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

/** A 31-question report whose question 19 (1–2 images) still holds the placeholder. */
const EMPTY_19 = 'real-048';

interface FileSpec {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** A real picture: a gradient-free block of colour with a stripe, so each test's bytes differ. */
async function png(width: number, height: number, seed: number): Promise<Buffer> {
  const stripe = await sharp({
    create: { width: Math.max(1, Math.floor(width / 4)), height, channels: 3, background: { r: 250, g: 250, b: seed } },
  })
    .png()
    .toBuffer();
  return sharp({
    create: { width, height, channels: 3, background: { r: seed, g: 120, b: 200 - (seed % 100) } },
  })
    .composite([{ input: stripe, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

/** Noise compresses badly: a PNG well over 2 MB. */
async function largeNoisyPng(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = x >> 16;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

const wire = (files: readonly FileSpec[]) =>
  files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') }));

/**
 * Runs in the page (a string: this project's e2e types have no DOM): builds a DataTransfer holding
 * `specs` as files, the way a drag from the file manager or a screenshot on the clipboard carries them.
 */
function transferScript(selector: string, files: readonly FileSpec[], dispatch: string): string {
  return `(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (!element) throw new Error('no element ' + ${JSON.stringify(selector)});
    const transfer = new DataTransfer();
    for (const spec of ${JSON.stringify(wire(files))}) {
      const bytes = Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], spec.name, { type: spec.type }));
    }
    const rect = element.getBoundingClientRect();
    ${dispatch}
  })()`;
}

/** Drops `files` on the element at `selector`: dragenter, dragover, drop, as a browser sends them. */
async function dropFiles(page: Page, selector: string, files: readonly FileSpec[]): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.evaluate(
    transferScript(
      selector,
      files,
      `const init = { bubbles: true, cancelable: true, dataTransfer: transfer,
         clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
       for (const type of ['dragenter', 'dragover', 'drop']) element.dispatchEvent(new DragEvent(type, init));`,
    ),
  );
}

/** Pastes `file` into the element at `selector` (the focused answer) as the clipboard holds a screenshot. */
async function pasteImage(page: Page, selector: string, file: FileSpec): Promise<void> {
  await page.evaluate(
    transferScript(
      selector,
      [file],
      `element.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));`,
    ),
  );
}

const zone = (n: number) => `[data-testid="figure-drop-${n}"]`;
const answer = (n: number) => `[data-testid="question-${n}"] .cm-content`;

async function figureFiles(host: HostedRepo): Promise<string[]> {
  const folder = host.path('reports/figures');
  return existsSync(folder) ? (await readdir(folder)).sort() : [];
}

/** What the course checker says about question `number` of the saved file. */
function checkerOn(saved: string, report: CorpusReport, number: number) {
  const result = checkReport(saved, courseProfile(report.expected.generation as Generation));
  return {
    error: result.error,
    images: result.perAnswer.find((a) => a.index === number)?.images,
    failures: result.failures.filter((f) => f.question === number),
  };
}

/**
 * The report as saved: question 19's answer is `answer`, the course checker counts `images` for it
 * with no failure, and no other question's verdict moved.
 */
async function expectSaved19(host: HostedRepo, report: CorpusReport, answer: string, images: number): Promise<string> {
  const saved = await readFile(host.path('reports/README.md'), 'utf8');
  expect(findQuestion(parseReport(saved), 19)!.answer).toBe(answer);
  expect(checkerOn(saved, report, 19)).toEqual({ error: null, images, failures: [] });
  expect(changedVerdicts(saved, report.expected, [19])).toEqual([]);
  return saved;
}

async function startOn(
  page: Page,
  hostRepo: (o: { files: Record<string, string | Uint8Array> }) => Promise<HostedRepo>,
  report: CorpusReport,
  extra: Record<string, Uint8Array> = {},
) {
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes, ...extra } });
  await openForm(page, host);
  return host;
}

test("a PNG dropped on question 19's drop zone lands in figures/, is linked, shown and counted, and passes the checker", async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  const meter = page.getByTestId('image-meter-19');
  await expect(meter).toHaveAttribute('data-count', '0');
  await expect(meter).toHaveAttribute('data-status', 'empty');
  expect(await figureFiles(host)).toEqual([]); // figures/ is created by the first import
  // Question 14 links figures/sweep_graph.png, which this repo does not have: shown as missing.
  await expect(page.getByTestId('figure-thumb-14')).toHaveAttribute('data-state', 'missing');
  await expect(page.getByTestId('figure-thumb-14')).toContainText('File not found');
  await expect(
    page.getByTestId('problem').and(page.locator('[data-kind="missing-file"][data-question="14"]')),
  ).toContainText('figures/sweep_graph.png, but there is no such file');

  const bytes = await png(640, 400, 1);
  await dropFiles(page, zone(19), [{ name: 'GCP bucket.png', type: 'image/png', bytes }]);

  const thumb = page.getByTestId('figure-thumb-19');
  await expect(thumb).toHaveAttribute('data-link', 'figures/q19-gcp-bucket.png');
  await expect(thumb).toHaveAttribute('data-state', 'loaded'); // the picture itself, served from the report's folder
  await expect(page.getByTestId('figure-message-19')).toContainText('Added figures/q19-gcp-bucket.png');
  await expect(meter).toHaveAttribute('data-count', '1');
  await expect(meter).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('nav-q-19')).toHaveAttribute('data-status', 'ok');
  expect(await editorText(page, 19)).toBe('![GCP bucket](figures/q19-gcp-bucket.png)');

  expect(await figureFiles(host)).toEqual(['q19-gcp-bucket.png']);
  expect((await readFile(host.path('reports/figures/q19-gcp-bucket.png'))).equals(bytes)).toBe(true);

  await saveNow(page);
  const saved = await expectSaved19(host, report, '![GCP bucket](figures/q19-gcp-bucket.png)', 1);
  expect(saved).toBe(
    serializeReport(setAnswer(parseReport(report.text), 19, '![GCP bucket](figures/q19-gcp-bucket.png)')),
  );
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

test('two images dropped on the answer editor at once are both copied and linked, each in a paragraph of its own', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  await focusAnswer(page, 19);
  await page.keyboard.type('Our data bucket and its versioned models:');

  const first = await png(500, 300, 2);
  const second = await png(500, 300, 3);
  await dropFiles(page, answer(19), [
    { name: 'bucket_data.png', type: 'image/png', bytes: first },
    { name: 'bucket models.PNG', type: 'image/png', bytes: second },
  ]);

  const thumbs = page.getByTestId('figure-thumb-19');
  await expect(thumbs).toHaveCount(2);
  await expect(thumbs.nth(0)).toHaveAttribute('data-link', 'figures/q19-bucket-data.png');
  await expect(thumbs.nth(1)).toHaveAttribute('data-link', 'figures/q19-bucket-models.png');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-status', 'ok');
  const expectedAnswer = [
    'Our data bucket and its versioned models:',
    '![bucket data](figures/q19-bucket-data.png)',
    '![bucket models](figures/q19-bucket-models.png)',
  ].join('\n\n');
  expect(await editorText(page, 19)).toBe(expectedAnswer);

  // Undo takes the two links out again, as one step: they went in through the editor.
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+z' : 'Control+z');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '0');
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+z' : 'Control+y');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '2');

  expect(await figureFiles(host)).toEqual(['q19-bucket-data.png', 'q19-bucket-models.png']);
  expect((await readFile(host.path('reports/figures/q19-bucket-data.png'))).equals(first)).toBe(true);
  expect((await readFile(host.path('reports/figures/q19-bucket-models.png'))).equals(second)).toBe(true);
  await saveNow(page);
  await expectSaved19(host, report, expectedAnswer, 2);
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

test('a pasted screenshot is saved as q19-screenshot-<time>.png and linked in a paragraph of its own at the cursor', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  await focusAnswer(page, 19);
  await page.keyboard.type('Here is our bucket:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('It holds the DVC-tracked data.');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End'); // the cursor at the end of the first line

  const bytes = await png(800, 450, 4);
  await pasteImage(page, answer(19), { name: 'image.png', type: 'image/png', bytes });

  const thumb = page.getByTestId('figure-thumb-19');
  await expect(thumb).toHaveAttribute('data-link', /^figures\/q19-screenshot-\d{8}-\d{6}\.png$/);
  await expect(thumb).toHaveAttribute('data-state', 'loaded');
  const link = (await thumb.getAttribute('data-link'))!;
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-status', 'ok');
  const expectedAnswer = `Here is our bucket:\n\n![screenshot](${link})\n\nIt holds the DVC-tracked data.`;
  expect(await editorText(page, 19)).toBe(expectedAnswer);

  expect(await figureFiles(host)).toEqual([link.slice('figures/'.length)]);
  expect((await readFile(host.path(`reports/${link}`))).equals(bytes)).toBe(true);
  await saveNow(page);
  await expectSaved19(host, report, expectedAnswer, 1);
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

test('the picker takes a WebP, which is converted to PNG and linked', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);

  const webp = await sharp(await png(300, 200, 5))
    .webp()
    .toBuffer();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('figure-pick-19').scrollIntoViewIfNeeded();
  await page.getByTestId('figure-pick-19').click();
  await (await chooser).setFiles({ name: 'bucket view.webp', mimeType: 'image/webp', buffer: webp });

  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/q19-bucket-view.png');
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('figure-message-19')).toContainText('Converted "bucket view.webp" (WEBP) to PNG');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-status', 'ok');

  expect(await figureFiles(host)).toEqual(['q19-bucket-view.png']);
  const written = await readFile(host.path('reports/figures/q19-bucket-view.png'));
  expect(written.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const meta = await sharp(written).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 300, 200]);

  await saveNow(page);
  await expectSaved19(host, report, '![bucket view](figures/q19-bucket-view.png)', 1);
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

/** Picks `file` with question `number`'s "Add images…" button, as the file chooser would. */
async function pickImage(page: Page, number: number, file: FileSpec): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`figure-pick-${number}`).scrollIntoViewIfNeeded();
  await page.getByTestId(`figure-pick-${number}`).click();
  await (await chooser).setFiles({ name: file.name, mimeType: file.type, buffer: file.bytes });
}

test('an image picked after a navigator jump lands at the end of the answer, in a paragraph of its own', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  await focusAnswer(page, 19);
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  await page.keyboard.press(`${modKey}+Home`); // the cursor at the start of the answer
  // Away and back through the navigator: the cursor is still at the start, but the student did not put it there now.
  await focusAnswer(page, 18);
  await focusAnswer(page, 19);

  await pickImage(page, 19, { name: 'training-loss.png', type: 'image/png', bytes: await png(320, 200, 6) });
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/q19-training-loss.png');
  const expectedAnswer = 'First paragraph.\n\nSecond paragraph.\n\n![training loss](figures/q19-training-loss.png)';
  expect(await editorText(page, 19)).toBe(expectedAnswer);
  await saveNow(page);
  await expectSaved19(host, report, expectedAnswer, 1);
  expect(errors).toEqual([]);
});

test('an image picked after the student moved the cursor lands there, in a paragraph of its own', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  await focusAnswer(page, 19);
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End'); // the student's cursor: after "First paragraph."

  await pickImage(page, 19, { name: 'data_drift-report.png', type: 'image/png', bytes: await png(320, 200, 7) });
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/q19-data-drift-report.png');
  const expectedAnswer =
    'First paragraph.\n\n![data drift report](figures/q19-data-drift-report.png)\n\nSecond paragraph.';
  expect(await editorText(page, 19)).toBe(expectedAnswer);
  await saveNow(page);
  await expectSaved19(host, report, expectedAnswer, 1);
  expect(errors).toEqual([]);
});

test('a text file dropped on the zone is refused with the reason, and nothing is written', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);

  await dropFiles(page, zone(19), [
    { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('these are my notes\n') },
  ]);
  const message = page.getByTestId('figure-message-19');
  await expect(message).toContainText('"notes.txt" is not an image');
  await expect(message).toContainText('Nothing was written.');
  await expect(message.locator('[data-tone="error"]')).toHaveCount(1);

  await expect(page.getByTestId('figure-thumb-19')).toHaveCount(0);
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(existsSync(host.path('reports/figures'))).toBe(false);
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

test('rename follows the link, remove takes it out and offers to delete the unused file', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  const bytes = await png(400, 300, 6);
  await dropFiles(page, zone(19), [{ name: 'Screenshot 2025-01-20.png', type: 'image/png', bytes }]);
  const thumb = page.getByTestId('figure-thumb-19');
  await expect(thumb).toHaveAttribute('data-link', 'figures/q19-screenshot-2025-01-20.png');

  await thumb.getByTestId('figure-rename').click();
  const input = page.getByTestId('figure-rename-input');
  await expect(input).toHaveValue('q19-screenshot-2025-01-20');
  await input.fill('Bucket overview');
  await page.getByTestId('figure-rename-submit').click();
  await expect(page.getByTestId('figure-rename-dialog')).toHaveCount(0);
  await expect(thumb).toHaveAttribute('data-link', 'figures/bucket-overview.png');
  await expect(thumb).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByTestId('figure-message-19')).toContainText(
    'Renamed figures/q19-screenshot-2025-01-20.png to figures/bucket-overview.png (1 link updated)',
  );
  expect(await figureFiles(host)).toEqual(['bucket-overview.png']);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  let saved = await readFile(host.path('reports/README.md'), 'utf8');
  expect(findQuestion(parseReport(saved), 19)!.answer).toBe('![Screenshot 2025 01 20](figures/bucket-overview.png)');

  await thumb.getByTestId('figure-remove').click();
  await expect(page.getByTestId('figure-delete-dialog')).toContainText('figures/bucket-overview.png');
  await page.getByTestId('figure-delete-confirm').click();
  await expect(page.getByTestId('figure-thumb-19')).toHaveCount(0);
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('figure-message-19')).toContainText('Deleted figures/bucket-overview.png');
  expect(await figureFiles(host)).toEqual([]);
  await saveNow(page);
  saved = await readFile(host.path('reports/README.md'), 'utf8');
  // The emptied answer gets the template's placeholder back: the file is as it was.
  expect(saved).toBe(report.text);
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

test('an image over 2560 px is offered as a smaller copy, which replaces the link', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport(EMPTY_19);
  const host = await startOn(page, hostRepo, report);
  const bytes = await largeNoisyPng(3000, 800);
  await dropFiles(page, zone(19), [{ name: 'wide.png', type: 'image/png', bytes }]);

  const message = page.getByTestId('figure-message-19');
  await expect(message).toContainText('3000 px wide');
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/q19-wide.png');
  await page.getByTestId('figure-downscale').click();
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/q19-wide-2560px.png');
  await expect(message).toContainText('Now linking figures/q19-wide-2560px.png');
  await expect(page.getByTestId('figure-downscale')).toHaveCount(0);
  await expect(page.getByTestId('image-meter-19')).toHaveAttribute('data-count', '1');
  expect((await sharp(await readFile(host.path('reports/figures/q19-wide-2560px.png'))).metadata()).width).toBe(2560);
  // The original stays, and the problems panel offers to delete it now that nothing links it.
  const unused = page.getByTestId('problem').and(page.locator('[data-kind="unused-file"]'));
  await expect(unused).toContainText('figures/q19-wide.png');

  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expectSaved19(host, report, '![wide](figures/q19-wide-2560px.png)', 1);
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});

test('a figure link without "!" is a problem with a one-click fix that makes it count', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-004'); // 27 questions; question 19 is "[this figure](figures/bucket.png)"
  const host = await startOn(page, hostRepo, report, { 'reports/figures/bucket.png': await png(200, 120, 7) });
  const meter = page.getByTestId('image-meter-19');
  await expect(meter).toHaveAttribute('data-count', '0');
  await expect(meter).toHaveAttribute('data-status', 'images-missing');

  const problem = page.getByTestId('problem').and(page.locator('[data-kind="image-without-bang"][data-question="19"]'));
  await expect(problem).toContainText('without the leading "!"');
  const thumb = page.getByTestId('figure-thumb-19');
  await expect(thumb).toHaveAttribute('data-kind', 'link');
  await expect(thumb).toContainText('Not counted');

  const item = page.locator('li', { has: problem });
  await item.getByTestId('problem-fix').click();
  await expect(problem).toHaveCount(0);
  await expect(meter).toHaveAttribute('data-count', '1');
  await expect(meter).toHaveAttribute('data-status', 'ok');
  await expect(thumb).toHaveAttribute('data-kind', 'image');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  const saved = await expectSaved19(host, report, '![this figure](figures/bucket.png)', 1);
  expect(saved).toBe(serializeReport(setAnswer(parseReport(report.text), 19, '![this figure](figures/bucket.png)')));
  // Links to figures the temp repo lacks are never requested: no 404 in the console either.
  expect(errors).toEqual([]);
});
