/**
 * Only the answers near the viewport have a live editor; the others show their text in a light
 * stand-in (every live editor costs each keystroke elsewhere some work). An editor that scrolls far
 * away goes back to a stand-in and comes back as it was: its text, and its undo history. The one
 * the student is typing in stays, wherever the page is scrolled.
 */
import { buildReport, words } from '../test/support/reportBuilder';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { expect, test } from './support/host';

const everyAnswer = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(120, `q${i + 1}w`)]));

test('an answer scrolled far away keeps its text and its undo history when its editor comes back', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const host = await hostRepo({ files: { 'reports/README.md': buildReport({ answers: everyAnswer }) } });
  await openForm(page, host);

  await focusAnswer(page, 4);
  const meter = page.getByTestId('word-meter-4');
  await expect(meter).toHaveAttribute('data-count', '120');
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' kept across the scroll');
  await expect(meter).toHaveAttribute('data-count', '124');
  // Only the cards around the one in view have editors.
  const live = await page.locator('.answer-host .cm-editor').count();
  expect(live).toBeGreaterThan(0);
  expect(live).toBeLessThan(15);

  // Far down the report: question 4's editor goes, its stand-in shows what was typed.
  await focusAnswer(page, 29);
  const card4 = page.getByTestId('question-4');
  await expect(card4.locator('.cm-editor')).toHaveCount(0);
  await expect(card4.locator('.answer-stub')).toContainText('q4w120 kept across the scroll');
  expect(await page.locator('.answer-host .cm-editor').count()).toBeLessThan(15);

  // Back: the same editor state, so Ctrl/⌘+Z still takes the typing back.
  const editor4 = await focusAnswer(page, 4);
  await expect(editor4).toContainText('kept across the scroll');
  for (let i = 0; i < 5 && (await meter.getAttribute('data-count')) !== '120'; i++)
    await page.keyboard.press(`${modKey}+z`);
  await expect(meter).toHaveAttribute('data-count', '120');
  await expect(editor4).not.toContainText('kept across');
  expect(errors).toEqual([]);
});

test('the editor being typed in stays when the page is scrolled far from it', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const host = await hostRepo({ files: { 'reports/README.md': buildReport({ answers: everyAnswer }) } });
  await openForm(page, host);

  const editor = await focusAnswer(page, 3);
  await page.keyboard.press(`${modKey}+End`);
  // Scrolled to the end of the form with the wheel, the cursor left in question 3.
  const column = page.getByTestId('question-3');
  const box = (await column.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 3000);
  await expect(page.getByTestId('question-31')).toBeInViewport();
  await expect(editor).toBeFocused();
  await page.keyboard.type(' typed while scrolled away');
  await expect(page.getByTestId('word-meter-3')).toHaveAttribute('data-count', '124');

  // Once the student leaves it for an answer in view, it goes back to a stand-in, text intact.
  await focusAnswer(page, 30);
  await expect(column.locator('.cm-editor')).toHaveCount(0);
  await expect(column.locator('.answer-stub')).toContainText('q3w120 typed while scrolled away');
  expect(errors).toEqual([]);
});
