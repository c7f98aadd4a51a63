/** `report-editor check [PATH...]`: one report in detail, or several as a batch (batchCheck.ts). */
import { parseArgs } from 'node:util';
import { resolveCheckTargets, runBatchCheck } from './batchCheck';
import type { CheckFormat } from './checkRun';
import type { CommandRun } from './cliIo';
import './storedPrompts';
import { checkJson } from './format/json';
import { formatHuman } from './format/human';
import { writeJson } from './jsonOut';
import { allWarnings, exitCodeOf, inspectReport } from './inspectReport';
import { plainArgs } from './plainArgs';

export const CHECK_OPTIONS = {
  json: { type: 'boolean', default: false },
  format: { type: 'string' },
  verbose: { type: 'boolean', short: 'v', default: false },
  'skip-graded-page': { type: 'boolean', default: false },
  'only-reports': { type: 'boolean', default: false },
} as const;

const parseCheckArgs = (args: string[]) => parseArgs({ args, options: CHECK_OPTIONS, allowPositionals: true });

export const runCheckCommand: CommandRun = async (args, io) => {
  // A plain command line (paths and flags) is read without loading Node's parseArgs (plainArgs.ts).
  const { values, positionals } =
    (plainArgs(args, CHECK_OPTIONS) as ReturnType<typeof parseCheckArgs> | null) ?? parseCheckArgs(args);
  const format = values.json ? 'json' : (values.format ?? 'human');
  if (format !== 'human' && format !== 'json' && format !== 'github') {
    io.err(`report-editor check: --format must be human, json or github (not "${format}")`);
    return 2;
  }
  const options = { format: format as CheckFormat, verbose: values.verbose, gradedPage: !values['skip-graded-page'] };
  const targets = await resolveCheckTargets(positionals.length > 0 ? positionals : ['.'], io.cwd, {
    onlyReports: values['only-reports'],
  });
  if (targets.entries.length === 0) return 0; // --only-reports, and none of the files is a report
  if (targets.batch) return runBatchCheck(targets.entries, options, io);
  // One report: errors (no template, ambiguous…) end the run with exit code 2, as they always did.
  const [only] = targets.entries;
  if (only.error) throw only.error;
  const inspected = await inspectReport(only.located!, options);
  if (inspected.gradedPageSkipped !== null && options.gradedPage)
    io.err(`report-editor check: ${inspected.gradedPageSkipped}`);
  if (format === 'github') {
    const { githubAnnotations, writeJobSummary } = await import('./format/github');
    for (const line of githubAnnotations(inspected, io.cwd)) io.out(line);
    await writeJobSummary([{ input: only.input, report: inspected }], io);
  } else if (format === 'json')
    writeJson(checkJson(inspected.analysis, allWarnings(inspected.warnings), inspected.diagnostics), io.out);
  else
    for (const line of formatHuman(
      inspected.loaded,
      inspected.analysis,
      inspected.diagnostics,
      io.cwd,
      only.located!.repoRoot,
    ))
      io.out(line);
  return exitCodeOf(inspected);
};
