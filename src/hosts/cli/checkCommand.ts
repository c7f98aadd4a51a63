import { isAbsolute, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportAnalysis } from '../../core/analyzeReport';
import type { Diagnostic, DiagnosticSource } from '../../core/diagnostics';
import type { LoadedReport } from '../../services/loadReport';
import { resolveCheckTargets, runBatchCheck } from './batchCheck';
import type { CommandRun } from './commands';
import { writeJson } from './jsonOut';
import { allWarnings, exitCodeOf, inspectReport, type CheckWarning } from './inspectReport';

export type { CheckWarning } from './inspectReport';

/** A diagnostic as `check --json` lists it: the fixes by label (their edits are for the app). */
function diagnosticJson(d: Diagnostic) {
  return {
    source: d.source,
    code: d.code,
    severity: d.severity,
    question: d.question,
    line: d.line,
    range: d.range,
    message: d.message,
    fixes: d.fixes.map((f) => f.label),
  };
}

/**
 * The `--json` shape: the course checker's verdict, the per-question view, every check's warnings
 * (kept for scripts written against them) and every problem once as a diagnostic.
 */
export function checkJson(
  analysis: ReportAnalysis,
  warnings: readonly CheckWarning[],
  diagnostics: readonly Diagnostic[] = [],
) {
  const { check } = analysis;
  return {
    generation: check.generation,
    error: check.error,
    answers: check.answers,
    passed: check.passed,
    failures: check.failures,
    questions: analysis.questions.map((q) => ({
      number: q.number,
      section: q.section,
      words: q.words,
      images: q.images,
      writtenWords: q.writtenWords,
      graded: q.graded,
      status: q.status,
      constraint: q.constraint,
      line: q.answerLine,
    })),
    warnings,
    diagnostics: diagnostics.map(diagnosticJson),
  };
}

function describeSource(loaded: LoadedReport, repoRoot: string): string {
  const template = loaded.template
    ? `${loaded.template.generation}-question template${loaded.template.version === 'unknown' ? '' : ` (${loaded.template.version})`}`
    : 'no recognisable template';
  const table = loaded.reportPyPath
    ? `constraints from ${relativeTo(repoRoot, loaded.reportPyPath)}`
    : `constraints of ${loaded.profile.source.kind === 'course-default' ? loaded.profile.source.description : 'report.py'}`;
  return `${template}, ${table}`;
}

/** `path` relative to `cwd` with `/` separators when it lies below it (also on Windows), else as is. */
export function relativeTo(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/**
 * Per group, at most this many warnings are printed (a generated or pasted file can cause tens of
 * thousands); `--json` lists them all.
 */
export const MAX_LISTED_WARNINGS = 200;

/** Where each source's diagnostics are printed, in this order; failures are printed above them. */
const SECTIONS: readonly [string, readonly DiagnosticSource[]][] = [
  ['Warnings:', ['merge', 'split', 'checker']],
  ['Figures:', ['figures']],
  ['Where the graded page (python report.py html) will differ from GitHub:', ['graded-page']],
  ['Notes:', ['template']],
];

/** The failures, then every other problem once, by section, with its fixes; then the pass count. */
export function formatHuman(
  loaded: LoadedReport,
  analysis: ReportAnalysis,
  diagnostics: readonly Diagnostic[],
  cwd: string,
  repoRoot: string,
): string[] {
  const { check } = analysis;
  const lines = [`${relativeTo(cwd, loaded.reportPath)}: ${describeSource(loaded, repoRoot)}`, ''];
  if (check.error) {
    lines.push(`The course's checker stops here: ${check.error}`);
    lines.push(
      `  It finds ${check.answers} answers instead of ${loaded.profile.expectedAnswers}, so it checks nothing. The warnings below show where.`,
    );
    lines.push('');
  }
  const isFailure = (d: Diagnostic) => d.source === 'checker' && (d.code === 'words' || d.code === 'images');
  // The failures as the checker words them; while it stops with an error it grades none.
  const failures = check.error ? [] : diagnostics.filter(isFailure);
  for (const d of failures) {
    lines.push(`✗ ${d.line === null ? d.message : d.message.replace(/^Question \d+/, (q) => `${q} (line ${d.line})`)}`);
  }
  if (failures.length > 0) lines.push('');
  for (const [title, sources] of SECTIONS) {
    const group = diagnostics.filter((d) => sources.includes(d.source) && !isFailure(d) && d.code !== 'checker-error');
    if (group.length === 0) continue;
    lines.push(title);
    for (const d of group.slice(0, MAX_LISTED_WARNINGS)) {
      const where = [d.question !== null ? `Q${d.question}` : '', d.line !== null ? `line ${d.line}` : '']
        .filter(Boolean)
        .join(', ');
      // Template notes inform; everything else printed here is something to act on.
      lines.push(`  ${d.source === 'template' ? 'ℹ' : '⚠'} ${where ? `${where}: ` : ''}${d.message}`);
      const fixes = d.fixes.map((f) => f.label);
      if (fixes.length > 0) lines.push(`      fix: ${fixes.join(' | ')}`);
    }
    if (group.length > MAX_LISTED_WARNINGS) {
      lines.push(`  … and ${group.length - MAX_LISTED_WARNINGS} more (report-editor check --json lists every one)`);
    }
    lines.push('');
  }
  lines.push(
    check.error
      ? `passed -/${loaded.profile.expectedAnswers} (the checker raised an error)`
      : `passed ${check.passed}/${check.answers}`,
  );
  return lines;
}

export type CheckFormat = 'human' | 'json' | 'github';

export const runCheckCommand: CommandRun = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      'skip-graded-page': { type: 'boolean', default: false },
      'only-reports': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
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
