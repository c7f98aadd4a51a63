/**
 * The heavy passes (the doctor, the graded-page scan) run in a Web Worker that the page's CSP
 * admits: the browser host starts it from its own origin, and its findings reach the banner.
 */
import { openForm, watchErrors } from './support/app';
import { CORPUS_MISSING, corpusAvailable, corpusReport } from './support/corpus';
import { expect, test } from './support/host';

test.skip(!corpusAvailable, CORPUS_MISSING);

test('the doctor runs in a Web Worker and its findings reach the banner', async ({ page, hostRepo }) => {
  const errors = watchErrors(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const report = corpusReport('seed-001_e0ab1e959fb8e4da'); // seven `> Answer:` lines deleted
  const host = await hostRepo({ files: { 'reports/README.md': report.bytes } });
  await openForm(page, host);
  await expect(page.getByTestId('doctor-banner')).toContainText(/7 changes to the template break the course.s checker/);
  expect(workers.some((url) => /insights\.worker/.test(url))).toBe(true);
  expect(errors.filter((e) => !/figures\//.test(e))).toEqual([]);
});
