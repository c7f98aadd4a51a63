/** Every refusal of the figures service: a typed problem and one sentence a student can act on. */

export type FigureProblem =
  /** Not an image the template accepts or that can be converted (PDF, HEIC, text...). */
  | 'unsupported-format'
  /** Looks like an image but cannot be decoded (truncated, corrupt). */
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'not-found'
  /** A path that would leave the report's `figures/` folder (or the report's folder). */
  | 'outside-figures'
  /** A name that is not one plain file name with the figure's extension (an exact rename). */
  | 'bad-name'
  /** The requested name is taken; nothing is ever overwritten. */
  | 'exists'
  /** A fix that no longer matches the report (it changed since the check ran). */
  | 'stale-fix';

export class FigureError extends Error {
  constructor(
    readonly problem: FigureProblem,
    message: string,
  ) {
    super(message);
    this.name = 'FigureError';
  }
}
