/** The browser host's figure importer: streamed uploads into the open report's `figures/`. */
import { resolve } from 'node:path';
import { importFigures } from '../../services/figures';
import type { ReportWorkspace } from '../../services/reportWorkspace';
import type { FigureImporter } from './browserHost';

export function figureImporter(workspace: ReportWorkspace): FigureImporter {
  return async ({ reportPath, question, pasted, fileName, bytes }) => {
    // As for every figure call: only next to the open report, never next to a path the page names.
    const open = workspace.openReportPath;
    if (!open || resolve(reportPath) !== open) throw new Error('Figures can only be changed for the open report');
    return importFigures({ reportPath: open, question, pasted, files: [{ fileName, bytes }] });
  };
}
