#!/usr/bin/env node
/**
 * Takes the README's screenshots: the app (browser host) on a temp copy of a real report, in a
 * real Chromium window at 1280×720, in the light and the dark theme. Writes docs/screenshots/*.png.
 * Build first (`npm run build:node && npx electron-vite build`), then:
 * `node scripts/screenshot.mjs [report.md] [out-dir]` (under Xvfb with `xvfb-run -a` to watch it).
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
const outDir = resolve(process.argv[3] ?? join(root, 'docs/screenshots'));
mkdirSync(outDir, { recursive: true });
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

/** What each screenshot shows, after the form is open at question 15. */
const SHOTS = [
  { name: 'form-light', colorScheme: 'light', steps: [] },
  { name: 'form-dark', colorScheme: 'dark', steps: [] },
  { name: 'preview-light', colorScheme: 'light', steps: ['report-preview-toggle'] },
  { name: 'focus-dark', colorScheme: 'dark', steps: ['focus-mode-toggle'] },
];

try {
  for (const shot of SHOTS) {
    // A fresh page each time: no panel or theme choice carries over from the last shot.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: shot.colorScheme });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('question-15').waitFor();
    await page.getByTestId('nav-q-15').click();
    for (const testId of shot.steps) await page.getByTestId(testId).click();
    await page.waitForTimeout(800);
    const out = join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await context.close();
  }
} finally {
  await browser.close();
  host.kill();
}
