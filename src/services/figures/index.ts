/** The figures service: import, name, convert, rename, delete, list, downscale, preview, hygiene. */
export { FigureError, type FigureProblem } from './figureError';
export {
  convertFigureToPng,
  deleteFigureIfUnused,
  downscaleFigure,
  figureThumbnail,
  FIGURES_FOLDER,
  importFigure,
  importFigures,
  listFigures,
  MAX_FIGURE_INPUT_BYTES,
  OVERSIZED_BYTES,
  OVERSIZED_WIDTH,
  renameFigure,
  writeNewFile,
  type DownscaledFigure,
  type FigureFile,
  type ImportedFigure,
  type ImportFigureRequest,
  type ImportOutcome,
  type Oversize,
} from './figureStore';
export {
  applyFigureFix,
  figureHygiene,
  figureWarnings,
  type AppliedFix,
  type FigureHygiene,
  type FigureWarning,
} from './figureHygiene';
export { figureStem, MAX_FIGURE_NAME_LENGTH, slugify } from './figureNames';
export { sniffImageFormat, type ImageFormat } from './imageFormat';
export type { GitAvailability } from './gitStatus';
