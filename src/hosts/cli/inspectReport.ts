/**
 * Everything `report-editor check` says about one report: the course checker's verdict, the
 * structure warnings, the figure checks and where the graded page differs.
 *
 * Kept light for CI and pre-commit, where the CLI starts for every commit: the graded-page
 * comparison uses the light scan of `gradedDifferences`, never remark (loading it was ~350 ms).
 */
import { analyzeReport, type ReportAnalysis } from '../../core/analyzeReport';
import { checkReport, type CheckResult } from '../../core/checkReport';
import { findGradedDifferences } from '../../core/gradedDifferences';
import type { GradedPageDifference } from '../../core/gradedPageTypes';
// Each from its own file, not the diagnostics index: the index also leads to the doctor and the
// blank templates' 100 kB of text, which check never uses but would then load on every run.
import { collectDiagnostics } from '../../core/diagnostics/collect';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import { checkerDiagnostics, splitDiagnostics } from '../../core/diagnostics/fromChecker';
import { conflictDiagnostics } from '../../core/diagnostics/fromConflicts';
import { figureDiagnostics } from '../../core/diagnostics/fromFigures';
import { gradedPageDiagnostics } from '../../core/diagnostics/fromGradedPage';
import { templateDiagnostics } from '../../core/diagnostics/fromTemplate';
import { conflictWarnings, type ConflictWarning } from '../../core/merge/conflictMarkers';
import { parseReport } from '../../core/parseReport';
import { deadFileLinkWarnings, type DeadFileLinkWarning } from '../../services/deadFileLinks';
import { figureHygiene, type FigureWarning } from '../../services/figures/figureHygiene';
import { loadReport, type LoadedReport } from '../../services/loadReport';
import type { LocatedReport } from '../../services/locateReport';
import { collectGarbageAfterPhaseOf } from './collectGarbage';

/** Every warning `check` prints: merge conflicts and structure (checker split), graded page, figures. */
export type CheckWarning = ReportAnalysis['warnings'][number] | ConflictWarning | GradedPageDifference | FigureWarning;

/** The warnings of one check, by where they come from. */
export interface CheckWarnings {
  /** Where the checker's positional split disagrees with the headings. */
  readonly structure: readonly CheckWarning[];
  readonly figures: readonly CheckWarning[];
  /** Where python report.py html renders differently from GitHub. */
  readonly gradedPage: readonly CheckWarning[];
}

export const allWarnings = (w: CheckWarnings): CheckWarning[] => [...w.structure, ...w.figures, ...w.gradedPage];

/** The course checker's verdict on one report: all a batch's summary table shows of it. */
export interface ReportVerdict {
  readonly located: LocatedReport;
  readonly loaded: LoadedReport;
  readonly check: CheckResult;
}

export interface InspectedReport extends ReportVerdict {
  /** The verdict question by question (its `check` is the verdict's). */
  readonly analysis: ReportAnalysis;
  readonly warnings: CheckWarnings;
  /** Every problem once, deduplicated across the checks (what the app's problems panel lists). */
  readonly diagnostics: readonly Diagnostic[];
  /** Why the graded-page comparison did not run, or null when it did. */
  readonly gradedPageSkipped: string | null;
}

/**
 * The graded-page comparison renders every answer as markdown: fine for a report (~60 kB), but
 * minutes for a pathological 20 MB file (one huge paragraph is worst). Above this it is skipped.
 */
const GRADED_PAGE_MAX_CHARS = 2_000_000;

/**
 * The checker's verdict alone: what a batch's summary table needs of each report. No parse of the
 * report's structure, no per-question analysis, no figure, link or graded-page checks (its details
 * are printed only with --verbose, --json or --format github, which inspect the whole report).
 */
export async function reportVerdict(located: LocatedReport): Promise<ReportVerdict> {
  const loaded = await loadReport(located.reportPath, { text: located.text });
  return { located, loaded, check: checkReport(loaded.text, loaded.profile) };
}

export async function inspectReport(
  located: LocatedReport,
  options: { gradedPage?: boolean } = {},
): Promise<InspectedReport> {
  const loaded = await loadReport(located.reportPath, { text: located.text });
  // Finding and recognising a huge report parsed it (~100 MB on 117,000 questions in no known
  // wording), all garbage now: collected before the analysis builds its own (see collectGarbage).
  collectGarbageAfterPhaseOf(loaded.text);
  const doc = parseReport(loaded.text);
  const analysis = analyzeReport(loaded.text, loaded.profile, doc);
  let gradedPageSkipped: string | null = null;
  if (options.gradedPage === false) gradedPageSkipped = 'not asked for (--skip-graded-page)';
  else if (loaded.text.length > GRADED_PAGE_MAX_CHARS) {
    gradedPageSkipped = `${(loaded.text.length / 1024 / 1024).toFixed(1)} MB of text; the graded-page comparison (reports up to 2 MB) was skipped`;
  }
  const [hygiene, deadLinks, gradedPage] = await Promise.all([
    figureHygiene({ reportPath: loaded.reportPath, text: loaded.text }, doc),
    deadFileLinkWarnings(loaded.reportPath, loaded.text, doc),
    gradedPageSkipped === null ? findGradedDifferences(loaded.text, doc) : [],
  ]);
  const images: FigureWarning[] = hygiene.findings.map((f) => ({
    kind: f.kind,
    question: f.question,
    line: f.line,
    message: f.message,
  }));
  const figures = [...images, ...deadLinks].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return {
    located,
    loaded,
    check: analysis.check,
    analysis,
    warnings: {
      // Git's conflict markers first: until they are resolved, every count below includes both versions.
      structure: [...conflictWarnings(loaded.text, doc), ...analysis.warnings],
      figures,
      gradedPage,
    },
    diagnostics: collectDiagnostics(
      conflictDiagnostics(loaded.text, doc),
      checkerDiagnostics(analysis, loaded.profile),
      splitDiagnostics(analysis.warnings),
      figureDiagnostics(hygiene.findings),
      deadLinks.map(deadLinkDiagnostic),
      gradedPageDiagnostics(gradedPage),
      templateDiagnostics(loaded.differences),
    ),
    gradedPageSkipped,
  };
}

/** A link to a repo file that is not there: for the grader, a dead link. */
function deadLinkDiagnostic(w: DeadFileLinkWarning): Diagnostic {
  return {
    source: 'figures',
    code: w.kind,
    severity: 'error',
    question: w.question,
    line: w.line,
    range: null,
    message: w.message,
    fixes: [],
  };
}

/** Exit code of one report: 0 passes, 1 fails a check or the checker stops with an error. */
export const exitCodeOf = (report: ReportVerdict): number =>
  report.check.error === null && report.check.failures.length === 0 ? 0 : 1;
