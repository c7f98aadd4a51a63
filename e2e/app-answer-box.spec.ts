/**
 * An answer's box is exactly as tall as its editor, whatever changes the editor's height: lines
 * typed and undone, a narrower window that re-wraps the text, a larger font. The box is laid out on
 * its own (size containment, so a keystroke does not lay out the whole form), which would clip the
 * answer's last lines if its height fell behind the editor's.
 */
import type { Page } from '@playwright/test';
import { buildReport, words } from '../test/support/reportBuilder';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { expect, test } from './support/host';

const QUESTION = 6;

/** The box's inner height against its editor's, and whether the answer's last line can be hit at its centre. */
function measure(page: Page, number: number) {
  return page.getByTestId(`question-${number}`).evaluate((card) => {
    // (The page's own globals, through the card: the specs are typed without the DOM's names.)
    const page = card.ownerDocument;
    const host = card.querySelector('.answer-host')!;
    const editor = host.querySelector('.cm-editor')!;
    const lines = host.querySelectorAll('.cm-line');
    const lastLine = lines[lines.length - 1]!;
    lastLine.scrollIntoView({ block: 'center' });
    const line = lastLine.getBoundingClientRect();
    const hit = page.elementFromPoint(line.x + 4, line.y + line.height / 2);
    return {
      inner: host.clientHeight,
      editor: editor.getBoundingClientRect().height,
      contained: page.defaultView!.getComputedStyle(host).contain,
      lastLineShown: !!hit && editor.contains(hit),
    };
  });
}

async function expectBoxFitsEditor(page: Page, what: string): Promise<number> {
  await expect
    .poll(async () => {
      const m = await measure(page, QUESTION);
      return Math.abs(m.inner - m.editor) <= 1 && m.lastLineShown;
    }, { message: what })
    .toBe(true);
  return (await measure(page, QUESTION)).editor;
}

test('the answer box follows its editor: lines typed and undone, a narrower window, a larger font', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const host = await hostRepo({ files: { 'reports/README.md': buildReport({ answers: { [QUESTION]: words(120) } }) } });
  await openForm(page, host);
  await focusAnswer(page, QUESTION);
  const start = await expectBoxFitsEditor(page, 'as opened');
  // The box is its own layout root once its editor has been focused (see sizedHost.ts).
  await expect.poll(async () => (await measure(page, QUESTION)).contained).toMatch(/strict|size/);

  await page.keyboard.press(`${modKey}+End`);
  for (let i = 0; i < 6; i++) await page.keyboard.type('\nAnother line of the answer.');
  const grown = await expectBoxFitsEditor(page, 'after six lines typed');
  expect(grown).toBeGreaterThan(start + 5 * 18);

  for (let i = 0; i < 12 && (await measure(page, QUESTION)).editor > start + 1; i++) await page.keyboard.press(`${modKey}+z`);
  expect(await expectBoxFitsEditor(page, 'after undoing them')).toBeCloseTo(start, 0);

  await page.setViewportSize({ width: 900, height: 800 });
  expect(await expectBoxFitsEditor(page, 'in a narrower window')).toBeGreaterThan(start);

  await page.setViewportSize({ width: 1280, height: 800 });
  await focusAnswer(page, QUESTION);
  await page.keyboard.press(`${modKey}+Equal`);
  await page.keyboard.press(`${modKey}+Equal`);
  expect(await expectBoxFitsEditor(page, 'with a larger font')).toBeGreaterThan(start);
  expect(errors).toEqual([]);
});
