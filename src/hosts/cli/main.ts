/**
 * `report-editor`: the command line of MLOps Report Editor.
 * Exit codes: 0 all good, 1 the report fails a check, 2 the input cannot be used.
 */
import { realpathSync } from 'node:fs';
import nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './cliIo';
import { runAsProcess } from './cliProcess';
import { COMMANDS } from './commands';
import { runCommand, safeIo } from './runCommand';

export const USAGE = `Usage: report-editor <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}

PATH is a repo root, its reports/ folder or the report's markdown file (default: the current folder).
Exit codes: 0 everything passes, 1 the report fails a check, 2 the input cannot be read or holds no template.`;

export async function runCli(argv: string[], unsafeIo: CliIo): Promise<number> {
  const io = safeIo(unsafeIo);
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
  return runCommand(name, command.usage, () => command.load(), rest, unsafeIo);
}

/**
 * Runs the command line of this process. The `report-editor` bin (launcher.ts) calls this for every
 * command but `check`; run directly (`node dist/cli/report-editor.js …`, as git configs written by
 * earlier versions do), this module calls it itself.
 */
export function startCli(): void {
  // Node ≥ 22.1 keeps the compiled code of the command modules loaded below between runs (pre-commit
  // and CI start the CLI again and again); older Node has no such cache and skips this.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  runAsProcess((io) => runCli(process.argv.slice(2), io));
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) startCli();
