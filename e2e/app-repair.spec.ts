/**
 * The doctor in the browser host, on a real report whose `> Answer:` lines were deleted (the
 * course checker stops with an error): a banner says so, the Repair view lists what drifted and
 * shows the diff before anything is written, and "repair all" saves a file the checker splits into
 * 31 answers — with every question's words still under their own heading.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { checkReport } from '../src/core/checkReport';
import { courseProfile } from '../src/core/constraints';
import { parseReport } from '../src/core/parseReport';
import { findQuestion } from '../src/core/reportModel';
import { editorText, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-repair specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

const SEED = 'seed-001_e0ab1e959fb8e4da';

/**
 * The words under each `### Question N` heading (its prompt and its answer), as the student wrote
 * them: split on whitespace, without the quote marks and the `Answer:` marker a repair may add.
 */
function wordsByHeading(text: string): Map<number, string[]> {
  const doc = parseReport(text);
  const out = new Map<number, string[]>();
  for (const q of doc.questions) {
    const zone = [
      q.promptSegment === null ? '' : doc.segments[q.promptSegment].text,
      doc.segments[q.answerSegment].text,
    ];
    const words = zone
      .join('\n')
      .split(/\s+/)
      .map((w) => w.replace(/^>+/, ''))
      .filter((w) => w !== '' && w !== 'Answer:');
    out.set(q.number, words);
  }
  return out;
}

test('a report whose Answer: lines were deleted: banner, Repair view, diff, repair all — the checker passes the split', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport(SEED);
  expect(report.expected.error).toContain('Number of answers are different');
  // The figures the report links are there, as in the group's repo.
  const figure = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
  const files: Record<string, string | Uint8Array> = { 'reports/README.md': report.bytes };
  for (const [, link] of report.text.matchAll(/\]\((figures\/[^)\s<>]+)\)/g)) {
    files[`reports/${decodeURIComponent(link)}`] = /\.(png|jpe?g)$/i.test(link) ? figure : 'date,cost\n';
  }
  const host = await hostRepo({ files });
  await openForm(page, host);
  await expect(page.getByTestId('checker-verdict')).toHaveAttribute('data-tone', 'error');

  const banner = page.getByTestId('doctor-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/7 changes to the template break the course.s checker/);
  await banner.getByRole('button', { name: 'Repair…' }).click();

  const view = page.getByTestId('repair-view');
  await expect(view).toBeVisible();
  const breaking = view.locator('[data-testid="repair-finding"][data-severity="breaks-checker"]');
  await expect(breaking).toHaveCount(7);
  await expect(breaking.first()).toContainText('has no "> Answer:" line');

  // Nothing is written before the diff has been shown.
  await view.getByTestId('repair-apply-all').click();
  const diff = page.getByTestId('repair-diff');
  await expect(diff).toBeVisible();
  const added = diff.locator('.repair-view__line--added');
  // The seven deleted marker lines come back (and nothing is removed but blank lines).
  expect(await added.filter({ hasText: '> Answer:' }).count()).toBe(7);
  const removed = await diff.locator('.repair-view__line--removed .repair-view__code').allTextContents();
  expect(removed.filter((line) => line.trim() !== '')).toEqual([]);
  await expect(diff).toContainText('Every answer keeps its words.');
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);

  await diff.getByTestId('repair-apply').click();
  await expect(page.getByTestId('repair-status')).toHaveText('Repaired and saved.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // The file on disk: the course checker's split now finds all 31 answers.
  const repaired = await readFile(host.path('reports/README.md'), 'utf8');
  const verdict = checkReport(repaired, courseProfile(31));
  expect(verdict.error).toBeNull();
  expect(verdict.perAnswer).toHaveLength(31);
  // Every question's words are still under its own heading, and answers that had their marker are
  // byte for byte what they were.
  const before = wordsByHeading(report.text);
  const after = wordsByHeading(repaired);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [number, words] of before) expect(after.get(number), `question ${number}`).toEqual(words);
  const beforeDoc = parseReport(report.text);
  const afterDoc = parseReport(repaired);
  for (const q of beforeDoc.questions.filter((q) => q.hasAnswerMarker)) {
    expect(findQuestion(afterDoc, q.number)!.answer, `question ${q.number}`).toBe(q.answer);
  }
  // Question 31's answer had lost its marker and sat in the prompt's quote: now it is the answer.
  expect(findQuestion(beforeDoc, 31)!.answer).toBe('');
  const answer31 = findQuestion(afterDoc, 31)!.answer;
  expect(answer31).toContain('Student s214518');

  // The form took the repaired file: the banner is gone, the verdict is a pass count, the list
  // is down to what only the student can fix, and question 31's editor holds its answer.
  await expect(page.getByTestId('doctor-banner')).toHaveCount(0);
  await expect(view.locator('[data-testid="repair-finding"][data-severity="breaks-checker"]')).toHaveCount(0);
  await page.getByTestId('repair-close').click();
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('checker-verdict')).not.toHaveAttribute('data-tone', 'error');
  await expect(page.getByTestId('checker-verdict')).toHaveText(`passed ${verdict.passed}/31`);
  await page.getByTestId('nav-q-31').click();
  await expect.poll(() => editorText(page, 31)).toBe(answer31);
  expect(errors).toEqual([]);
});

test('Repair is reachable from the toolbar; on a sound report it finds nothing that breaks the checker', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024');
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  await page.getByTestId('repair-button').click();
  const view = page.getByTestId('repair-view');
  await expect(view).toBeVisible();
  await expect(view).toContainText('No drift from the template found.');
  await expect(view.getByTestId('repair-apply-all')).toHaveCount(0);
  await expect(page.getByTestId('doctor-banner')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  // The same view from the keyboard (Ctrl+Shift+F; the menu's Repair… sends the same command).
  await page.keyboard.press('Control+Shift+F');
  await expect(view).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);
  expect(errors).toEqual([]);
});
