/**
 * `report-editor git-setup [PATH]`: makes git merge the report with `report-editor merge-driver`
 * (the work is `installMergeDriver`, which the app's banner runs too).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GitMissingError } from '../../services/gitCommand';
import { driverCommand, installMergeDriver } from '../../services/gitSetup';
import { locateReport } from '../../services/locateReport';
import type { CliIo, CommandRun } from './cliIo';

export { attributePattern, DRIVER_NAME, driverCommand, shellQuote } from '../../services/gitSetup';

async function setup(located: { reportPath: string }, io: CliIo): Promise<number> {
  const result = await installMergeDriver(located.reportPath, driverCommand(io.entry));
  if (!result.ok) {
    io.err(`report-editor git-setup: ${result.message}`);
    return result.code;
  }
  io.out(`Git merge driver for ${result.path} in ${result.root}:`);
  for (const line of result.lines) io.out(line);
  io.out('');
  if (result.toCommit) {
    io.out('Commit .gitattributes so the whole group merges the report this way:');
    if (result.ignored) io.out('(your .gitignore ignores .gitattributes, so git add needs -f)');
    io.out(`  git add ${result.ignored ? '-f ' : ''}.gitattributes && git commit -m "Merge the report answer by answer"`);
  } else {
    io.out('Nothing to commit: .gitattributes is already committed.');
  }
  io.out('Each groupmate runs "report-editor git-setup" once in their own clone (git never takes a driver command from the repository).');
  io.out('Without it, git merges the report line by line, as before.');
  return 0;
}

export const runGitSetupCommand: CommandRun = async (args, io) => {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length > 1) {
    io.err('Usage: report-editor git-setup [PATH]');
    return 2;
  }
  const located = await locateReport(resolve(io.cwd, positionals[0] ?? '.'));
  try {
    return await setup(located, io);
  } catch (error) {
    if (error instanceof GitMissingError) {
      io.err(`report-editor git-setup: ${error.message}`);
      return 2;
    }
    throw error;
  }
};
