/**
 * `report-editor merge-driver BASE OURS THEIRS [PATH] [--marker-size N]`: git's custom merge
 * driver for the report (`%O %A %B %P`, see `git-setup`). It merges answer by answer, writes the
 * result over OURS and exits 0 when nothing conflicts; otherwise it writes git's conflict markers
 * inside the conflicting answers only and exits 1, as git expects. A file it cannot read as a
 * report (not UTF-8, binary) is merged by `git merge-file` instead, so a pull never stops on it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { mergeReports } from '../../core/merge/mergeReports';
import { runGit } from '../../services/gitCommand';
import { decodeReport, ReportFileError } from '../../services/reportFile';
import type { CliIo, CommandRun } from './cliIo';

const USAGE = 'Usage: report-editor merge-driver BASE OURS THEIRS [PATH] [--marker-size N]   (git: %O %A %B %P --marker-size %L)';

/** git's `merge.conflictStyle`: `diff3`/`zdiff3` also show the common ancestor between the sides. */
async function showBase(cwd: string): Promise<boolean> {
  try {
    const { code, stdout } = await runGit(cwd, ['config', '--get', 'merge.conflictStyle'], { inheritGitEnv: true });
    return code === 0 && /^z?diff3$/.test(stdout.trim());
  } catch {
    return false;
  }
}

/** The fallback for files that are not readable reports: git's own line merge, into OURS. */
async function gitMergeFile(io: CliIo, [base, ours, theirs]: string[], markerSize: number, name: string, reason: string): Promise<number> {
  io.err(`report-editor merge-driver: ${reason}; merging ${name} line by line with git merge-file instead`);
  const run = await runGit(io.cwd, ['merge-file', `--marker-size=${markerSize}`, '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs], { inheritGitEnv: true });
  if (run.code < 0 || run.code > 127) {
    io.err(run.stderr.trim());
    return 2;
  }
  return run.code === 0 ? 0 : 1;
}

export const runMergeDriverCommand: CommandRun = async (args, io) => {
  const { values, positionals } = parseArgs({ args, options: { 'marker-size': { type: 'string', default: '7' } }, allowPositionals: true });
  const markerSize = Number(values['marker-size']);
  if (positionals.length < 3 || positionals.length > 4 || !Number.isInteger(markerSize) || markerSize < 1) {
    io.err(USAGE);
    return 2;
  }
  const [basePath, oursPath, theirsPath] = positionals;
  const name = positionals[3] ?? oursPath;
  let texts: string[];
  try {
    texts = await Promise.all([basePath, oursPath, theirsPath].map(async (path) => decodeReport(await readFile(path), path)));
  } catch (error) {
    if (error instanceof ReportFileError) return gitMergeFile(io, [basePath, oursPath, theirsPath], markerSize, name, error.message);
    throw error;
  }
  const [base, ours, theirs] = texts;
  const result = mergeReports(base, ours, theirs, { markerSize, showBase: await showBase(io.cwd) });
  await writeFile(oursPath, result.text);
  if (result.clean) {
    io.err(`report-editor: merged ${name} answer by answer, without conflicts`);
    return 0;
  }
  for (const c of result.conflicts) {
    io.err(`report-editor: ${name}:${c.line}: question ${c.question} was edited on both sides; both versions are between conflict markers inside its answer`);
  }
  for (const s of result.structural) io.err(`report-editor: ${name}:${s.line}: ${s.message}`);
  io.err(`report-editor: in each, keep one version (or combine them) and delete the marker lines, then git add ${name} and commit.`);
  return 1;
};
