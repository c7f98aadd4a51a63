/**
 * The rendered previews in the browser host, on a real report: an answer's preview under its editor
 * and the whole report beside the form. Markdown renders, raw HTML never runs script, figures load
 * from the report's folder (a missing one shows a placeholder), and where the graded page will look
 * different the preview says so — as does the problems panel.
 */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { findQuestion, serializeReport } from '../src/core/reportModel';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo, type HostOptions } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-preview specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

/** What a script from the answer would have set, had any run. */
const pwned = () => (globalThis as Record<string, unknown>)['__pwned'];

/** The width a loaded image really has (0 while loading or when it failed). */
const loadedWidth = (img: unknown) => {
  const image = img as { complete: boolean; naturalWidth: number };
  return image.complete ? image.naturalWidth : 0;
};

/** A real PNG of one colour. */
function png(width: number, height: number, colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

const QUESTION = 7;
/** Linked from the answer, never written: the preview shows a placeholder. */
const MISSING = 'figures/not-there.png';

const ANSWER = [
  'We track every experiment with **Weights and Biases** and compare the runs in its dashboard.',
  '',
  "<script>window.__pwned = 'script'</script>",
  '',
  `<img src="${MISSING}" onerror="window.__pwned = 'onerror'">`,
  '',
  '![Validation loss curve](figures/loss%20curve.png)',
  '',
  '```python',
  'def train(model):',
  '    return model.fit()',
  '```',
].join('\n');

/** The figures real-024 links, so that only the image this spec leaves out is missing. */
function linkedFigures(text: string): string[] {
  return [...text.matchAll(/!\[[^\]]*\]\((figures\/[^)\s<>]+)\)/g)].map((m) => decodeURIComponent(m[1]));
}

/**
 * Failed requests, except those the spec causes on purpose: the image it links without writing it
 * (the preview asks for it; the figure thumbnails of the card ask about it too).
 */
function watchFailedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    const body = response.request().postData() ?? '';
    const expected =
      url.pathname.endsWith(`/report-files/${MISSING}`) ||
      (url.pathname.endsWith('/api/invoke/figureThumbnail') && body.includes(`"target":"${MISSING}"`));
    if (!expected) failed.push(`${response.status()} ${url.pathname}`);
  });
  return failed;
}

/** Console errors other than a failed resource load (the requests are checked one by one above). */
const unexpected = (errors: readonly string[]) =>
  errors.filter((e) => !e.startsWith('console: Failed to load resource'));

/**
 * real-024 with question QUESTION's answer set to ANSWER and a picture for every figure it links
 * (plus the answer's own loss curve), open in the browser host; page errors and failed requests
 * are collected from the start.
 */
async function openPreviewReport(page: Page, hostRepo: (options: HostOptions) => Promise<HostedRepo>) {
  const errors = watchErrors(page);
  const failed = watchFailedRequests(page);
  const report = corpusReport('real-024');
  const text = serializeReport(setAnswer(parseReport(report.text), QUESTION, ANSWER));
  const files: Record<string, string | Uint8Array> = { 'reports/README.md': text };
  for (const [i, figure] of linkedFigures(report.text).entries()) {
    files[`reports/${figure}`] = await png(40 + i, 30, { r: 30 * i, g: 120, b: 200 });
  }
  files['reports/figures/loss curve.png'] = await png(320, 200, { r: 200, g: 40, b: 40 });
  const host = await hostRepo({ files });
  await openForm(page, host);
  return { errors, failed, report };
}

test("an answer's preview renders markdown and its figure, runs no script from raw HTML, and marks a fenced code block", async ({
  page,
  hostRepo,
}) => {
  const { errors, failed } = await openPreviewReport(page, hostRepo);

  const card = page.getByTestId(`question-${QUESTION}`);
  const preview = page.getByTestId(`preview-${QUESTION}`);
  await expect(preview).toHaveCount(0); // nothing is rendered until asked for
  await page.getByTestId(`preview-toggle-${QUESTION}`).click();
  await expect(page.getByTestId(`preview-toggle-${QUESTION}`)).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByTestId(`preview-${QUESTION}`)).toBeVisible();

  // Markdown renders.
  await expect(preview.locator('p > strong', { hasText: 'Weights and Biases' })).toBeVisible();
  await expect(preview).not.toContainText('**');
  // The figure comes from reports/figures through the host and really loads.
  const figure = preview.locator('img[alt="Validation loss curve"]');
  await expect(figure).toBeVisible();
  await expect.poll(() => figure.evaluate(loadedWidth)).toBe(320);
  // Raw HTML: the <script> is gone, the <img> lost its handler; its missing file shows a placeholder.
  await expect(preview.locator('script')).toHaveCount(0);
  await expect(preview.locator('[onerror]')).toHaveCount(0);
  await expect(preview.getByRole('img', { name: /Missing image: figures\/not-there\.png/ })).toBeVisible();
  expect(await page.evaluate(pwned)).toBeUndefined();
  // The fenced code block is marked with what the graded page will show instead.
  const note = preview.locator('.graded-note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('On the graded page:');
  await expect(note).toContainText('fenced code block will appear as inline code');
  await expect(preview.locator('pre.graded-diff')).toBeVisible();

  // The problems panel lists it too, and a click goes to the answer.
  const listed = page.getByTestId('graded-problem').filter({ hasText: 'fenced code block will appear as inline code' });
  await expect(listed.and(page.locator(`[data-question="${QUESTION}"]`))).toHaveCount(1);

  // The preview follows the answer as it is typed.
  await focusAnswer(page, QUESTION);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type('\n\nWe also used *Hydra* configs.');
  await expect(preview.locator('p > em')).toHaveText('Hydra');
  expect(await page.evaluate(pwned)).toBeUndefined();

  // Toggled off, it is gone.
  await page.getByTestId(`preview-toggle-${QUESTION}`).click();
  await expect(preview).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
  expect(failed).toEqual([]);
});

test('the whole report renders beside the form, figures and graded-page notes included', async ({ page, hostRepo }) => {
  const { errors, failed, report } = await openPreviewReport(page, hostRepo);

  await page.getByTestId('report-preview-toggle').click();
  const whole = page.getByTestId('report-preview');
  await expect(whole).toBeVisible();
  // The title, the questions' headings and other students' answers are all there.
  await expect(whole.locator('h3', { hasText: `Question ${QUESTION}` })).toBeVisible();
  const answer4 = findQuestion(parseReport(report.text), 4)!.answer;
  const firstWords = answer4.split(/\s+/).slice(0, 4).join(' ');
  await expect(whole).toContainText(firstWords.replace(/[*`_]/g, ''));
  await expect(whole.locator('strong', { hasText: 'Weights and Biases' })).toBeVisible();
  expect(await page.evaluate(pwned)).toBeUndefined();

  // Every figure the report links is shown from the report's folder; the deleted one is a placeholder.
  const systemDiagram = whole.locator('img[alt="System diagram"]');
  await systemDiagram.scrollIntoViewIfNeeded();
  await expect.poll(() => systemDiagram.evaluate(loadedWidth)).toBeGreaterThan(0);
  await expect(whole.getByRole('img', { name: /Missing image: figures\/not-there\.png/ })).toBeVisible();

  // Graded-page differences of the whole report are marked where they are.
  const marked = whole.locator('pre.graded-diff', { hasText: 'def train(model)' });
  await expect(marked).toBeVisible();
  await expect(whole.locator('pre.graded-diff:has-text("def train(model)") + aside.graded-note')).toContainText(
    'fenced code block will appear as inline code',
  );

  await page.getByTestId('report-preview-toggle').click();
  await expect(whole).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
  expect(failed).toEqual([]);
});
