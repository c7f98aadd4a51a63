/**
 * The graded page in the app, in Chromium: a report with a fenced code block, a table and a
 * figure, shown as the course's page shows it — the fence run into one paragraph of `<code>`,
 * the table as pipes — per answer (the card's Graded button and the switch key) and for the
 * whole report beside the form, with the figure loaded from figures/ and no script running.
 */
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { buildReport, words } from '../test/support/reportBuilder';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { expect, test } from './support/host';

const QUESTION = 6;

const ANSWER = [
  `${words(40, 'we')} Our configuration file:`,
  '',
  '```json',
  '{"lr": 0.001, "epochs": 10}',
  '```',
  '',
  '| metric | value |',
  '| --- | --- |',
  '| accuracy | 0.93 |',
  '',
  '![Loss curve](figures/loss.png)',
  '',
  "<script>window.__pwned = 'script'</script>",
].join('\n');

test('a fenced block and a table show as the graded page shows them: per answer, by key, and for the whole report', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const figure = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();
  const host = await hostRepo({
    files: { 'reports/README.md': buildReport({ answers: { [QUESTION]: ANSWER } }), 'reports/figures/loss.png': figure },
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openForm(page, host);
  const card = page.getByTestId(`question-${QUESTION}`);

  // The card's Graded button: the answer as the course's page renders it.
  await card.getByTestId(`graded-toggle-${QUESTION}`).click();
  await expect(card.getByTestId(`graded-toggle-${QUESTION}`)).toHaveAttribute('aria-pressed', 'true');
  const graded = card.getByTestId(`graded-preview-${QUESTION}`);
  const body = graded.getByTestId('graded-html');
  await expect(body.locator('p > code')).toHaveText('json\n{"lr": 0.001, "epochs": 10}');
  await expect(body.locator('pre')).toHaveCount(0);
  await expect(body.locator('table')).toHaveCount(0);
  await expect(body.locator('p', { hasText: '| metric | value |' })).toHaveText(
    '| metric | value |\n| --- | --- |\n| accuracy | 0.93 |',
  );
  // The figure loads from figures/ through the host, as in the GitHub preview.
  const img = body.locator('img[alt="Loss curve"]');
  await expect.poll(() => img.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth)).toBe(40);
  // Plain browser styles, not the app's or GitHub's: the page's text is in the browser's serif.
  await expect(body.locator('p').first()).toHaveCSS('font-family', 'serif');
  // What differs from GitHub is listed above the rendering.
  await expect(graded.getByTestId(`graded-notes-${QUESTION}`)).toContainText('fenced code block');
  await expect(graded.getByTestId(`graded-notes-${QUESTION}`)).toContainText('Tables are not rendered');
  expect(await page.evaluate(() => (globalThis as Record<string, unknown>)['__pwned'])).toBeUndefined();

  // The switch key, on the answer being edited: Graded → GitHub → Graded.
  await focusAnswer(page, QUESTION);
  await page.keyboard.press(`${modKey}+Shift+G`);
  await expect(card.getByTestId(`preview-${QUESTION}`).locator('pre > code')).toContainText('{"lr": 0.001');
  await expect(card.getByTestId(`preview-${QUESTION}`).locator('table')).toHaveCount(1);
  await expect(graded).toHaveCount(0);
  await page.keyboard.press(`${modKey}+Shift+G`);
  await expect(card.getByTestId(`graded-preview-${QUESTION}`).locator('p > code')).toHaveCount(1);
  // Typing goes on in the editor meanwhile, and the graded view follows it.
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type('\n\nA closing sentence.');
  await expect(card.getByTestId(`graded-preview-${QUESTION}`).getByTestId('graded-html')).toContainText(
    'A closing sentence.',
  );

  // The whole report, as graded, beside the form, following the question being edited.
  await page.getByTestId('graded-report-toggle').click();
  const pane = page.getByTestId('graded-report-preview');
  await expect(pane.locator('h3', { hasText: `Question ${QUESTION}` })).toBeVisible();
  await expect(pane.getByTestId('graded-html').locator('p > code', { hasText: '{"lr": 0.001' })).toHaveCount(1);
  await expect(pane.getByTestId('graded-html').locator('table')).toHaveCount(0);
  if (process.env.GRADED_SCREENSHOT) await page.screenshot({ path: process.env.GRADED_SCREENSHOT });
  expect(existsSync(host.path('reports/report.html'))).toBe(false);

  // The problems panel lists the fenced block (found by comparing the renderings) with its fix;
  // the fix is an edit of the answer, and then the graded page shows a real code block.
  // On a laptop-sized window the pane beside the answer folded the side panels: show the problems
  // (the pane moves under the answer and stays open).
  const problemsToggle = page.getByTestId('problems-toggle');
  if ((await problemsToggle.getAttribute('aria-expanded')) === 'false') await problemsToggle.click();
  const fenced = page.locator(`li:has(> [data-kind="fenced-code"][data-question="${QUESTION}"])`);
  await expect(fenced).toHaveCount(1);
  await fenced.getByTestId('problem-fix').click();
  await expect(card.getByTestId(`graded-preview-${QUESTION}`).getByTestId('graded-html').locator('pre > code')).toHaveText(
    '{"lr": 0.001, "epochs": 10}\n',
  );
  await expect(pane.getByTestId('graded-html').locator('pre > code', { hasText: '{"lr": 0.001' })).toHaveCount(1);
  await expect(fenced).toHaveCount(0);
  // One Ctrl/⌘+Z in the answer takes the fix back (the navigator is folded: click in the answer).
  await card.locator('.cm-content').click();
  await page.keyboard.press(`${modKey}+z`);
  await expect(card.locator('.cm-content')).toContainText('```json');
  expect(errors).toEqual([]);
});
