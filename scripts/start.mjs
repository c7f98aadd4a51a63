// `npm start [-- PATH]`: builds the app, then starts Electron on it. When Electron cannot run —
// its binary was never downloaded, Linux blocks Chromium's sandbox, there is no display — it says
// so in plain words and names the way out (including `npm run serve`, the same app in a browser),
// instead of Electron's raw stack trace.
//
// REPORT_EDITOR_SKIP_BUILD=1 starts the app already built in out/ (quick restarts, the tests).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findElectronBinary } from './electronBinary.mjs';
import { explainFailedStart, missingBinaryMessage } from './startMessages.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

// Checked before building: a build is wasted when nothing can run it.
const electron = findElectronBinary();
if (!electron.binary) {
  console.error(missingBinaryMessage(electron, args));
  process.exit(1);
}

if (process.env['REPORT_EDITOR_SKIP_BUILD'] !== '1') {
  const require = createRequire(join(root, 'package.json'));
  const viteDir = dirname(require.resolve('electron-vite/package.json'));
  const bin = require(join(viteDir, 'package.json')).bin['electron-vite'];
  const build = spawnSync(process.execPath, [join(viteDir, bin), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`npm start: the build failed (exit ${build.status ?? build.signal}); the messages above say why.`);
    process.exit(1);
  }
}

// A terminal inside another Electron app (VS Code) may export this; Electron would then run as
// plain Node and never open a window.
const env = { ...process.env };
delete env['ELECTRON_RUN_AS_NODE'];

// Electron's own output still reaches the terminal; stderr is also kept, to recognise why a start
// failed.
const child = spawn(electron.binary, ['.', ...args], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  if (stderr.length < 64 * 1024) stderr += chunk.toString();
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`npm start: could not run ${electron.binary}: ${error.message}`);
  process.exit(1);
});
child.on('close', (code) => {
  if (code === 0) process.exit(0);
  const explanation = explainFailedStart(stderr, args);
  if (explanation) console.error(`\n${explanation}`);
  process.exit(code ?? 1);
});
