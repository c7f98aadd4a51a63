/**
 * How every command runs, whichever entry started it (the `report-editor` bin, which runs `check`
 * straight away, or the ES-module CLI for the other commands): its lines made safe for a terminal,
 * and the errors a user can act on turned into one line with exit code 2.
 */
import { ReportFileError } from '../../services/reportFile';
import type { CliIo, CommandRun } from './cliIo';
import { systemErrorReason } from './systemError';
import { terminalText } from './terminalText';

/** Runs the command `name` (loaded by `load`) with `args`; resolves to its exit code. */
export async function runCommand(
  name: string,
  usage: string,
  load: () => Promise<CommandRun>,
  args: string[],
  unsafeIo: CliIo,
): Promise<number> {
  const io = safeIo(unsafeIo);
  try {
    const run = await load();
    return await run(args, io);
  } catch (error) {
    if (error instanceof ReportFileError) {
      io.err(`report-editor ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`report-editor ${name}: ${error.message}\nUsage: report-editor ${usage}`);
      return 2;
    }
    // The file system or the network refused (a folder where a file should be, a full disk, a
    // taken port…): that is the environment, not a bug, so one line says what, not a stack trace.
    const reason = systemErrorReason(error);
    if (reason !== null) {
      io.err(`report-editor ${name}: ${reason}`);
      return 2;
    }
    throw error;
  }
}

/** Every line passes through terminalText: report text and paths cannot act on the terminal. */
export function safeIo(unsafeIo: CliIo): CliIo {
  return {
    ...unsafeIo,
    out: (line) => unsafeIo.out(terminalText(line)),
    err: (line) => unsafeIo.err(terminalText(line)),
  };
}
