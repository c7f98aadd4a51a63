/**
 * Opening: a repo given on the command line, the welcome screen and its path field, the recent
 * list across reloads, a folder with several candidate reports, a folder with none, and files that
 * cannot be a report.
 */
import { analyzeReport } from '../src/core/analyzeReport';
import { courseProfile, type Generation } from '../src/core/constraints';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping the corpus-based app-open specs`);

test('a repo given on the command line opens with every question and the checker verdict', async ({
  page,
  hostRepo,
}) => {
  test.skip(!corpusAvailable, CORPUS_MISSING);
  const errors = watchErrors(page);
  const report = corpusReport('real-001'); // 27 questions, several failing
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);

  const generation = report.expected.generation as Generation;
  await expect(page.getByTestId('checker-verdict')).toHaveText(`passed ${report.expected.passed}/${generation}`);
  const analysis = analyzeReport(report.text, courseProfile(generation));
  for (const view of analysis.questions) {
    const nav = page.getByTestId(`nav-q-${view.number}`);
    if (view.status === 'ok' || view.status === 'warning') {
      // Counts pass: ✓ unless any problem in the panel (a missing figure file, say) is about it.
      await expect(nav).toHaveAttribute('data-status', /^(ok|warning)$/);
      const flagged = page.locator(
        `aside.problems button.problem[data-question="${view.number}"]:not([data-severity="info"])`,
      );
      await expect
        .poll(async () => ((await nav.getAttribute('data-status')) === 'ok') === ((await flagged.count()) === 0))
        .toBe(true);
    } else await expect(nav).toHaveAttribute('data-status', view.status);
    await expect(page.getByTestId(`question-${view.number}`)).toBeAttached();
  }
  // Every failure the checker reports is listed.
  for (const failure of report.expected.failures) {
    await expect(
      page.getByTestId('problem').filter({ hasText: `Question ${failure.question}: ${failure.got} ` }),
    ).toHaveCount(1);
  }
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  expect(errors).toEqual([]);
});

test('the welcome screen opens a typed path and remembers it in the recent list', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const blank = latestBlankTemplate(31).text;
  const host = await hostRepo({ files: { 'reports/README.md': blank }, serveArg: null });
  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('path-input').fill(host.repoRoot);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('nav-q-31')).toHaveAttribute('data-status', 'empty');
  await expect(page.getByTestId('checker-verdict')).toHaveText(/^passed \d+\/31$/);

  // A fresh start (no path given) offers it again.
  await page.reload();
  await expect(page.getByTestId('welcome')).toBeVisible();
  const recent = page.getByTestId('recent-list').getByRole('button');
  await expect(recent).toHaveCount(1);
  await expect(recent).toContainText(host.repoRoot);
  await recent.click();
  await expect(page.getByTestId('editor')).toBeVisible();
  expect(errors).toEqual([]);
});

test('several markdown files holding the template: the user chooses', async ({ page, hostRepo }) => {
  const blank = latestBlankTemplate(31).text;
  const host = await hostRepo({ files: { 'reports/report.md': blank, 'reports/draft.md': blank } });
  await page.goto(host.url);
  await expect(page.getByTestId('report-chooser')).toBeVisible();
  const candidates = page.getByTestId('report-candidate');
  await expect(candidates).toHaveText(['reports/draft.md', 'reports/report.md']);
  await candidates.filter({ hasText: 'reports/report.md' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.locator('.file-path')).toHaveText('reports/report.md');
});

test('a repo without a report says what was expected and offers to pick a file', async ({ page, hostRepo }) => {
  const host = await hostRepo({
    files: { 'README.md': '# My project\n\nNo report here yet.\n', 'reports/notes.md': '# Notes\n' },
  });
  await page.goto(host.url);
  const screen = page.getByTestId('no-report');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('reports/README.md');
  await expect(screen).toContainText(host.repoRoot);
  // The browser host has no file picker: it asks for the path instead.
  await screen.getByRole('button', { name: 'Choose the report file…' }).click();
  await expect(screen.getByTestId('path-input')).toBeVisible();
});

test('a binary file is refused with a clear message', async ({ page, hostRepo }) => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const host = await hostRepo({ files: { 'reports/README.md': png }, serveArg: 'reports/README.md' });
  await page.goto(host.url);
  const screen = page.getByTestId('open-error');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('binary');
  await expect(screen).toContainText('Nothing was changed on disk');
});

test('a markdown file that does not hold the template is refused with a clear message', async ({ page, hostRepo }) => {
  const host = await hostRepo({
    files: { 'reports/README.md': '# Our notes\n\nNothing like the exam template.\n' },
    serveArg: 'reports/README.md',
  });
  await page.goto(host.url);
  const screen = page.getByTestId('open-error');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('does not hold the 02476 exam template');
});

test('a file that is not UTF-8 is refused with a clear message', async ({ page, hostRepo }) => {
  const latin1 = Buffer.from('# Exam template for 02476 Machine Learning Operations\n\nGr\xf8n\n', 'latin1');
  const host = await hostRepo({ files: { 'reports/README.md': latin1 }, serveArg: 'reports/README.md' });
  await page.goto(host.url);
  await expect(page.getByTestId('open-error')).toContainText('not valid UTF-8');
});

test('a folder dropped in the browser (which hides its path) asks for the path', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: { 'reports/README.md': latestBlankTemplate(31).text }, serveArg: null });
  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  // (A string, because this project's types have no DOM; it runs in the page.)
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'my-project'));
    for (const type of ['dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  })()`);
  await expect(page.getByTestId('notice')).toContainText('does not tell the app where "my-project" is');
  const dialog = page.getByTestId('open-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('path-input').fill(host.repoRoot);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toBeVisible();
  // Every answer editor is labelled for assistive technology.
  await expect(page.getByRole('textbox', { name: 'Answer to question 31' })).toBeAttached();
});

test('the host is asked for the repo before the app code loads, so it works while the page does', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const host = await hostRepo({ files: { 'reports/README.md': latestBlankTemplate(31).text } });
  await openForm(page, host);
  const order = await page.evaluate(() => {
    type Loaded = { name: string; startTime: number; initiatorType: string; encodedBodySize: number };
    const entries = performance.getEntriesByType('resource') as unknown as Loaded[];
    const asked = (part: string) => entries.find((e) => e.name.includes(part))?.startTime ?? null;
    const scripts = entries.filter((e) => e.initiatorType !== 'fetch' && /\.js(\?|$)/.test(e.name));
    // The app's code: the largest script the page loaded (React and the form).
    const app = scripts.reduce<Loaded | null>(
      (big, e) => (big === null || e.encodedBodySize > big.encodedBodySize ? e : big),
      null,
    );
    return { facts: asked('/getInitialState'), app: app?.startTime ?? null, appName: app?.name ?? '' };
  });
  expect(order.facts, 'the host facts were asked for').not.toBeNull();
  expect(order.app, `the app's script was loaded (${order.appName})`).not.toBeNull();
  expect(order.facts!).toBeLessThanOrEqual(order.app!);
  expect(errors).toEqual([]);
});
