/**
 * `npm run security` (scripts/electronegativity.mjs) fails on an Electron anti-pattern, accepts an
 * eng-disable only with its reason, and says where. Run over a small app folder made for the test;
 * the real src/ is what `npm run security` itself scans.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from '../support/cli';
import { PROJECT_ROOT } from './support/nodeBundle';

const SCRIPT = join(PROJECT_ROOT, 'scripts/electronegativity.mjs');
/** A devDependency: installed by `npm install` (absent only from an install that predates it). */
function scannerInstalled(): boolean {
  try {
    createRequire(join(PROJECT_ROOT, 'package.json')).resolve('@doyensec/electronegativity/package.json');
    return true;
  } catch {
    return false;
  }
}
const installed = scannerInstalled();
if (!installed) console.log('[skip] @doyensec/electronegativity is not installed (run `npm install`): its script test is skipped');

describe.skipIf(!installed)('npm run security', () => {
  it('fails on an insecure window, accepts a reasoned eng-disable, and rejects one without a reason', () => {
    const app = tempRepo({
      'main/window.ts': [
        "import { BrowserWindow, shell } from 'electron';",
        'export const w = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });',
        '',
      ].join('\n'),
      'main/links.ts': [
        "import { shell } from 'electron';",
        'export function open(url: string) {',
        '  if (/^https?:\\/\\//.test(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) URLs, tested on this line',
        '}',
        'export function lazy(url: string) {',
        '  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK',
        '}',
        '',
      ].join('\n'),
    });
    const run = spawnSync(process.execPath, [SCRIPT, '--input', app], { encoding: 'utf8', timeout: 120_000 });
    const out = run.stdout;
    expect(run.status, run.stderr).toBe(1);
    expect(out).toMatch(/✗ CONTEXT_ISOLATION_JS_CHECK \[HIGH\/FIRM\] .*main\/window\.ts:2/);
    expect(out).toMatch(/✗ \S*main\/links\.ts:6: eng-disable OPEN_EXTERNAL_JS_CHECK has no reason/);
    // The reasoned disable on line 3 silences its finding; the unreasoned one on line 6 silences
    // Electronegativity too, but the script still fails because it carries no reason.
    expect(out).not.toMatch(/OPEN_EXTERNAL_JS_CHECK \[.*links\.ts:3/);
    expect(out).toMatch(/security: \d+ finding\(s\), 0 unparsed file\(s\), 1 unexplained eng-disable\(s\)/);
  }, 120_000);
});
