/**
 * `check` as the built package runs it, from inside dist/cli/check.cjs: without the optimising
 * compiler when its input is small (shortRun.ts), and with a hook after the run (where
 * checkScriptRun.ts stores V8's code for the next one). Inside the script, so that this code, the
 * process's output and the command's error handling come from V8's code cache with the rest of
 * `check` instead of being compiled again from the bin on every run.
 */
import type { CommandRun } from './cliIo';
import { runCheckCommand } from './checkCommand';
import { CHECK_USAGE } from './checkUsage';
import { runAsProcess } from './cliProcess';
import { runCommand } from './runCommand';
import { endShortRun, tuneForShortRun } from './shortRun';

/** The `check` command, tuned for a short run, calling `afterRun` once it is over. */
export function shortCheckRun(afterRun: () => void): CommandRun {
  return async (args, io) => {
    const tuned = tuneForShortRun(args, io.cwd);
    try {
      return await runCheckCommand(args, io);
    } finally {
      // V8 stamps its code cache with its flags: restored first, so the next run (which loads the
      // cache before deciding) accepts it.
      if (tuned) endShortRun();
      afterRun();
    }
  };
}

/** `report-editor check ARGS` as this process: its output, its errors and its exit code. */
export function runCheckAsProcess(args: string[], afterRun: () => void): void {
  runAsProcess((io) => runCommand('check', CHECK_USAGE, async () => shortCheckRun(afterRun), args, io), {
    exitWhenDone: true,
  });
}
