/**
 * The template's own markdown in the form, on a real report: question prompts and checklist items
 * show links, code and emphasis as they read on GitHub (not as raw `[x](y)` and backticks), the
 * course's figure opens in a new tab, and nothing from the file runs as HTML.
 */
import { openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

const COURSE_BUCKET = 'https://raw.githubusercontent.com/SkafteNicki/dtu_mlops/main/reports/figures/bucket.png';

test("question 19's prompt links the course's bucket figure, which opens in a new tab", async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const host = await hostRepo({ files: { 'reports/README.md': corpusReport('real-048').bytes } });
  await openForm(page, host);
  const prompt = page.getByTestId('prompt-19');
  await expect(prompt).toContainText('You can take inspiration from this figure.');
  await expect(prompt).not.toContainText('](');
  const link = prompt.getByRole('link', { name: 'this figure' });
  await expect(link).toHaveAttribute('href', COURSE_BUCKET);

  // No network here: the course's server is played by a route, which proves where the tab goes.
  await page
    .context()
    .route(COURSE_BUCKET, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'bucket' }));
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(COURSE_BUCKET);
  await tab.close();
  expect(errors).toEqual([]);
});

test('checklist items show code as code, and HTML in a prompt stays text', async ({ page, hostRepo }) => {
  const report = corpusReport('real-048').text.replace(
    '> **Insert 1-2 images of your GCP bucket',
    '> **<img src=x onerror="document.title=\'owned\'"> `gsutil ls` *really* Insert 1-2 images of your GCP bucket',
  );
  const host = await hostRepo({ files: { 'reports/README.md': report } });
  await openForm(page, host);
  await page.getByTestId('nav-checklist').click();
  const item = page.locator('.check-item', { hasText: 'file such that it downloads whatever data' });
  await expect(item.locator('code')).toHaveText('data.py');
  await expect(item).not.toContainText('`');

  const prompt = page.getByTestId('prompt-19');
  await expect(prompt.locator('code')).toHaveText('gsutil ls');
  await expect(prompt.locator('em')).toHaveText('really');
  await expect(prompt).toContainText('<img src=x onerror=');
  await expect(prompt.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');
});
