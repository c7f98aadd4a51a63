import type { TextEdit } from './textEdit';

/** The shape of a graded-page difference, shared by the remark-based finder and the light scan. */
export type GradedPageDifferenceKind =
  | 'fenced-code'
  | 'list-needs-blank-line'
  | 'nested-list-indent'
  | 'table'
  | 'strikethrough'
  | 'task-list'
  | 'bare-url'
  /** Found by comparing the two renderings (gradedCompare.ts). */
  | 'code-block-lost'
  | 'heading-lost'
  | 'heading-only-graded'
  | 'becomes-code'
  | 'footnote'
  /** Not a difference: the answer was not analysed (too large or pathological), see renderGuard. */
  | 'not-analysed';

/** An edit that gives the graded page what the student meant (offsets within the markdown). */
export interface MarkdownFix {
  readonly label: string;
  readonly edits: readonly TextEdit[];
}

/** A difference found in one piece of markdown; `line` is 1-based within that markdown. */
export interface MarkdownDifference {
  readonly kind: GradedPageDifferenceKind;
  readonly line: number;
  /** What the graded page will show there, and how to get what the student meant. */
  readonly message: string;
  /** Fixes, when an edit helps; in a `GradedPageDifference`, offsets are in the whole file. */
  readonly fixes?: readonly MarkdownFix[];
}

/** A difference in a report file: same shape as the checker's warnings (`ReportWarning`). */
export interface GradedPageDifference extends MarkdownDifference {
  /** The question whose answer holds it. */
  readonly question: number | null;
}
