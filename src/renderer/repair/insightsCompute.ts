/**
 * The heavy part of the report's insights, loaded on first use (it brings the doctor's blank
 * templates and the markdown parser, which the form does not need to open).
 */
import type { CheckerProfile } from '../../core/constraints';
import { doctor, type Finding } from '../../core/doctor';
import type { GradedPageDifference } from '../../core/gradedPage';
import { serializeReport, type ReportDocument } from '../../core/reportModel';
import { differencesInReport } from '../preview/gradedDifferences';

export interface Insights {
  readonly findings: readonly Finding[];
  readonly graded: readonly GradedPageDifference[];
}

export function computeInsights(doc: ReportDocument, profile: CheckerProfile): Insights {
  let findings: readonly Finding[];
  try {
    findings = doctor(serializeReport(doc), profile);
  } catch {
    // The doctor must never take the form down; without findings there is simply no banner.
    findings = [];
  }
  return { findings, graded: differencesInReport(doc) };
}
