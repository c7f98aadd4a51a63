/**
 * The CLI's commands. Each module is loaded only when its command runs, so `check` does not pay
 * for the browser host, sharp or the export pipeline at start-up.
 */
import { fileURLToPath } from 'node:url';
import type { CommandRun } from './cliIo';
import { loadCompiledScript } from './compiledScript';
import { endShortRun, tuneForShortRun } from './shortRun';

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  load(): Promise<CommandRun>;
}

/**
 * `check` from the built package runs as one script with V8's compiled code kept between runs
 * (compiledScript.ts), without the optimising compiler when its input is small (shortRun.ts); from
 * the sources (tests) it is an ordinary import.
 */
async function loadCheck(): Promise<CommandRun> {
  if (typeof __CHECK_SCRIPT__ === 'undefined') return (await import('./checkCommand')).runCheckCommand;
  const compiled = loadCompiledScript<typeof import('./checkScript')>(
    fileURLToPath(new URL(__CHECK_SCRIPT__, import.meta.url)),
  );
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

export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'check',
    usage: 'check [PATH...] [--json|--format github] [-v]',
    summary: "what the course's report.py check says, question by question (several PATHs: a table)",
    load: loadCheck,
  },
  {
    name: 'doctor',
    usage: 'doctor [PATH] [--json] [--fix]',
    summary: 'where the report drifted from the template; --fix repairs it (keeps a backup)',
    load: async () => (await import('./doctorCommand')).runDoctorCommand,
  },
  {
    name: 'export',
    usage: 'export [PATH] [--graded | --github] [-o FILE]',
    summary: 'one self-contained HTML file: the graded page (report.html) or --github (report.github.html)',
    load: async () => (await import('./exportCommand')).runExportCommand,
  },
  {
    name: 'serve',
    usage: 'serve [PATH] [--port N]',
    summary: 'the app in your browser, on 127.0.0.1 with a private link (remote boxes, WSL)',
    load: async () => (await import('./serveCommand')).runServeCommand,
  },
  {
    name: 'merge-driver',
    usage: 'merge-driver BASE OURS THEIRS [PATH]',
    summary: "git's merge driver for the report (%O %A %B %P): merges answer by answer",
    load: async () => (await import('./mergeDriverCommand')).runMergeDriverCommand,
  },
  {
    name: 'git-setup',
    usage: 'git-setup [PATH]',
    summary: 'make git merge the report answer by answer (.gitattributes + this clone\'s config)',
    load: async () => (await import('./gitSetupCommand')).runGitSetupCommand,
  },
];
