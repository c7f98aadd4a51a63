/**
 * A second launch of the desktop app with a path (`npm start -- other/repo` while it is open)
 * reaches the page as the host event `openRequested`. The browser host has the same event stream,
 * so the page's listener is driven here through it: a real host in this process, real repos,
 * Chromium.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { latestBlankTemplate } from '../src/core/templateVersion';
import { defaultRendererDir, startBrowserHost, type BrowserHost } from '../src/hosts/http/browserHost';
import { testHandlers } from '../test/support/testHost';
import { watchErrors } from './support/app';

let host: BrowserHost | null = null;
let workDir = '';

test.afterEach(async () => {
  await host?.close();
  host = null;
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function repoWith(name: string, answer: string): Promise<string> {
  const root = join(workDir, name);
  await mkdir(join(root, 'reports'), { recursive: true });
  const blank = latestBlankTemplate(31).text;
  await writeFile(join(root, 'reports/README.md'), blank.replace('\n--- question 1 fill here ---\n', `\n${answer}\n`));
  return root;
}

test('a path the app is asked to open from outside opens, from the welcome screen and over an open report', async ({ page }) => {
  const errors = watchErrors(page);
  workDir = await mkdtemp(join(tmpdir(), 'report-editor-e2e-open-requested-'));
  const first = await repoWith('first', 'Group seven of the first repo');
  const second = await repoWith('second', 'Group eight of the second repo');
  const { handlers, workspace } = testHandlers();
  host = await startBrowserHost({ handlers, rendererDir: defaultRendererDir() });

  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  host.emit('openRequested', { path: first });
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('question-1')).toContainText('Group seven of the first repo');
  expect(workspace.openRepoRoot).toBe(first);

  host.emit('openRequested', { path: second });
  await expect(page.getByTestId('question-1')).toContainText('Group eight of the second repo');
  expect(workspace.openRepoRoot).toBe(second);
  expect(errors).toEqual([]);
});
