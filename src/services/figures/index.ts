/** The figures service: import, name, convert, rename, delete, list, downscale, preview, facts, fixes. */
export { FigureError, type FigureProblem } from './figureError';
export { FIGURES_FOLDER } from './figureFolder';
export {
  importFigure,
  importFigures,
  MAX_FIGURE_INPUT_BYTES,
  OVERSIZED_BYTES,
  OVERSIZED_WIDTH,
  type ImportedFigure,
  type ImportFigureRequest,
  type ImportOutcome,
  type Oversize,
} from './figureImport';
export { writeNewFile } from './newFigureFile';
export {
  convertFigureToPng,
  deleteFigureIfUnused,
  downscaleFigure,
  figureThumbnail,
  listFigures,
  renameFigure,
  type DownscaledFigure,
  type FigureFile,
  type RenamedFigure,
} from './figureStore';
export { restoreDeleted } from './deletedFigures';
export { figureFacts } from './figureFacts';
export { carryOutFigureFix, type FixOutcome } from './figureFixes';
export { figureHygiene, figureWarnings, type FigureHygiene, type FigureWarning } from './figureHygiene';
export { figureStem, MAX_FIGURE_NAME_LENGTH, slugify } from './figureNames';
export { sniffImageFormat, type ImageFormat } from './imageFormat';
export type { GitAvailability } from './gitStatus';
