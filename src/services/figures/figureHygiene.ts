/**
 * Figure hygiene of a report held in this process (the CLI's `check` and `doctor`, the tests):
 * everything that makes a figure count for the student and vanish for the grader. The same two
 * steps the app takes across its API: the figures service answers the facts about the linked
 * paths (figureFacts), and core's figureHygieneFindings turns them into findings with fixes.
 */
import {
  figureFactsRequest,
  figureHygieneFindings,
  type GitAvailability,
} from '../../core/figures/figureDiskFindings';
import type { FigureFinding, FigureFindingKind } from '../../core/figures/figureFindings';
import { reportFigureLinks } from '../../core/figures/scanFigureLinks';
import { parseReport } from '../../core/parseReport';
import type { ReportDocument } from '../../core/reportModel';
import { figureFacts } from './figureFacts';

export interface FigureHygiene {
  /** Sorted by line; findings without a line (unused files) last. */
  readonly findings: readonly FigureFinding[];
  /** Whether the tracked/ignored checks ran, and why not. */
  readonly git: GitAvailability;
}

/** The same shape as core's ReportWarning, so `report-editor check` can list both together. */
export interface FigureWarning {
  readonly kind: FigureFindingKind;
  readonly question: number | null;
  readonly line: number | null;
  readonly message: string;
}

/**
 * Every hygiene check on the report `text` as it would be saved at `reportPath`.
 * `doc`, when the caller already parsed `request.text`, saves a parse (~100 MB on a 2 MB report).
 */
export async function figureHygiene(
  request: { reportPath: string; text: string },
  doc: ReportDocument = parseReport(request.text),
): Promise<FigureHygiene> {
  const links = reportFigureLinks(request.text, doc);
  const facts = await figureFacts(request.reportPath, figureFactsRequest(links));
  return { findings: figureHygieneFindings(request.text, facts, links), git: facts.git };
}

/** The hygiene findings as warnings for `report-editor check` (same shape as core's ReportWarning). */
export async function figureWarnings(reportPath: string, text: string): Promise<FigureWarning[]> {
  const { findings } = await figureHygiene({ reportPath, text });
  return findings.map((f) => ({ kind: f.kind, question: f.question, line: f.line, message: f.message }));
}
