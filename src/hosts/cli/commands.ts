/**
 * The CLI's commands. Each module is loaded only when its command runs, so `check` does not pay
 * for the browser host, sharp or the export pipeline at start-up.
 */
import { fileURLToPath } from 'node:url';
import type { CommandRun } from './cliIo';
import { CHECK_SUMMARY, CHECK_USAGE, checkFromScript } from './checkScriptRun';

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  load(): Promise<CommandRun>;
}

/** `check` from the built package runs as one script (checkScriptRun.ts); from the sources (tests) it is an ordinary import. */
async function loadCheck(): Promise<CommandRun> {
  if (typeof __CHECK_SCRIPT__ === 'undefined') return (await import('./checkCommand')).runCheckCommand;
  return checkFromScript(fileURLToPath(new URL(__CHECK_SCRIPT__, import.meta.url)));
}

export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'check',
    usage: CHECK_USAGE,
    summary: CHECK_SUMMARY,
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
