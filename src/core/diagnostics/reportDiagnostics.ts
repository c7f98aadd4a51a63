/**
 * Every pure analysis of a report at once, aggregated: what `check`, `doctor` and the tests read.
 * Figure checks that need the disk (missing files, git) are passed in by the caller that has it.
 */
import { analyzeReport, type ReportAnalysis } from '../analyzeReport';
import type { CheckerProfile } from '../constraints';
import { figureLinkFindings, type FigureFinding } from '../figures/figureFindings';
import { findGradedDifferences } from '../gradedDifferences';
import type { GradedPageDifference } from '../gradedPageTypes';
import { parseReport } from '../parseReport';
import type { ReportDocument } from '../reportModel';
import type { RangeDifference } from '../templateVersion';
import { collectDiagnostics } from './collect';
import type { Diagnostic } from './diagnostic';
import { checkerDiagnostics, splitDiagnostics } from './fromChecker';
import { conflictDiagnostics } from './fromConflicts';
import { doctorDiagnostics } from './fromDoctor';
import { figureDiagnostics } from './fromFigures';
import { gradedPageDiagnostics } from './fromGradedPage';
import { templateDiagnostics } from './fromTemplate';

/** What each analysis found, computed by whoever holds it (the app computes some while idle). */
export interface DiagnosticSources {
  readonly analysis: ReportAnalysis;
  readonly profile: CheckerProfile;
  readonly conflicts?: readonly Diagnostic[];
  readonly figures?: readonly FigureFinding[];
  /** The doctor's findings as diagnostics. */
  readonly drift?: readonly Diagnostic[];
  readonly graded?: readonly GradedPageDifference[];
  readonly rangeDifferences?: readonly RangeDifference[];
}

/**
 * The one aggregated list. A diagnostic about a question the report does not have (a deleted
 * heading) has no place to jump to, so its question becomes null.
 */
export function aggregateDiagnostics(sources: DiagnosticSources): Diagnostic[] {
  const present = new Set(sources.analysis.questions.map((q) => q.number));
  const placed = (list: readonly Diagnostic[]) =>
    list.map((d) => (d.question === null || present.has(d.question) ? d : { ...d, question: null }));
  return collectDiagnostics(
    ...[
      sources.conflicts ?? [],
      checkerDiagnostics(sources.analysis, sources.profile),
      splitDiagnostics(sources.analysis.warnings),
      figureDiagnostics(sources.figures ?? []),
      sources.drift ?? [],
      gradedPageDiagnostics(sources.graded ?? []),
      templateDiagnostics(sources.rangeDifferences ?? []),
    ].map(placed),
  );
}

export interface ReportDiagnosticsInput {
  readonly doc?: ReportDocument;
  readonly analysis?: ReportAnalysis;
  /** Figure findings with the disk checks; the text-only checks when absent. */
  readonly figures?: readonly FigureFinding[];
  readonly rangeDifferences?: readonly RangeDifference[];
  /** False skips the graded-page comparison (minutes on a pathological 20 MB file). */
  readonly gradedPage?: boolean;
  /** False skips the doctor (and its fixes' simulations). */
  readonly doctor?: boolean;
}

/** Every pure analysis of `text`, aggregated. */
export function reportDiagnostics(
  text: string,
  profile: CheckerProfile,
  input: ReportDiagnosticsInput = {},
): Diagnostic[] {
  const doc = input.doc ?? parseReport(text);
  return aggregateDiagnostics({
    analysis: input.analysis ?? analyzeReport(text, profile, doc),
    profile,
    conflicts: conflictDiagnostics(text, doc),
    figures: input.figures ?? figureLinkFindings(text),
    drift: input.doctor === false ? [] : doctorDiagnostics(text, profile),
    graded: input.gradedPage === false ? [] : findGradedDifferences(text, doc),
    rangeDifferences: input.rangeDifferences ?? [],
  });
}
