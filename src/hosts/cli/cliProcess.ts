/**
 * The CLI as a process: its output streams, its exit code, and the last word on an error nobody
 * expected. Shared by the `report-editor` bin (launcher.ts) and the ES-module CLI (main.ts), so a
 * command ends the same way whichever of them ran it.
 */
import { realpathSync } from 'node:fs';
import type { CliIo } from './cliIo';
import { terminalText } from './terminalText';

/**
 * A reader that stops early (`report-editor check | head -1`) closes the pipe: the rest of the
 * output is dropped quietly and the command still ends with its own exit code, instead of Node's
 * unhandled EPIPE stack trace.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || closed) {
      closed = true;
      return;
    }
    throw error;
  });
  return (line) => {
    if (!closed) stream.write(`${line}\n`);
  };
}

/** Runs `run` with this process's streams and folder; its code becomes the process's exit code. */
export function runAsProcess(run: (io: CliIo) => Promise<number>): void {
  const out = quietWhenClosed(process.stdout);
  const err = quietWhenClosed(process.stderr);
  run({ out, err, cwd: process.cwd(), entry: realpathSync(process.argv[1]) }).then(
    (code) => {
      // `serve` keeps running; everything else ends with its code.
      if (code >= 0) process.exitCode = code;
    },
    (error: unknown) => {
      err(
        terminalText(
          `report-editor: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      );
      process.exitCode = 2;
    },
  );
}
