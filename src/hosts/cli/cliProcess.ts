/**
 * The CLI as a process: its output streams, its exit code, and the last word on an error nobody
 * expected. Shared by the `report-editor` bin (launcher.ts) and the ES-module CLI (main.ts), so a
 * command ends the same way whichever of them ran it.
 */
import { realpathSync, writeSync } from 'node:fs';
import type { CliIo } from './cliIo';
import { terminalText } from './terminalText';

/**
 * A reader that stops early (`report-editor check | head -1`) closes the pipe: the rest of the
 * output is dropped quietly and the command still ends with its own exit code, instead of Node's
 * unhandled EPIPE stack trace.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string | Uint8Array) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || closed) {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/**
 * The lines of one output (fd 1 or 2), written straight to the file descriptor. `process.stdout`
 * and `process.stderr` are Node streams: the first touch of either loads Node's stream library
 * (and for a terminal or a pipe, its network sockets), ~3 ms of CPU of a `check` that is over in
 * ~30 ms. A blocking descriptor (a terminal, a file, the pipe a shell or CI hands over) takes each
 * line whole, as the stream would have, and in the same order. A descriptor some other process
 * made non-blocking (EAGAIN) or any other refusal hands the rest, in order, to the stream, which
 * waits and reports as it always did; a closed pipe (EPIPE) ends the output quietly. On Windows
 * the console needs the stream (it writes UTF-16 to it), so the stream is used from the start.
 */
export function lineWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (line: string) => void {
  let viaStream = process.platform === 'win32' ? quietWhenClosed(stream()) : null;
  let closed = false;
  return (line) => {
    if (closed) return;
    if (viaStream !== null) return viaStream(`${line}\n`);
    const bytes = Buffer.from(`${line}\n`);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        closed = true;
        return;
      }
      viaStream = quietWhenClosed(stream());
      viaStream(bytes.subarray(written));
    }
  };
}

/**
 * Runs `run` with this process's streams and folder; its code becomes the process's exit code.
 * `exitWhenDone` (a `check`, whose work is all over once it resolves): the process ends right
 * there instead of Node's ordinary wind-down (~1 ms of a ~30 ms check), unless a line went
 * through a stream, which then first drains at its own pace.
 */
export function runAsProcess(run: (io: CliIo) => Promise<number>, { exitWhenDone = false } = {}): void {
  let streamed = false;
  const out = lineWriter(1, () => ((streamed = true), process.stdout));
  const err = lineWriter(2, () => ((streamed = true), process.stderr));
  run({ out, err, cwd: process.cwd(), entry: realpathSync(process.argv[1]) }).then(
    (code) => {
      // `serve` keeps running; everything else ends with its code.
      if (code < 0) return;
      process.exitCode = code;
      if (exitWhenDone && !streamed) process.exit(code);
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
