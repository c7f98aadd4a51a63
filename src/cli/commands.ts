/** The CLI's commands, one module each; `main.ts` dispatches over this list. */
import { checkCommand } from './checkCommand';
import { doctorCommand } from './doctorCommand';
import { exportCommand } from './exportCommand';
import { serveCommand } from './serveCommand';

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Resolves to the exit code; a negative code means "keep running" (servers). */
  run(args: string[], io: { out: (line: string) => void; err: (line: string) => void; cwd: string }): Promise<number>;
}

export const COMMANDS: readonly CliCommand[] = [checkCommand, doctorCommand, exportCommand, serveCommand];
