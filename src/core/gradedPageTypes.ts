/** The shape of a graded-page difference, shared by the remark-based finder and the light scan. */
export type GradedPageDifferenceKind =
  | 'fenced-code'
  | 'list-needs-blank-line'
  | 'nested-list-indent'
  | 'table'
  | 'strikethrough'
  | 'task-list'
  | 'bare-url'
  /** Not a difference: the answer was not analysed (too large or pathological), see renderGuard. */
  | 'not-analysed';

/** A difference found in one piece of markdown; `line` is 1-based within that markdown. */
export interface MarkdownDifference {
  readonly kind: GradedPageDifferenceKind;
  readonly line: number;
  /** What the graded page will show there, and how to get what the student meant. */
  readonly message: string;
}

/** A difference in a report file: same shape as the checker's warnings (`ReportWarning`). */
export interface GradedPageDifference extends MarkdownDifference {
  /** The question whose answer holds it. */
  readonly question: number | null;
}
