/**
 * `report-editor`, the installed command: dist/cli/report-editor.cjs (package.json `bin`, built by
 * vite.bin.config.ts). A small CommonJS script, because `check` is what runs again and again (every
 * commit in pre-commit and CI) and Node starts a CommonJS entry for less than an ES module: `check`
 * goes straight to its own script (dist/cli/check.cjs, checkScriptRun.ts); every other command,
 * `--help` and `--version` load the ES-module CLI (dist/cli/report-editor.js, main.ts), which
 * behaves exactly as when it is run directly.
 */
import nodeModule from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECK_USAGE, checkFromScript } from './checkScriptRun';
import { runAsProcess } from './cliProcess';
import { runCommand } from './runCommand';

// Node ≥ 22.1 keeps the compiled code of what is loaded below between runs; older Node skips this
// (compiledScript.ts keeps check's code itself there).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const [name, ...rest] = process.argv.slice(2);
if (name === 'check') {
  // The file names are those vite.check.config.ts and vite.node.config.ts write beside this one.
  const script = join(__dirname, 'check.cjs');
  runAsProcess((io) => runCommand('check', CHECK_USAGE, async () => checkFromScript(script), rest, io));
} else {
  void import(pathToFileURL(join(__dirname, 'report-editor.js')).href).then((cli: typeof import('./main')) =>
    cli.startCli(),
  );
}
