/** The browser host's figure importer: streamed uploads into the open report's `figures/`. */
import { importFigures } from '../../services/figures';
import type { ReportWorkspace } from '../../services/reportWorkspace';
import type { FigureImporter } from './browserHost';

export function figureImporter(workspace: ReportWorkspace): FigureImporter {
  return async ({ question, pasted, fileName, bytes }) => {
    // As for every figure call: only next to the open report (the request names none).
    const open = workspace.openReportPath;
    if (!open) throw new Error('Figures can only be changed for the open report: open a report first');
    return importFigures({ reportPath: open, question, pasted, files: [{ fileName, bytes }] });
  };
}
