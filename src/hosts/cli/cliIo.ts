/**
 * What every CLI command is given and returns. In a file of its own so that the command modules
 * and the command table (`commands.ts`, which loads them) both import it and nothing imports back.
 */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** The CLI script's own absolute path, when run as a program (git-setup writes it into git's config). */
  entry?: string;
}

/** Resolves to the exit code; a negative code means "keep running" (servers). */
export type CommandRun = (args: string[], io: CliIo) => Promise<number>;
