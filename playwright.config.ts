import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/**
 * End-to-end specs. Browsers are never downloaded: Chromium comes from Debian (`apt-get install
 * chromium`, see .ci/run), and the Electron spec skips itself when the Electron binary is absent.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Every test has its own temp repo, `serve` process, port and config folder (support/host.ts), so
  // tests run side by side: two workers keep both cores of a 2-core machine busy (one left a core
  // idle while the browser waited on the host and the host on the browser).
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    browserName: 'chromium',
    headless: true,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
});
