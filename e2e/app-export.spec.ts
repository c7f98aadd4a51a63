/**
 * One-click export in the browser host, on a real report with real figures: the button (and Mod-E)
 * write reports/report.html next to the report — one self-contained file with every figure inlined
 * and nothing loaded from anywhere — and the app says where it is, which images are missing (a
 * placeholder stands in the file) and opens it on request.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { parseReport } from '../src/core/parseReport';
import { findQuestion } from '../src/core/reportModel';
import { focusAnswer, modKey, openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, PROJECT_ROOT, test } from './support/host';

/** The built core library (`npm run build:node`), as a user of `mlops-report-editor/core` gets it. */
type BuiltCore = typeof import('../src/core/index');
const builtCore = (): Promise<BuiltCore> => import(pathToFileURL(join(PROJECT_ROOT, 'dist/core/index.js')).href);

if (!corpusAvailable) console.log(`[e2e] ${CORPUS_MISSING}: skipping app-export specs`);
test.skip(!corpusAvailable, CORPUS_MISSING);

/** A real PNG of one colour. */
function png(width: number, height: number, colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** The figures a report links (`![…](figures/…)`), decoded, in order. */
function linkedFigures(text: string): string[] {
  return [...text.matchAll(/!\[[^\]]*\]\((figures\/[^)\s<>]+)\)/g)].map((m) => decodeURIComponent(m[1]));
}

/** real-024 (31 questions, 8 figures) with every figure but `left out` written as a real PNG. */
async function reportWithFigures(leftOut: string | null) {
  const report = corpusReport('real-024');
  const figures = linkedFigures(report.text);
  const files: Record<string, string | Uint8Array> = { 'reports/README.md': report.bytes };
  for (const [i, figure] of figures.entries()) {
    if (figure !== leftOut) files[`reports/${figure}`] = await png(64 + i, 48, { r: 20 * i, g: 90, b: 160 });
  }
  return { report, figures, files };
}

/** Every `src`/`href` of the tags that load something (`<img>`, `<link>`, `<script>`, `<source>`, …). */
function resourceUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.matchAll(/<(img|link|script|source|iframe|embed|object|video|audio)\b[^>]*>/gi)) {
    for (const attr of tag[0].matchAll(/\s(?:src|href|srcset|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      urls.push(attr[1].replace(/^["']|["']$/g, ''));
    }
  }
  return urls;
}

/** A sentence of question `n`'s answer that is plain text (no markup), to look for in the page. */
function plainSentence(text: string, n: number): string {
  const answer = findQuestion(parseReport(text), n)!.answer;
  const sentence = answer
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.trim())
    .find((s) => s.length > 30 && /^[\w ,.'()-]+$/.test(s));
  if (!sentence) throw new Error(`question ${n} has no plain sentence`);
  return sentence;
}

test('Export writes reports/report.html with every figure inlined, no external URL, and the answers', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const { report, figures, files } = await reportWithFigures('figures/cost_breakdown.png');
  expect(figures).toHaveLength(8);
  const host = await hostRepo({ files });
  await openForm(page, host);
  const output = host.path('reports/report.html');
  expect(existsSync(output)).toBe(false);

  await page.getByTestId('export-button').click();
  const result = page.getByTestId('export-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('Exported to reports/report.html');
  await expect(result).toContainText('7 of 8 images included');
  // The missing image is listed with its line and why, and nothing else is.
  const missing = page.getByTestId('export-missing-image');
  await expect(missing).toHaveCount(1);
  await expect(missing).toHaveAttribute('data-src', 'figures/cost_breakdown.png');
  await expect(missing).toContainText('file not found');
  const line = report.text.split('\n').findIndex((l) => l.includes('figures/cost_breakdown.png')) + 1;
  await expect(missing).toContainText(`line ${line}`);

  expect(existsSync(output)).toBe(true);
  const html = await readFile(output, 'utf8');
  // The seven figures are in the file itself, as PNG data.
  const inlined = html.match(/<img [^>]*src="data:image\/png;base64,[A-Za-z0-9+/=]+"/g) ?? [];
  expect(inlined).toHaveLength(7);
  const firstFigure = Buffer.from((/src="data:image\/png;base64,([^"]+)"/.exec(html) ?? [])[1] ?? '', 'base64');
  expect((await sharp(firstFigure).metadata()).width).toBe(64);
  // It loads nothing: no resource URL that is not data:, no stylesheet or script tags at all.
  const urls = resourceUrls(html);
  expect(urls.length).toBeGreaterThanOrEqual(7);
  expect(urls.filter((u) => !u.startsWith('data:'))).toEqual([]);
  expect(html).not.toMatch(/<script\b/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
  // The placeholder stands where the missing figure was, and the answers are there.
  expect(html).toContain('Missing image: figures/cost_breakdown.png');
  for (const n of [4, 13, 25]) expect(html).toContain(plainSentence(report.text, n));
  expect(html).toContain('<h3>Question 13</h3>');
  // Writing the export did not touch the report.
  expect((await readFile(host.path('reports/README.md'))).equals(report.bytes)).toBe(true);

  // "Open" shows the exported file (the browser host gives a URL; the app opens it in a new tab).
  const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('export-open').click()]);
  await tab.waitForLoadState();
  await expect(tab.locator('h3', { hasText: 'Question 13' })).toBeVisible();
  await expect(tab.locator('img[src^="data:image/png"]')).toHaveCount(7);
  await tab.close();
  expect(errors).toEqual([]);
});

test('Mod-E exports what the editors hold now, typing not yet saved included', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const { files } = await reportWithFigures(null);
  const host = await hostRepo({ files });
  await openForm(page, host);

  await focusAnswer(page, 5);
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type(' We exported this sentence straight from the editor.');
  await page.keyboard.press(`${modKey}+e`);
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('8 of 8 images included');
  await expect(page.getByTestId('export-missing-image')).toHaveCount(0);
  const html = await readFile(host.path('reports/report.html'), 'utf8');
  expect(html).toContain('We exported this sentence straight from the editor.');
  expect(html).not.toContain('Missing image');
  // The notice of the old days ("not available yet") is gone for good.
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an export that takes longer than a moment shows its progress, then the result', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const { files } = await reportWithFigures(null);
  const host = await hostRepo({ files });
  await openForm(page, host);

  // Hold the host's answer back for a while, as a report with many large screenshots would: the
  // export itself runs (and reports its progress) as usual.
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/api/invoke/exportHtml', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });

  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-button')).toBeDisabled();
  const progress = page.getByTestId('export-progress');
  await expect(progress).toBeVisible();
  // The host's progress events arrive: all 8 figures read.
  await expect(progress).toHaveAttribute('max', '8');
  await expect(progress).toHaveAttribute('value', '8');
  await expect(page.getByTestId('export-result')).toHaveCount(0);

  release();
  await expect(page.getByTestId('export-result')).toContainText('8 of 8 images included');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('export-button')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('the graded export is the course page itself: its body equals renderGradedPage with image sources inlined; As GitHub shows it writes report.github.html', async ({
  page,
  hostRepo,
}) => {
  const errors = watchErrors(page);
  const { report, files } = await reportWithFigures('figures/cost_breakdown.png');
  const host = await hostRepo({ files });
  await openForm(page, host);

  await page.getByTestId('export-button').click();
  const result = page.getByTestId('export-result');
  await expect(result).toHaveAttribute('data-rendering', 'graded');
  await expect(result).toContainText('Exported to reports/report.html');
  await expect(page.getByTestId('export-rendering')).toContainText('As graded');
  await expect(page.getByTestId('export-as-graded')).toHaveAttribute('aria-pressed', 'true');
  const html = await readFile(host.path('reports/report.html'), 'utf8');
  const body = /<body>([\s\S]*)<\/body>\n<\/html>\n$/.exec(html)?.[1];
  expect(body).toBeDefined();

  const core = await builtCore();
  const page0 = core.renderGradedPage(report.text);
  const images = core.gradedImages(page0);
  expect(images.length).toBe(8);
  // Each figure's source is the data: URI of its file's bytes; the missing one a box saying so.
  const expectedSources: string[] = [];
  for (const image of images) {
    const path = host.path(`reports/${decodeURIComponent(image.src.replace(/^\.\//, ''))}`);
    if (existsSync(path)) expectedSources.push(`data:image/png;base64,${(await readFile(path)).toString('base64')}`);
    else {
      const placeholder = core.gradedImages(body!)[expectedSources.length].src;
      expect(placeholder).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
      expect(decodeURIComponent(placeholder)).toContain(`Missing image: ${image.src}`);
      expectedSources.push(placeholder);
    }
  }
  let k = 0;
  expect(body).toBe(core.replaceGradedImageSources(page0, () => expectedSources[k++]));
  expect(html).not.toMatch(/<script\b|<link\b|<style\b/i);

  // The other rendering, from the panel: today's GitHub-style page, to its own file.
  await page.getByTestId('export-as-github').click();
  await expect(result).toHaveAttribute('data-rendering', 'github');
  await expect(result).toContainText('Exported to reports/report.github.html');
  const github = await readFile(host.path('reports/report.github.html'), 'utf8');
  expect(github).toContain('<main class="report-body">');
  expect(github).toContain('Missing image: figures/cost_breakdown.png');
  // The graded file is left as it was.
  expect(await readFile(host.path('reports/report.html'), 'utf8')).toBe(html);
  expect(errors).toEqual([]);
});

test('the exported GitHub page names each checklist box after its task', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const report = corpusReport('real-024'); // its checklist: 53 items, "Create a git repository (M5)" ticked
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-as-github').click();
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-rendering', 'github');

  const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('export-open').click()]);
  await tab.waitForLoadState();
  const boxes = tab.getByRole('checkbox');
  expect(await boxes.count()).toBe(report.text.match(/^\* \[[x ]\] /gm)?.length);
  await expect(tab.getByRole('checkbox', { name: 'Create a git repository (M5)', exact: true })).toBeChecked();
  for (const box of await boxes.all()) await expect(box).toHaveAccessibleName(/\w{3}/);
  await tab.close();
  expect(errors).toEqual([]);
});
