/**
 * `check` as the built package runs it: one script (dist/cli/check.cjs) with V8's compiled code kept
 * between runs (compiledScript.ts), without the optimising compiler when its input is small
 * (shortRun.ts). Used by the `report-editor` bin (launcher.ts) and by the ES-module CLI
 * (commands.ts); kept free of the other commands so the bin loads nothing else on its way to it.
 */
import type { CommandRun } from './cliIo';
import { loadCompiledScript } from './compiledScript';
import { endShortRun, tuneForShortRun } from './shortRun';

export const CHECK_USAGE = 'check [PATH...] [--json|--format github] [-v]';
export const CHECK_SUMMARY = "what the course's report.py check says, question by question (several PATHs: a table)";

/** The `check` command of the script at `path` (which exports `runCheckCommand`). */
export function checkFromScript(path: string): CommandRun {
  const compiled = loadCompiledScript<typeof import('./checkScript')>(path);
  return async (args, io) => {
    const tuned = tuneForShortRun(args, io.cwd);
    try {
      return await compiled.exports.runCheckCommand(args, io);
    } finally {
      // V8 stamps the cache with its flags: restored first, so the next run (which loads the
      // cache before deciding) accepts it.
      if (tuned) endShortRun();
      compiled.save();
    }
  };
}
