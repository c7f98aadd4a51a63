import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeReport, type ReportAnalysis } from '../core/analyzeReport';
import { findGradedPageDifferences, type GradedPageDifference } from '../core/gradedPage';
import { conflictWarnings, type ConflictWarning } from '../core/merge/conflictMarkers';
import {
  checkerDiagnostics,
  collectDiagnostics,
  conflictDiagnostics,
  figureDiagnostics,
  gradedPageDiagnostics,
  splitDiagnostics,
  templateDiagnostics,
  type Diagnostic,
  type DiagnosticSource,
} from '../core/diagnostics';
import { resolveProfile } from '../core/templateVersion';
import { parseReport } from '../core/parseReport';
import { figureHygiene, type FigureWarning } from '../main/services/figures';
import { loadReport, type LoadedReport } from '../main/services/loadReport';
import { locateReport } from '../main/services/locateReport';
import type { CommandRun } from './commands';

/** Every warning `check` prints: merge conflicts and structure (checker split), graded page, figures. */
export type CheckWarning = ReportAnalysis['warnings'][number] | ConflictWarning | GradedPageDifference | FigureWarning;

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

/** The `--json` shape: the course checker's verdict plus the per-question view and every diagnostic. */
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
    : `constraints of ${loaded.profile.source.kind === "course-default" ? loaded.profile.source.description : "report.py"}`;
  return `${template}, ${table}`;
}

/** `path` relative to `cwd` with `/` separators when it lies below it (also on Windows), else as is. */
function relativeTo(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/** Where each source's diagnostics are printed, in this order; failures are printed above them. */
const SECTIONS: readonly [string, readonly DiagnosticSource[]][] = [
  ['Warnings:', ['merge', 'split', 'checker']],
  ['Figures:', ['figures']],
  ['Where the graded page (python report.py html) will differ from GitHub:', ['graded-page']],
  ['Notes:', ['template']],
];

/** The failures, then the other diagnostics by section, then the pass count. */
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
    lines.push(`  It finds ${check.answers} answers instead of ${loaded.profile.expectedAnswers}, so it checks nothing. The warnings below show where.`);
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
    for (const d of group) {
      const where = [d.question !== null ? `Q${d.question}` : '', d.line !== null ? `line ${d.line}` : '']
        .filter(Boolean)
        .join(', ');
      // Template notes inform; everything else printed here is something to act on.
      lines.push(`  ${d.source === 'template' ? 'ℹ' : '⚠'} ${where ? `${where}: ` : ''}${d.message}`);
      const fixes = d.fixes.map((f) => f.label);
      if (fixes.length > 0) lines.push(`      fix: ${fixes.join(' | ')}`);
    }
    lines.push('');
  }
  lines.push(check.error ? `passed -/${loaded.profile.expectedAnswers} (the checker raised an error)` : `passed ${check.passed}/${check.answers}`);
  return lines;
}

/**
 * The graded-page comparison renders every answer as markdown: fine for a report (~60 kB), but
 * minutes for a pathological 20 MB file (one huge paragraph is worst). Above this it is skipped.
 */
const GRADED_PAGE_MAX_CHARS = 2_000_000;

export const runCheckCommand: CommandRun = async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const located = await locateReport(resolve(io.cwd, positionals[0] ?? '.'));
    const loaded = await loadReport(located.reportPath);
    const doc = parseReport(loaded.text);
    const analysis = analyzeReport(loaded.text, loaded.profile, doc);
    const graded = loaded.text.length <= GRADED_PAGE_MAX_CHARS;
    const conflicts = conflictWarnings(loaded.text, doc);
    const gradedPage = graded ? findGradedPageDifferences(loaded.text, doc) : [];
    const { findings } = await figureHygiene({ reportPath: loaded.reportPath, text: loaded.text });
    // Git's conflict markers first: until they are resolved, every count below includes both versions.
    const diagnostics = collectDiagnostics(
      conflictDiagnostics(loaded.text, doc),
      checkerDiagnostics(analysis, loaded.profile),
      splitDiagnostics(analysis.warnings),
      figureDiagnostics(findings),
      gradedPageDiagnostics(gradedPage),
      templateDiagnostics(resolveProfile(loaded.text, loaded.profile).differences),
    );
    if (!graded) {
      io.err(
        `report-editor check: ${(loaded.text.length / 1024 / 1024).toFixed(1)} MB of text; the graded-page comparison (reports up to 2 MB) was skipped`,
      );
    }
    if (values.json) {
      // `warnings` keeps its shape (every check, undeduplicated) for scripts written against it.
      const warnings: CheckWarning[] = [
        ...conflicts,
        ...analysis.warnings,
        ...findings.map((f) => ({ kind: f.kind, question: f.question, line: f.line, message: f.message })),
        ...gradedPage,
      ];
      io.out(JSON.stringify(checkJson(analysis, warnings, diagnostics), null, 2));
    } else for (const line of formatHuman(loaded, analysis, diagnostics, io.cwd, located.repoRoot)) io.out(line);
    return analysis.check.error === null && analysis.check.failures.length === 0 ? 0 : 1;
};
