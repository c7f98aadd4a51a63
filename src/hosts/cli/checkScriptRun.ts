/**
 * `check` as the built package runs it: one script (dist/cli/check.cjs) with V8's compiled code kept
 * between runs (compiledScript.ts), without the optimising compiler when its input is small
 * (shortRun.ts, run from inside the script: checkShortRun.ts). Used by the `report-editor` bin
 * (launcher.ts) and by the ES-module CLI (commands.ts); kept free of the other commands so the bin
 * loads nothing else on its way to it.
 */
import type { CommandRun } from './cliIo';
import { loadCompiledScript } from './compiledScript';

export { CHECK_SUMMARY, CHECK_USAGE } from './checkUsage';

type CheckScript = typeof import('./checkScript');

/** The `check` command of the script at `path`. */
export function checkFromScript(path: string): CommandRun {
  const compiled = loadCompiledScript<CheckScript>(path);
  return compiled.exports.shortCheckRun(() => compiled.save());
}

/**
 * `report-editor check ARGS` as this process, from the script at `path`; false (and nothing run)
 * when the script cannot be loaded, so the caller can run `check` the ordinary way and report why.
 */
export function runCheckScriptAsProcess(path: string, args: string[]): boolean {
  let compiled;
  try {
    compiled = loadCompiledScript<CheckScript>(path);
  } catch {
    return false;
  }
  const { save } = compiled;
  compiled.exports.runCheckAsProcess(args, () => save());
  return true;
}
