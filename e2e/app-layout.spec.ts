/**
 * The form's layout on a laptop (1280×720) and a wide screen (1920×1080), on a real report: the
 * answer editor keeps its room in every state of the navigator, the problems panel and the
 * whole-report preview; folded panels stay folded after a reload; the preview shows the question
 * being edited; a wide screen gives the answer the room instead of leaving two empty gutters.
 */
import type { Page } from '@playwright/test';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

const REPORT = 'real-037';

interface State {
  readonly navigator: boolean;
  readonly problems: boolean;
  readonly preview: boolean;
}

const STATES: State[] = [];
for (const navigator of [true, false])
  for (const problems of [true, false])
    for (const preview of [false, true]) STATES.push({ navigator, problems, preview });

const label = (s: State) =>
  `navigator ${s.navigator ? 'open' : 'closed'}, problems ${s.problems ? 'open' : 'closed'}, preview ${s.preview ? 'open' : 'closed'}`;

async function isOpen(page: Page, panel: 'navigator' | 'problems'): Promise<boolean> {
  return (await page.getByTestId(`${panel}-toggle`).getAttribute('aria-expanded')) === 'true';
}

/** Clicks the toggles until the panels are as asked (opening the preview may fold panels by itself). */
async function arrange(page: Page, state: State): Promise<void> {
  const previewToggle = page.getByTestId('report-preview-toggle');
  if (((await previewToggle.getAttribute('aria-pressed')) === 'true') !== state.preview) await previewToggle.click();
  for (const panel of ['navigator', 'problems'] as const) {
    if ((await isOpen(page, panel)) !== state[panel]) await page.getByTestId(`${panel}-toggle`).click();
    await expect(page.getByTestId(`${panel}-toggle`)).toHaveAttribute('aria-expanded', String(state[panel]));
  }
  await expect(previewToggle).toHaveAttribute('aria-pressed', String(state.preview));
}

/** Goes to question `number` with Ctrl/⌘+G (the navigator may be folded). */
async function goToQuestion(page: Page, number: number): Promise<void> {
  await page.keyboard.press(`${modKey}+g`);
  await page.getByTestId('goto-input').fill(String(number));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`question-${number}`).locator('.cm-content')).toBeFocused();
}

async function editorWidth(page: Page, number: number): Promise<number> {
  const box = await page.getByTestId(`question-${number}`).locator('.cm-editor').boundingBox();
  if (!box) throw new Error(`question ${number} has no editor on screen`);
  return box.width;
}

async function start(page: Page, hostRepo: (o: { files: Record<string, Uint8Array> }) => Promise<HostedRepo>) {
  const host = await hostRepo({ files: { 'reports/README.md': corpusReport(REPORT).bytes } });
  await openForm(page, host);
  await focusAnswer(page, 15);
  return host;
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} the answer editor keeps at least 560 px in every panel state`, async ({
    page,
    hostRepo,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height });
    await start(page, hostRepo);
    const widths: string[] = [];
    for (const state of STATES) {
      await arrange(page, state);
      await goToQuestion(page, 15);
      const measured = await editorWidth(page, 15);
      widths.push(`${label(state)}: ${Math.round(measured)} px`);
      expect(measured, label(state)).toBeGreaterThanOrEqual(560);
      if (state.preview) {
        // Beside the answers only when both fit; the preview is always on screen.
        const preview = page.getByTestId('report-preview');
        await expect(preview).toBeVisible();
        const placed = await page.getByTestId('workspace').getAttribute('data-preview');
        expect(placed).toMatch(/^(side|below)$/);
        const box = (await preview.boundingBox())!;
        expect(box.width, `preview of ${label(state)}`).toBeGreaterThanOrEqual(placed === 'side' ? 440 : 560);
      }
    }
    console.log(`[layout ${width}×${height}] answer editor widths:\n  ${widths.join('\n  ')}`);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
}

test('at 1280×720, opening the preview folds both panels and puts it beside the answer; closing it brings them back', async ({
  page,
  hostRepo,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, hostRepo);
  await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('problems-toggle')).toHaveAttribute('aria-expanded', 'true');
  // Every source of problems has examined the report (the idle-time ones arrive a moment after opening).
  await expect(page.locator('aside.problems')).toHaveAttribute('aria-busy', 'false');
  const problems = await page.getByTestId('problems-count').innerText();
  expect(problems).toMatch(/^\d+$/);
  await page.getByTestId('report-preview-toggle').click();
  await expect(page.getByTestId('workspace')).toHaveAttribute('data-preview', 'side');
  await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('problems-toggle')).toHaveAttribute('aria-expanded', 'false');
  // The problems rail still says how many there are.
  await expect(page.getByTestId('problems-rail').locator('.side-rail__count')).toHaveText(problems);
  await page.getByTestId('report-preview-toggle').click();
  await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('problems-toggle')).toHaveAttribute('aria-expanded', 'true');
});

test('the whole-report preview opens at the question being edited and follows the next one', async ({
  page,
  hostRepo,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, hostRepo);
  await page.getByTestId('report-preview-toggle').click();
  const preview = page.getByTestId('report-preview');
  const headingAtTop = async (text: string) => {
    const heading = preview.getByRole('heading', { name: text, exact: true });
    await expect(heading).toBeVisible();
    await expect
      .poll(async () => {
        const [h, p] = [await heading.boundingBox(), await preview.boundingBox()];
        return h && p ? Math.round(h.y - p.y) : -1;
      })
      .toBeLessThan(80);
  };
  await headingAtTop('Question 15');
  await expect(
    preview.getByRole('heading', { name: 'Exam template for 02476 Machine Learning Operations' }),
  ).not.toBeInViewport();
  await goToQuestion(page, 22);
  await headingAtTop('Question 22');
});

test('folded panels stay folded after a reload', async ({ page, hostRepo }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, hostRepo);
  await page.getByTestId('navigator-toggle').click();
  await page.getByTestId('problems-toggle').click();
  await expect(page.getByTestId('navigator-rail')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('problems-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('navigator-toggle').click();
  await page.reload();
  await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('problems-toggle')).toHaveAttribute('aria-expanded', 'false');
});

test('at 1920×1080 the answer uses the room: no two wide empty gutters beside the form', async ({ page, hostRepo }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await start(page, hostRepo);
  const column = (await page.locator('main.cards').boundingBox())!;
  const card = (await page.getByTestId('question-15').boundingBox())!;
  const left = card.x - column.x;
  const right = column.x + column.width - (card.x + card.width);
  expect(left + right).toBeLessThan(200);
  expect(await editorWidth(page, 15)).toBeGreaterThanOrEqual(800);
  // The prompt sits beside the answer, not above it.
  const prompt = (await page.getByTestId('prompt-15').boundingBox())!;
  const editor = (await page.getByTestId('question-15').locator('.cm-editor').boundingBox())!;
  expect(prompt.x + prompt.width).toBeLessThanOrEqual(editor.x);
});
