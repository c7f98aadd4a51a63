/**
 * The pieces of a `check` run that the single-report command, the batch and the output formats
 * share. Kept apart from the code that produces them so that imports run one way: the command
 * uses the batch, both use the formats, and none of them imports back.
 */
import type { LocatedReport } from '../../services/locateReport';
import type { ReportFileError } from '../../services/reportFile';
import type { InspectedReport, ReportVerdict } from './inspectReport';

export type CheckFormat = 'human' | 'json' | 'github';

/** One PATH given (or one repo found in a folder of repos), located or with why it cannot be. */
export interface CheckTarget {
  readonly input: string;
  readonly located?: LocatedReport;
  readonly error?: ReportFileError;
}

/**
 * A target after checking: its report (inspected whole, or only the checker's verdict when only the
 * summary table is printed), or the one-line reason it could not be checked.
 */
export interface BatchResult<R extends ReportVerdict = InspectedReport> {
  readonly input: string;
  readonly report?: R;
  readonly error?: string;
}
