/**
 * The heavy passes (the doctor, the graded-page scan) run in a Web Worker that the page's CSP
 * admits: the browser host starts it from its own origin, it runs there (no DOM: a package that
 * decodes entities through `document` in browsers must take its plain build), and its findings
 * reach the banner.
 */
import { openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

test('the doctor runs in a Web Worker and its findings reach the banner', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const workers: string[] = [];
  const closed: string[] = [];
  page.on('worker', (worker) => {
    workers.push(worker.url());
    worker.on('close', () => closed.push(worker.url()));
  });
  // The page loads the passes' code itself only when the worker failed (the main-thread fallback).
  const onMainThread: string[] = [];
  page.on('request', (request) => {
    if (/\/insightsCompute-[^/]*\.js$/.test(request.url())) onMainThread.push(request.url());
  });
  const report = corpusReport('seed-001_e0ab1e959fb8e4da'); // seven `> Answer:` lines deleted
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  await expect(page.getByTestId('doctor-banner')).toContainText(/7 changes to the template break the course.s checker/);
  expect(workers.some((url) => /insights\.worker/.test(url))).toBe(true);
  // The worker ran the passes: it is still there, and the page never fell back to running them.
  expect(closed).toEqual([]);
  expect(onMainThread).toEqual([]);
  expect(errors.filter((e) => !/figures\//.test(e))).toEqual([]);
});
