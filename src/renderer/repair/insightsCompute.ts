/**
 * The heavy part of the report's insights, loaded on first use (it brings the doctor's blank
 * templates and the markdown parser, which the form does not need to open).
 */
import type { CheckerProfile } from '../../core/constraints';
import { diagnoseDrift, type Diagnostic } from '../../core/diagnostics';
import type { Finding } from '../../core/doctor';
import type { GradedPageDifference } from '../../core/gradedPage';
import { serializeReport, type ReportDocument } from '../../core/reportModel';
import { differencesInReport } from '../model/gradedDifferences';

export interface Insights {
  readonly findings: readonly Finding[];
  /** The same findings as diagnostics, each fix as its edit and its effect on the verdict. */
  readonly drift: readonly Diagnostic[];
  readonly graded: readonly GradedPageDifference[];
}

export function computeInsights(doc: ReportDocument, profile: CheckerProfile): Insights {
  let drift: ReturnType<typeof diagnoseDrift>;
  try {
    drift = diagnoseDrift(serializeReport(doc), profile);
  } catch {
    // The doctor must never take the form down; without findings there is simply no banner.
    drift = [];
  }
  return {
    findings: drift.map((d) => d.finding),
    drift: drift.map((d) => d.diagnostic),
    graded: differencesInReport(doc),
  };
}
