/**
 * Undo takes back what figure operations do to files, not only to the text. Undoing a rename puts
 * the file back under its exact old name: the links go back to that name, so the file must, or the
 * report would link a file that is not there. In the answer's editor (one answer links it: Ctrl/⌘+Z,
 * and Ctrl/⌘+Shift+Z renames it again) and from the global undo (several answers link it). A deleted
 * file is one step of the global undo, which puts it back byte for byte. Synthetic reports: no
 * corpus needed.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { buildReport } from '../test/support/reportBuilder';
import { editorText, focusAnswer, modKey, openForm, saveNow, watchErrors } from './support/app';
import { expect, test, type HostedRepo } from './support/host';

/** A capitalised name with an underscore: renaming makes it a slug, so only an exact undo gets it back. */
const ORIGINAL = 'Bucket_Overview.png';

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .png()
    .toBuffer();

const figureFiles = async (host: HostedRepo) => (await readdir(host.path('reports/figures'))).sort();

async function renameFigureOf(page: Page, number: number, to: string): Promise<void> {
  const thumb = page.getByTestId(`figure-thumb-${number}`).first();
  await thumb.getByTestId('figure-rename').click();
  await page.getByTestId('figure-rename-input').fill(to);
  await page.getByTestId('figure-rename-submit').click();
  await expect(page.getByTestId('figure-rename-dialog')).toHaveCount(0);
}

test('Ctrl/⌘+Z after renaming a figure puts the file back under its old name; redo renames it again', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const answer = `Our bucket:\n\n![Bucket](figures/${ORIGINAL})`;
  const report = buildReport({ answers: { 19: answer } });
  const host = await hostRepo({ files: { 'reports/README.md': report, [`reports/figures/${ORIGINAL}`]: await png() } });
  await openForm(page, host);
  const file = host.path('reports/README.md');

  await renameFigureOf(page, 19, 'Overview');
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-link', 'figures/overview.png');
  expect(await figureFiles(host)).toEqual(['overview.png']);
  await saveNow(page);
  expect(await readFile(file, 'utf8')).toBe(report.replace(`figures/${ORIGINAL}`, 'figures/overview.png'));

  await focusAnswer(page, 19);
  await page.keyboard.press(`${modKey}+z`);
  await expect.poll(() => editorText(page, 19)).toBe(answer);
  await expect.poll(() => figureFiles(host)).toEqual([ORIGINAL]);
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-state', 'loaded');
  await saveNow(page);
  expect((await readFile(file)).equals(Buffer.from(report))).toBe(true);

  await page.keyboard.press(`${modKey}+Shift+z`);
  await expect.poll(() => figureFiles(host)).toEqual(['overview.png']);
  await saveNow(page);
  expect(await readFile(file, 'utf8')).toBe(report.replace(`figures/${ORIGINAL}`, 'figures/overview.png'));
  expect(errors).toEqual([]);
});

test('the global undo of a rename linked from two answers puts the file back as well', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = buildReport({
    answers: { 19: `![Bucket](figures/${ORIGINAL})`, 20: `The same bucket: ![again](figures/${ORIGINAL})` },
  });
  const host = await hostRepo({ files: { 'reports/README.md': report, [`reports/figures/${ORIGINAL}`]: await png() } });
  await openForm(page, host);

  await renameFigureOf(page, 19, 'Overview');
  await expect.poll(() => editorText(page, 20)).toBe('The same bucket: ![again](figures/overview.png)');
  expect(await figureFiles(host)).toEqual(['overview.png']);

  await page.getByTestId('global-undo').click();
  await expect.poll(() => editorText(page, 20)).toBe(`The same bucket: ![again](figures/${ORIGINAL})`);
  await expect.poll(() => figureFiles(host)).toEqual([ORIGINAL]);
  await saveNow(page);
  expect((await readFile(host.path('reports/README.md'))).equals(Buffer.from(report))).toBe(true);
  expect(errors).toEqual([]);
});

test("undoing the problems panel's rename of a file with spaces gives the file its name back", async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const answer = '![Plot](figures/my plot.png)';
  const report = buildReport({ answers: { 19: answer } });
  const host = await hostRepo({ files: { 'reports/README.md': report, 'reports/figures/my plot.png': await png() } });
  await openForm(page, host);

  const problem = page.getByTestId('problem').and(page.locator('[data-kind="path-with-spaces"][data-question="19"]'));
  await page.locator('li', { has: problem }).locator('[data-testid="problem-fix"][data-fix="rename-file"]').click();
  await expect.poll(() => editorText(page, 19)).toBe('![Plot](figures/my-plot.png)');
  await expect.poll(() => figureFiles(host)).toEqual(['my-plot.png']);

  await focusAnswer(page, 19);
  await page.keyboard.press(`${modKey}+z`);
  await expect.poll(() => editorText(page, 19)).toBe(answer);
  await expect.poll(() => figureFiles(host)).toEqual(['my plot.png']);
  await saveNow(page);
  expect((await readFile(host.path('reports/README.md'))).equals(Buffer.from(report))).toBe(true);
  expect(errors).toEqual([]);
});

test("Remove, then Delete the file: the top bar's Undo puts the file back, Ctrl/⌘+Z in the answer the link", async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const answer = `Our bucket:\n\n![Bucket](figures/${ORIGINAL})`;
  const report = buildReport({ answers: { 19: answer } });
  const bytes = await png();
  const host = await hostRepo({ files: { 'reports/README.md': report, [`reports/figures/${ORIGINAL}`]: bytes } });
  await openForm(page, host);

  await page.getByTestId('figure-thumb-19').getByTestId('figure-remove').click();
  await page.getByTestId('figure-delete-confirm').click();
  await expect(page.getByTestId('figure-message-19')).toContainText(`Deleted figures/${ORIGINAL}`);
  expect(await figureFiles(host)).toEqual([]);

  await page.getByTestId('global-undo').click();
  await expect.poll(() => figureFiles(host)).toEqual([ORIGINAL]);
  expect((await readFile(host.path(`reports/figures/${ORIGINAL}`))).equals(bytes)).toBe(true);
  await expect(page.getByTestId('figure-message-19')).toContainText(`Put figures/${ORIGINAL} back`);
  await expect(page.getByTestId('global-undo')).toHaveCount(0);

  await focusAnswer(page, 19);
  await page.keyboard.press(`${modKey}+z`);
  await expect.poll(() => editorText(page, 19)).toBe(answer);
  await expect(page.getByTestId('figure-thumb-19')).toHaveAttribute('data-state', 'loaded');
  await saveNow(page);
  expect((await readFile(host.path('reports/README.md'))).equals(Buffer.from(report))).toBe(true);
  expect(errors).toEqual([]);
});

test("the problems panel's Delete of an unused file is undone from the top bar, byte for byte", async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const report = buildReport({ answers: { 19: '![Bucket](figures/used.png)' } });
  const unused = await png();
  const host = await hostRepo({
    files: { 'reports/README.md': report, 'reports/figures/used.png': await png(), 'reports/figures/old.png': unused },
  });
  await openForm(page, host);

  const problem = page.getByTestId('problem').and(page.locator('[data-kind="unused-file"]'));
  await page.locator('li', { has: problem }).locator('[data-testid="problem-fix"][data-fix="delete-file"]').click();
  await expect.poll(() => figureFiles(host)).toEqual(['used.png']);

  await page.getByTestId('global-undo').click();
  await expect.poll(() => figureFiles(host)).toEqual(['old.png', 'used.png']);
  expect((await readFile(host.path('reports/figures/old.png'))).equals(unused)).toBe(true);
  expect((await readFile(host.path('reports/README.md'))).equals(Buffer.from(report))).toBe(true);
  expect(errors).toEqual([]);
});
