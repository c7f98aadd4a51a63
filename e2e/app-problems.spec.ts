/**
 * The problems panel on seed 002 (a report an aggressive formatter went over): one list with one
 * count, alike items folded, a filter that follows the question being edited, marks that agree
 * with it — and the fix for an <img> inside an HTML block, after which the image renders.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { figureLinkFindings } from '../src/core/figures/figureFindings';
import { applyEdits } from '../src/core/textEdit';
import { focusAnswer, openForm, saveNow, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test, type HostedRepo, type HostOptions } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

const SEED_002 = 'seed-002_a3107fbf0a65d111';
const BLOCK_FIX = 'Move it below the HTML block as ![alt](path)';

const jpeg = (seed: number) =>
  sharp({ create: { width: 64 + seed, height: 40, channels: 3, background: { r: seed * 40, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer();

const loadedWidth = (img: unknown) => {
  const el = img as { complete: boolean; naturalWidth: number };
  return el.complete ? el.naturalWidth : -1;
};

async function openSeed002(page: Page, hostRepo: (options: HostOptions) => Promise<HostedRepo>) {
  const report = corpusReport(SEED_002);
  const host = await hostRepo({
    files: {
      'reports/README.md': report.bytes,
      'reports/figures/sweep.jpg': await jpeg(1),
      'reports/figures/sweep_opt.jpg': await jpeg(2),
    },
  });
  await openForm(page, host);
  // The doctor's findings arrive while the app is idle.
  await expect(page.getByTestId('drift-problems')).toBeVisible();
  return { report, host };
}

test('one count for one list; alike items fold; the filter follows the question being edited', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  await openSeed002(page, hostRepo);
  const panel = page.locator('aside.problems');
  const items = panel.locator('.problem-item');
  // The badge counts every item of every group once, folded ones included.
  await expect
    .poll(async () => Number(await page.getByTestId('problems-count').textContent()))
    .toBe(await items.count());
  const total = await items.count();
  expect(total).toBeGreaterThan(30);
  // 28 "quote lines joined" items are one folded line with their count.
  const fold = panel.getByTestId('problem-fold').and(page.locator('[data-kind="joined-quote-lines"]'));
  await expect(fold).toHaveCount(1);
  await expect(fold.locator('summary')).toContainText('28 ×');
  // Question 14's <img> tags are flagged in the panel, so its navigator mark and badge are not ✓.
  await expect(panel.locator('[data-kind="html-image"][data-question="14"]')).toHaveCount(2);
  await expect(page.getByTestId('nav-q-14')).toHaveAttribute('data-status', 'warning');
  await expect(page.getByTestId('mark-14')).toHaveAttribute('data-mark', 'warning');

  await focusAnswer(page, 14);
  const filter = page.getByTestId('problems-filter');
  await expect(page.locator('.problems-filter')).toContainText('Question 14 only');
  // Before filtering, question 14's items are highlighted among the others.
  await expect(panel.locator('[data-current="true"]').first()).toBeVisible();
  expect(await panel.locator('[data-current="true"]').count()).toBeGreaterThanOrEqual(3);
  await filter.check();
  const shown = panel.locator('button.problem');
  await expect.poll(() => shown.count()).toBeGreaterThanOrEqual(3);
  for (const q of await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-question'))))
    expect(q).toBe('14');
  // The filter follows the question being edited.
  await focusAnswer(page, 24);
  await expect(page.locator('.problems-filter')).toContainText('Question 24 only');
  await expect
    .poll(async () => new Set(await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')))))
    .toEqual(new Set(['24']));
  // The count stays the whole report's.
  expect(Number(await page.getByTestId('problems-count').textContent())).toBe(total);
  await filter.uncheck();
  await expect(items).toHaveCount(total);
  expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
});

test('the fix for an <img> inside an HTML block moves it out; the preview then shows the image, and the checker counts it', async ({
  page,
  hostRepo,
}) => {
  const { report, host } = await openSeed002(page, hostRepo);
  const meter = page.getByTestId('image-meter-14');
  const before = Number(await meter.getAttribute('data-count'));
  const panel = page.locator('aside.problems');
  let expected = report.text;
  for (const target of ['figures/sweep.jpg', 'figures/sweep_opt.jpg']) {
    const item = panel.locator('li.problem-item', {
      has: page.locator(`[data-kind="html-image"][data-question="14"]`, { hasText: target }),
    });
    const fix = item.getByTestId('problem-fix');
    await expect(fix).toHaveText(BLOCK_FIX);
    await fix.click();
    await expect(item).toHaveCount(0);
    const finding = figureLinkFindings(expected).find((f) => f.kind === 'html-image' && f.target === target)!;
    expected = applyEdits(expected, finding.fixes[0].kind === 'edit' ? finding.fixes[0].edits : []);
  }
  await expect(meter).toHaveAttribute('data-count', String(before + 2));

  await page.getByTestId('preview-toggle-14').click();
  const preview = page.getByTestId('preview-14');
  await expect(preview).toBeVisible();
  await expect(preview).not.toContainText('![');
  for (const name of ['sweep.jpg', 'sweep_opt.jpg']) {
    const img = preview.locator(`img[src$="figures/${name}"]`);
    await expect(img).toHaveCount(1);
    await expect.poll(() => img.evaluate(loadedWidth)).toBeGreaterThan(0);
  }
  // Saved: exactly the bytes of the two fixes, nothing else.
  await saveNow(page);
  expect(await readFile(host.path('reports/README.md'), 'utf8')).toBe(expected);
});
