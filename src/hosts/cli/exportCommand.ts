import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportReportHtml } from '../../services/exportHtml';
import { loadReport } from '../../services/loadReport';
import { locateReport } from '../../services/locateReport';
import type { CommandRun } from './cliIo';
import { collectGarbageAfterPhaseOf } from './collectGarbage';

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const USAGE = 'Usage: report-editor export [PATH] [--graded | --github] [-o FILE]';

export const runExportCommand: CommandRun = async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { output: { type: 'string', short: 'o' }, graded: { type: 'boolean' }, github: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length > 1) {
      io.err(`report-editor export: expected at most one PATH, got ${positionals.length}\n${USAGE}`);
      return 2;
    }
    if (values.graded && values.github) {
      io.err(`report-editor export: choose one of --graded and --github\n${USAGE}`);
      return 2;
    }
    const located = await locateReport(resolve(io.cwd, positionals[0] ?? '.'));
    // Refuses files that are not a report, like `check` does, before anything is written.
    const loaded = await loadReport(located.reportPath);
    // Loading a huge report parses and recognises it (~100 MB on 117,000 questions), all garbage
    // once it is loaded: collected before the render builds its own tree (see collectGarbage).
    collectGarbageAfterPhaseOf(loaded.text);
    const result = await exportReportHtml({
      reportPath: located.reportPath,
      text: loaded.text,
      rendering: values.github ? 'github' : 'graded',
      outputPath: values.output === undefined ? undefined : resolve(io.cwd, values.output),
    });
    for (const missing of result.missingImages) {
      const where = missing.line !== null ? `:${missing.line}` : '';
      io.err(`warning: ${shown(io.cwd, located.reportPath)}${where}: image ${missing.src || '(no source)'} not included (${missing.reason}); a placeholder stands in its place`);
    }
    const images =
      result.imageCount === 0
        ? 'no images'
        : `${result.inlinedCount} of ${result.imageCount} image${result.imageCount === 1 ? '' : 's'} inlined`;
    const as = result.rendering === 'graded' ? 'as graded' : 'as GitHub shows it';
    io.out(`Wrote ${shown(io.cwd, result.outputPath)} (${as}, ${formatBytes(result.bytes)}, ${images})`);
    return 0;
};
