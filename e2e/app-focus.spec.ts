/**
 * Reading and writing comfortably, on a real report: focus mode (one question, no panels), the
 * text size with Ctrl/⌘ + − 0, the colour theme beside the system's, all remembered; and the
 * overview in the top bar agreeing with the navigator's marks.
 */
import type { Page } from '@playwright/test';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

async function start(page: Page, hostRepo: (o: { files: Record<string, Uint8Array> }) => Promise<HostedRepo>) {
  const host = await hostRepo({ files: { 'reports/README.md': corpusReport('real-037').bytes } });
  await openForm(page, host);
  return host;
}

/** The font size of the first element at `selector`, in px (a string: this project's e2e types have no DOM). */
async function fontSize(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(
    `parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize)`,
  );
}

const visibleCards = (page: Page) => page.locator('article.question-card:visible');

test('focus mode shows one question with no panels; next question moves on; Esc leaves', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, hostRepo);
  await focusAnswer(page, 7);

  await page.keyboard.press(`${modKey}+Shift+d`);
  await expect(page.getByTestId('focus-mode-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(visibleCards(page)).toHaveCount(1);
  await expect(page.getByTestId('question-7')).toBeVisible();
  await expect(page.getByTestId('question-7').locator('.cm-content')).toBeFocused();
  await expect(page.getByTestId('navigator-toggle')).toHaveCount(0);
  await expect(page.getByTestId('problems-toggle')).toHaveCount(0);
  const width = (await page.getByTestId('question-7').locator('.cm-editor').boundingBox())!.width;
  expect(width).toBeGreaterThanOrEqual(700);

  // Typing works as anywhere else.
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' Focused.');
  await expect(page.getByTestId('question-7').locator('.cm-content')).toContainText('Focused.');

  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('question-8')).toBeVisible();
  await expect(page.getByTestId('question-7')).toBeHidden();
  await expect(visibleCards(page)).toHaveCount(1);
  await expect(page.getByTestId('question-8').locator('.cm-content')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('focus-mode-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('navigator-toggle')).toBeVisible();
  await expect(page.getByTestId('question-7')).toBeVisible();

  // The toolbar button does the same.
  await page.getByTestId('focus-mode-toggle').click();
  await expect(visibleCards(page)).toHaveCount(1);
  await page.getByTestId('focus-mode-toggle').click();
  await expect(page.getByTestId('navigator-toggle')).toBeVisible();
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('Ctrl/⌘ + and − change the text size of the answers and prompts, 0 resets, and the size is remembered', async ({
  page,
  hostRepo,
}) => {
  await start(page, hostRepo);
  const editor = await focusAnswer(page, 4);
  const size = () => fontSize(page, '[data-testid="question-4"] .cm-content');
  const promptSize = () => fontSize(page, '[data-testid="prompt-4"]');
  const normal = await size();
  expect(normal).toBe(14);
  const normalPrompt = await promptSize();

  await page.keyboard.press(`${modKey}+Equal`);
  await page.keyboard.press(`${modKey}+Equal`);
  await expect.poll(size).toBeCloseTo(14 * 1.21, 1);
  expect(await promptSize()).toBeGreaterThan(normalPrompt);
  // Typing "=" or "-" in the answer still types them.
  await page.keyboard.type('-=');
  await expect(editor).toContainText('-=');

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await focusAnswer(page, 4);
  await expect.poll(size).toBeCloseTo(14 * 1.21, 1);

  await page.keyboard.press(`${modKey}+Minus`);
  await expect.poll(size).toBeCloseTo(15.4, 1);
  await page.keyboard.press(`${modKey}+Digit0`);
  await expect.poll(size).toBe(14);
});

test('the theme button cycles system, light and dark, follows the system when on system, and is remembered', async ({
  page,
  hostRepo,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await start(page, hostRepo);
  const html = page.locator('html');
  const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveAttribute('data-theme-choice', 'system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  const light = await background();
  expect(light).not.toBe(dark);

  await toggle.click(); // light
  await expect(toggle).toHaveAttribute('data-theme-choice', 'light');
  await toggle.click(); // dark, though the system is light
  await expect(toggle).toHaveAttribute('data-theme-choice', 'dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  await expect(toggle).toHaveAccessibleName('Colour theme: Dark');

  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'dark');
  await page.getByTestId('theme-toggle').click(); // back to the system's (light)
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test("the overview counts the words, the questions left and the images missing as the navigator's marks do", async ({
  page,
  hostRepo,
}) => {
  await start(page, hostRepo);
  const overview = page.getByTestId('overview');
  await expect(overview).toBeVisible();
  const failing = page.locator('[data-testid^="nav-q-"]:not([data-status="ok"]):not([data-status="warning"])');
  await expect(page.locator('[data-testid^="nav-q-"]')).toHaveCount(31);
  const left = await failing.count();
  expect(left).toBeGreaterThan(0);
  await expect(overview).toHaveAttribute('data-left', String(left));
  await expect(overview).toContainText(`${left} questions left`);

  const words = Number(await overview.getAttribute('data-words'));
  expect(words).toBeGreaterThan(1000);
  await focusAnswer(page, 4);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' three more words');
  await expect(overview).toHaveAttribute('data-words', String(words + 3));
  await expect(overview).toContainText(`${(words + 3).toLocaleString('en')} words`);
});

test('the shortcuts overlay lists focus mode and the text size keys', async ({ page, hostRepo }) => {
  await start(page, hostRepo);
  await page.keyboard.press('F1');
  const help = page.getByTestId('help-overlay');
  await expect(help).toContainText('Focus mode');
  await expect(help).toContainText(process.platform === 'darwin' ? '⌘⇧D' : 'Ctrl+Shift+D');
  await expect(help).toContainText('Larger text');
  await expect(help).toContainText('Smaller text');
  await expect(help).toContainText('Normal text size');
});
