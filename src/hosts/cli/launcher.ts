/**
 * `report-editor`, the installed command: dist/cli/report-editor.cjs (package.json `bin`, built by
 * vite.bin.config.ts). A small CommonJS script, because `check` is what runs again and again (every
 * commit in pre-commit and CI) and Node starts a CommonJS entry for less than an ES module: `check`
 * goes straight to its own script (dist/cli/check.cjs, checkScriptRun.ts), which runs it as the
 * process (checkShortRun.ts); the bin itself holds little more than the code-cache loader, since
 * what it holds is compiled again on every run. Every other command,
 * `--help` and `--version` load the ES-module CLI (dist/cli/report-editor.js, main.ts), which
 * behaves exactly as when it is run directly.
 */
import nodeModule from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCheckScriptAsProcess } from './checkScriptRun';

// Node ≥ 22.1 keeps the compiled code of what is loaded below between runs; older Node skips this
// (compiledScript.ts keeps check's code itself there).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const [name, ...rest] = process.argv.slice(2);
// The file names are those vite.check.config.ts and vite.node.config.ts write beside this one.
// `check` runs whole from check.cjs (its output and errors too, from V8's code cache); should that
// script not load, the ES-module CLI runs `check` and says why.
if (name !== 'check' || !runCheckScriptAsProcess(join(__dirname, 'check.cjs'), rest)) {
  void import(pathToFileURL(join(__dirname, 'report-editor.js')).href).then((cli: typeof import('./main')) =>
    cli.startCli(),
  );
}
