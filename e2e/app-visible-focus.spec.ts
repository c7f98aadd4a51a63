/**
 * The keyboard alone reaches every control, and wherever the focus is, it is visible: Tab through
 * the welcome screen and the whole top of the form (bar, navigator, first question cards) and
 * check each stop draws a focus outline or ring; the figure and preview controls of a question
 * are among the stops.
 */
import type { Page } from '@playwright/test';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { serializeReport } from '../src/core/reportModel';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { openForm } from './support/app';
import { expect, test } from './support/host';

interface Stop {
  readonly what: string;
  readonly visible: boolean;
}

/** Presses Tab `count` times; for each stop, what has the focus and whether a focus indicator is drawn. */
async function tabStops(page: Page, count: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    // (A string, because this project's types have no DOM; it runs in the page.)
    stops.push(
      (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { what: 'body', visible: false };
        const drawn = (node) => {
          const style = getComputedStyle(node);
          return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        };
        const ring = el.closest('.answer-host');
        const name = el.getAttribute('data-testid') || el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 40);
        return { what: el.tagName.toLowerCase() + ': ' + name, visible: drawn(el) || (ring !== null && drawn(ring)) };
      })()`)) as Stop,
    );
  }
  return stops;
}

test('every stop of the welcome screen shows where the focus is', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: { 'reports/README.md': latestBlankTemplate(31).text }, serveArg: null });
  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  // The Open button stays disabled (and out of the tab order) until a path is typed.
  const stops = await tabStops(page, 2);
  expect(stops.filter((s) => !s.visible)).toEqual([]);
  expect(stops.map((s) => s.what)).toEqual([expect.stringContaining('Open folder'), expect.stringContaining('path-input')]);
});

test('Tab reaches the bar, the navigator and each question card’s controls, always with a visible focus', async ({ page, hostRepo }) => {
  test.setTimeout(120_000);
  const text = serializeReport(setAnswer(parseReport(latestBlankTemplate(31).text), 1, 'Group 7.'));
  const host = await hostRepo({ files: { 'reports/README.md': text } });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openForm(page, host);
  const stops = await tabStops(page, 70);
  expect(stops.filter((s) => !s.visible)).toEqual([]);
  const reached = stops.map((s) => s.what).join('\n');
  for (const control of ['Save', 'nav-q-1', 'nav-q-31', 'preview-toggle-1', 'Answer to question 1']) {
    expect(reached, control).toContain(control);
  }
  // The first answer's figure controls are reached before the second question's editor.
  expect(reached).toMatch(/Answer to question 1\nbutton: figure-pick-1[\s\S]*Answer to question 2/);
});
