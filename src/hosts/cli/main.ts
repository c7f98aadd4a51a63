/**
 * `report-editor`: the command line of MLOps Report Editor.
 * Exit codes: 0 all good, 1 the report fails a check, 2 the input cannot be used.
 */
import { realpathSync } from 'node:fs';
import nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { ReportFileError } from '../../services/reportFile';
import type { CliIo } from './cliIo';
import { COMMANDS } from './commands';
import { systemErrorReason } from './systemError';
import { terminalText } from './terminalText';

export const USAGE = `Usage: report-editor <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}

PATH is a repo root, its reports/ folder or the report's markdown file (default: the current folder).
Exit codes: 0 everything passes, 1 the report fails a check, 2 the input cannot be read or holds no template.`;

export async function runCli(argv: string[], unsafeIo: CliIo): Promise<number> {
  // Every line passes through terminalText: report text and paths cannot act on the terminal.
  const io: CliIo = {
    ...unsafeIo,
    out: (line) => unsafeIo.out(terminalText(line)),
    err: (line) => unsafeIo.err(terminalText(line)),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(__APP_VERSION__);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`report-editor: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof ReportFileError) {
      io.err(`report-editor ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`report-editor ${name}: ${error.message}\nUsage: report-editor ${command.usage}`);
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

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // Node ≥ 22.1 keeps the compiled code of the command modules loaded below between runs (pre-commit
  // and CI start the CLI again and again); older Node has no such cache and skips this.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const out = quietWhenClosed(process.stdout);
  const err = quietWhenClosed(process.stderr);
  runCli(process.argv.slice(2), { out, err, cwd: process.cwd(), entry: realpathSync(process.argv[1]) }).then(
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
