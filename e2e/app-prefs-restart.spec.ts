/**
 * The view the student chose (theme, text size, folded panels) is there the next time they run
 * `report-editor serve`, although each run serves at a new port, hence a new address whose
 * localStorage starts empty: the host keeps the choices in its config folder.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { modKey, openForm, watchErrors } from './support/app';
import { expect, test } from './support/host';

test('theme, text size and folded panels survive a restart of serve on another port', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const configDir = await mkdtemp(join(tmpdir(), 'report-editor-config-'));
  try {
    const files = { 'reports/README.md': latestBlankTemplate(31).text };
    const first = await hostRepo({ files, configDir });
    await openForm(page, first);
    const html = page.locator('html');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'system');
    await page.getByTestId('theme-toggle').click(); // light
    await page.getByTestId('theme-toggle').click(); // dark
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press(`${modKey}+Equal`);
    await expect(html).toHaveAttribute('data-text-step', '1');
    await page.getByTestId('navigator-toggle').click();
    await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'false');
    // The session ends once the last choice has reached the host (no click is lost to the stop).
    await expect.poll(() => readFile(join(configDir, 'view-prefs.json'), 'utf8').catch(() => '')).toContain('"navigatorOpen": false');
    await page.goto('about:blank');
    await first.stop();

    const second = await hostRepo({ files, configDir });
    expect(new URL(second.url).port).not.toBe(new URL(first.url).port);
    await openForm(page, second);
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'dark');
    await expect(html).toHaveAttribute('data-text-step', '1');
    await expect(page.getByTestId('navigator-toggle')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('problems-toggle')).toHaveAttribute('aria-expanded', 'true');
    expect(errors).toEqual([]);
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
});
