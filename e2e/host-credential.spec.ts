/**
 * The browser host's credential stays with it. The token is in the page's path (`/t/<token>/`)
 * and every script, API call, event stream and figure is a URL below it; there is no cookie. A
 * cookie was sent to every server on 127.0.0.1 (cookies ignore ports) and two `serve` instances
 * overwrote each other's, so the first tab's scripts and figures got 403s.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { buildReport, words } from '../test/support/reportBuilder';
import { focusAnswer, readText, saveNow, watchErrors } from './support/app';
import { expect, test, type HostedRepo } from './support/host';

/** A repo whose question 19 shows figures/bucket.png (a real picture of `colour`). */
async function repoWithFigure(colour: { r: number; g: number; b: number }) {
  const picture = await sharp({ create: { width: 60, height: 40, channels: 3, background: colour } }).png().toBuffer();
  return {
    'reports/README.md': buildReport({ answers: { 4: words(120), 19: '![bucket](figures/bucket.png)' } }),
    'reports/figures/bucket.png': picture,
  };
}

/** Every response the page gets with status ≥ 400 (none is expected here). */
function failedResponses(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}

/** Opens the app and waits until question 19's figure has loaded through the host. */
async function openWithFigure(page: Page, host: HostedRepo) {
  await page.goto(host.url);
  await expect(page.getByTestId('editor')).toBeVisible();
  await expectFigureLoaded(page);
}

/** Question 19's thumbnail (loaded lazily: scrolled into view first) shows the picture. */
async function expectFigureLoaded(page: Page) {
  const thumb = page.getByTestId('figure-thumb-19');
  await thumb.scrollIntoViewIfNeeded();
  await expect(thumb).toHaveAttribute('data-state', 'loaded');
}

/** Statuses of the page fetching its figure and its main script again, as it does when it needs them. */
function resourceStatuses(page: Page): Promise<number[]> {
  // A script string: this file is compiled without the DOM's types.
  return page.evaluate(`(async () => {
    const script = document.querySelector('script[src]').src;
    const urls = ['report-files/figures/bucket.png', script];
    return Promise.all(urls.map(async (url) => (await fetch(url, { cache: 'no-store' })).status));
  })()`);
}

/** A plain HTTP server on 127.0.0.1 that records what it receives and serves a page with a subresource. */
async function otherLocalServer() {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>other</title><img src="/pixel.png"><script src="/app.js"></script>');
    } else {
      response.writeHead(200, { 'content-type': request.url?.endsWith('.js') ? 'text/javascript' : 'image/png' });
      response.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, close: () => server.close() };
}

test('another server on 127.0.0.1, visited by the same browser, receives no credential of the host', async ({ page, hostRepo }) => {
  const host = await hostRepo({ files: await repoWithFigure({ r: 200, g: 40, b: 40 }) });
  const token = /\/t\/([^/]+)\//.exec(host.url)![1]!;
  const failed = failedResponses(page);
  await openWithFigure(page, host);

  const other = await otherLocalServer();
  try {
    await page.goto(other.url);
    await expect(page).toHaveTitle('other');
    await expect.poll(() => other.seen.map((r) => r.url)).toEqual(expect.arrayContaining(['/', '/pixel.png', '/app.js']));
    for (const { url, headers } of other.seen) {
      expect(headers.cookie, url).toBeUndefined();
      expect(JSON.stringify(headers), url).not.toContain(token);
      expect(url).not.toContain(token);
    }
  } finally {
    other.close();
  }
  expect(await page.context().cookies()).toEqual([]);
  expect(failed).toEqual([]);
});

test('two serve instances open in one browser both keep working: scripts, API and figures', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const first = await hostRepo({ files: await repoWithFigure({ r: 200, g: 40, b: 40 }) });
  const second = await hostRepo({ files: await repoWithFigure({ r: 40, g: 40, b: 200 }) });
  const failedFirst = failedResponses(page);
  await openWithFigure(page, first);

  const other = await page.context().newPage();
  const failedSecond = failedResponses(other);
  await openWithFigure(other, second);

  // Each tab still loads its own figure and scripts from its own host, whichever opened last…
  expect(await resourceStatuses(page)).toEqual([200, 200]);
  expect(await resourceStatuses(other)).toEqual([200, 200]);
  // …and after the first tab loads everything again.
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expectFigureLoaded(page);
  expect(await resourceStatuses(other)).toEqual([200, 200]);
  await focusAnswer(page, 4);
  await page.keyboard.type(' Saved from the first tab.');
  await saveNow(page);
  expect(await readText(first.path('reports/README.md'))).toContain('Saved from the first tab.');

  await other.bringToFront();
  await focusAnswer(other, 4);
  await other.keyboard.type(' Saved from the second tab.');
  await saveNow(other);
  expect(await readText(second.path('reports/README.md'))).toContain('Saved from the second tab.');
  expect(await readText(first.path('reports/README.md'))).not.toContain('second tab');

  expect(failedFirst).toEqual([]);
  expect(failedSecond).toEqual([]);
  expect(errors).toEqual([]);
});
