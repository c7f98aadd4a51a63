/**
 * Every pure analysis of a report at once, aggregated: what `check`, `doctor` and the tests read.
 * Figure checks that need the disk (missing files, git) are passed in by the caller that has it.
 */
import { analyzeReport, type ReportAnalysis } from '../analyzeReport';
import type { CheckerProfile } from '../constraints';
import { figureLinkFindings, type FigureFinding } from '../figureLinks';
import { findGradedPageDifferences } from '../gradedPage';
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

export function reportDiagnostics(
  text: string,
  profile: CheckerProfile,
  input: ReportDiagnosticsInput = {},
): Diagnostic[] {
  const doc = input.doc ?? parseReport(text);
  const analysis = input.analysis ?? analyzeReport(text, profile, doc);
  return collectDiagnostics(
    checkerDiagnostics(analysis, profile),
    conflictDiagnostics(text, doc),
    splitDiagnostics(analysis.warnings),
    figureDiagnostics(input.figures ?? figureLinkFindings(text)),
    input.doctor === false ? [] : doctorDiagnostics(text, profile),
    input.gradedPage === false ? [] : gradedPageDiagnostics(findGradedPageDifferences(text, doc)),
    templateDiagnostics(input.rangeDifferences ?? []),
  );
}
