// `npm run serve [-- PATH] [--port N]`: builds, then runs `report-editor serve` — the app in a
// browser, for machines where the desktop app cannot run (no Electron binary, no display, a
// remote box). A relative PATH is taken from the folder the command was typed in: npm runs
// scripts in the package root, but records that folder in INIT_CWD.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

// Run npm through node when npm started us (works the same on Windows); else the npm on PATH.
const npmCli = process.env['npm_execpath'];
const [npm, npmArgs] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
const build = spawnSync(npm, [...npmArgs, 'run', 'build'], {
  cwd: root,
  stdio: 'inherit',
  shell: npm === 'npm' && process.platform === 'win32',
});
if (build.status !== 0) {
  console.error(`npm run serve: the build failed (exit ${build.status ?? build.signal}); the messages above say why.`);
  process.exit(1);
}

const child = spawn(process.execPath, [join(root, 'dist/cli/report-editor.js'), 'serve', ...process.argv.slice(2)], {
  cwd: process.env['INIT_CWD'] || process.cwd(),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code) => process.exit(code ?? 1));
