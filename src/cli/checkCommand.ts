import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeReport, type ReportAnalysis } from '../core/analyzeReport';
import { formatRange } from '../core/constraints';
import { findGradedPageDifferences, type GradedPageDifference } from '../core/gradedPage';
import { parseReport } from '../core/parseReport';
import { figureWarnings, type FigureWarning } from '../main/services/figures';
import { loadReport, type LoadedReport } from '../main/services/loadReport';
import { locateReport } from '../main/services/locateReport';
import type { CommandRun } from './commands';

/** Every warning `check` prints: structure (checker split), graded page, figures. */
export type CheckWarning = ReportAnalysis['warnings'][number] | GradedPageDifference | FigureWarning;

/** The `--json` shape: the course checker's verdict plus the per-question view. */
export function checkJson(analysis: ReportAnalysis, warnings: readonly CheckWarning[]) {
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

/** The warnings of one check, by where they come from. */
export interface CheckWarnings {
  /** Where the checker's positional split disagrees with the headings. */
  readonly structure: readonly CheckWarning[];
  readonly figures: readonly CheckWarning[];
  /** Where python report.py html renders differently from GitHub. */
  readonly gradedPage: readonly CheckWarning[];
}

/**
 * Per group, at most this many warnings are printed (a generated or pasted file can cause tens of
 * thousands); `--json` lists them all.
 */
export const MAX_LISTED_WARNINGS = 200;

const allWarnings = (w: CheckWarnings): CheckWarning[] => [...w.structure, ...w.figures, ...w.gradedPage];

export function formatHuman(
  loaded: LoadedReport,
  analysis: ReportAnalysis,
  warnings: CheckWarnings,
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
  const byQuestion = new Map(analysis.questions.map((q) => [q.number, q]));
  for (const f of check.failures) {
    const unit = f.kind === 'words' ? (f.got === 1 ? 'word' : 'words') : f.got === 1 ? 'image' : 'images';
    const q = byQuestion.get(f.question);
    const where = q ? ` (line ${q.answerLine})` : '';
    lines.push(`✗ Question ${f.question}${where}: ${f.got} ${unit}, needs ${formatRange(f)}`);
  }
  if (check.failures.length > 0) lines.push('');
  const groups: [string, readonly CheckWarning[]][] = [
    ['Warnings:', warnings.structure],
    ['Figures:', warnings.figures],
    ['Where the graded page (python report.py html) will differ from GitHub:', warnings.gradedPage],
  ];
  for (const [title, group] of groups) {
    if (group.length === 0) continue;
    lines.push(title);
    for (const w of group.slice(0, MAX_LISTED_WARNINGS)) {
      const where = [w.question !== null ? `Q${w.question}` : '', w.line !== null ? `line ${w.line}` : ''].filter(Boolean).join(', ');
      lines.push(`  ⚠ ${where ? `${where}: ` : ''}${w.message}`);
    }
    if (group.length > MAX_LISTED_WARNINGS) {
      lines.push(`  … and ${group.length - MAX_LISTED_WARNINGS} more (report-editor check --json lists every one)`);
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
    const warnings: CheckWarnings = {
      structure: analysis.warnings,
      figures: await figureWarnings(loaded.reportPath, loaded.text),
      gradedPage: loaded.text.length <= GRADED_PAGE_MAX_CHARS ? findGradedPageDifferences(loaded.text, doc) : [],
    };
    if (loaded.text.length > GRADED_PAGE_MAX_CHARS) {
      io.err(`report-editor check: ${(loaded.text.length / 1024 / 1024).toFixed(1)} MB of text; the graded-page comparison (reports up to 2 MB) was skipped`);
    }
    if (values.json) io.out(JSON.stringify(checkJson(analysis, allWarnings(warnings)), null, 2));
    else for (const line of formatHuman(loaded, analysis, warnings, io.cwd, located.repoRoot)) io.out(line);
    return analysis.check.error === null && analysis.check.failures.length === 0 ? 0 : 1;
};
