#!/usr/bin/env node
/**
 * Takes the README screenshot: the app (browser host) on a temp copy of a real report, in a real
 * Chromium window. Run under Xvfb: `xvfb-run -a node scripts/screenshot.mjs [report.md] [out.png]`.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const report = resolve(process.argv[2] ?? join(root, '../shared/corpus/reports/real-037.md'));
const out = resolve(process.argv[3] ?? join(root, 'docs/screenshot.png'));
const repo = join(mkdtempSync(join(tmpdir(), 'screenshot-')), 'mlops-group-42');
mkdirSync(join(repo, 'reports'), { recursive: true });
copyFileSync(report, join(repo, 'reports/README.md'));

const host = spawn(process.execPath, [join(root, 'dist/cli/report-editor.js'), 'serve', repo, '--port', '0'], {
  env: { ...process.env, REPORT_EDITOR_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) },
});
const url = await new Promise((done, fail) => {
  host.stdout.on('data', (chunk) => {
    const match = /http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]+\//.exec(String(chunk));
    if (match) done(match[0]);
  });
  host.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: !process.env.DISPLAY,
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.getByTestId('question-15').waitFor();
  await page.getByTestId('nav-q-15').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  host.kill();
}
