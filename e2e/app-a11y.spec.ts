/**
 * Accessibility audit with axe-core over every screen and dialog, in light and in dark: no serious
 * or critical violation of WCAG 2.2 A/AA (contrast, names, roles, landmarks…). The form is audited
 * with a real report from the shared corpus (skipped, with the reason printed, when it is absent).
 */
import AxeBuilder from '@axe-core/playwright';
import { chmod, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { setAnswer } from '../src/core/editReport';
import { parseReport } from '../src/core/parseReport';
import { serializeReport } from '../src/core/reportModel';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: the accessibility audit of the form with a real report is skipped`);

const SCHEMES = ['light', 'dark'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Serious and critical violations on the page as it is now, one line each (empty: none). A dialog
 * is audited on its own (`scope`): the page under it was audited before it opened, and axe over
 * every node of a 31-question form takes a good 15 s on a busy box.
 */
async function audit(page: Page, where: string, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  if (scope) builder.include(scope);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`);
      return `${where}: ${v.id} (${v.impact}, ${v.nodes.length} nodes) ${v.help} — ${nodes.join(' | ')}`;
    });
}

const blank = latestBlankTemplate(31).text;
const withAnswer = (number: number, answer: string, text = blank) => serializeReport(setAnswer(parseReport(text), number, answer));

for (const scheme of SCHEMES) {
  test.describe(`${scheme} colours`, () => {
    test.use({ colorScheme: scheme });
    // Each test audits a whole screen or two, several seconds apiece on a busy 2-core box.
    test.describe.configure({ timeout: 240_000 });

    test(`welcome, open dialog with its folder list, shortcuts help (${scheme})`, async ({ page, hostRepo }) => {
      const errors = watchErrors(page);
      const host = await hostRepo({ files: { 'reports/README.md': blank, 'src/x.py': '' }, serveArg: null });
      await page.goto(host.url);
      await expect(page.getByTestId('welcome')).toBeVisible();
      const found = await audit(page, 'welcome');
      await page.getByTestId('path-input').fill(`${host.repoRoot}/`);
      await expect(page.getByTestId('path-option').first()).toBeVisible();
      found.push(...(await audit(page, 'welcome with folder list')));

      await page.getByTestId('path-input').fill(host.repoRoot);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(page.getByTestId('editor')).toBeVisible();
      await page.keyboard.press(`${modKey}+o`);
      await expect(page.getByTestId('open-dialog')).toBeVisible();
      found.push(...(await audit(page, 'open dialog', '[data-testid="open-dialog"]')));
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await expect(page.getByTestId('help-overlay')).toBeVisible();
      found.push(...(await audit(page, 'shortcuts help', '[data-testid="help-overlay"]')));
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    });

    test(`the form with a real report, go-to, preview, export and repair (${scheme})`, async ({ page, hostRepo }) => {
      test.skip(!corpusAvailable, CORPUS_MISSING);
      const report = corpusReport('real-001');
      // A deleted "Answer:" line gives the repair view something to show.
      const drifted = report.text.replace(/\n> *Answer:[^\n]*\n/, '\n\n');
      const host = await hostRepo({ files: { 'reports/README.md': drifted } });
      await openForm(page, host);
      await expect(page.getByTestId('checker-verdict')).toBeVisible();
      const found = await audit(page, 'form');

      await page.keyboard.press(`${modKey}+g`);
      await expect(page.getByTestId('goto-dialog')).toBeVisible();
      found.push(...(await audit(page, 'go-to dialog', '[data-testid="goto-dialog"]')));
      await page.keyboard.press('Escape');

      await page.getByTestId('report-preview-toggle').click();
      await expect(page.getByTestId('report-preview')).toBeVisible();
      found.push(...(await audit(page, 'preview')));
      await page.getByTestId('report-preview-toggle').click();

      await page.getByTestId('export-button').click();
      await expect(page.getByTestId('export-result')).toBeVisible();
      found.push(...(await audit(page, 'export result')));
      await page.getByTestId('export-close').click();

      await page.getByTestId('repair-button').click();
      await expect(page.getByTestId('repair-dialog')).toBeVisible();
      found.push(...(await audit(page, 'repair', '[data-testid="repair-dialog"]')));
      await page.getByTestId('repair-apply-all').click();
      await expect(page.getByTestId('repair-apply')).toBeVisible();
      found.push(...(await audit(page, 'repair diff', '[data-testid="repair-dialog"]')));
      expect(found).toEqual([]);
    });

    test(`figure delete, conflict and read-only dialogs (${scheme})`, async ({ page, hostRepo }) => {
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } }).png().toBuffer();
      const text = withAnswer(19, 'Our bucket:\n\n![The bucket](figures/bucket.png)');
      const host = await hostRepo({ files: { 'reports/README.md': text, 'reports/figures/bucket.png': png } });
      const file = host.path('reports/README.md');
      await openForm(page, host);
      await page.getByTestId('figure-thumb-19').getByTestId('figure-rename').click();
      await expect(page.getByTestId('figure-rename-dialog')).toBeVisible();
      const found = await audit(page, 'figure rename dialog', '[data-testid="figure-rename-dialog"]');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('figure-rename-dialog')).toHaveCount(0);
      await page.getByTestId('figure-thumb-19').getByTestId('figure-remove').click();
      await expect(page.getByTestId('figure-delete-dialog')).toBeVisible();
      found.push(...(await audit(page, 'figure delete dialog', '[data-testid="figure-delete-dialog"]')));
      await page.getByTestId('figure-delete-keep').click();

      await focusAnswer(page, 7);
      await page.keyboard.type(' MINE');
      // The same answer changed on disk: the one case that asks (other answers merge silently).
      await writeFile(file, withAnswer(7, 'THEIRS', text));
      const conflict = page.getByTestId('conflict-dialog');
      await expect(conflict).toBeVisible();
      found.push(...(await audit(page, 'conflict dialog', '[data-testid="conflict-dialog"]')));
      for (const region of await conflict.locator('[data-testid^="merge-conflict-"]').all()) {
        await region.getByRole('button', { name: 'Keep mine' }).click();
      }
      await conflict.getByTestId('merge-apply').click();
      await expect(page.getByTestId('save-state')).toHaveText('Saved');

      await chmod(file, 0o444);
      await focusAnswer(page, 8);
      await page.keyboard.type(' MORE');
      await page.keyboard.press(`${modKey}+s`);
      await expect(page.getByTestId('read-only-dialog')).toBeVisible();
      found.push(...(await audit(page, 'read-only dialog', '[data-testid="read-only-dialog"]')));
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('read-only-banner')).toBeVisible();
      found.push(...(await audit(page, 'read-only banner')));
      expect(found).toEqual([]);
    });

    test(`no report, a failed open over the form, several candidates (${scheme})`, async ({ page, hostRepo }) => {
      const host = await hostRepo({
        files: { 'README.md': '# Project\n', 'a/reports/README.md': blank, 'b/reports/README.md': blank, 'empty/x.py': '' },
        serveArg: 'empty',
      });
      await page.goto(host.url);
      await expect(page.getByTestId('no-report')).toBeVisible();
      const found = await audit(page, 'no report screen');
      await page.getByTestId('create-report').click();
      await expect(page.getByTestId('editor')).toBeVisible();
      await page.keyboard.press(`${modKey}+o`);
      const open = page.getByTestId('open-dialog');
      await open.getByTestId('path-input').fill(host.repoRoot);
      await open.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(page.getByTestId('open-problem-dialog')).toBeVisible();
      found.push(...(await audit(page, 'report chooser over the form', '[data-testid="open-problem-dialog"]')));
      expect(found).toEqual([]);
    });
  });
}
