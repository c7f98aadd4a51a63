/**
 * The graded-page differences the app shows: block-level ones from comparing an answer's two real
 * renderings (`gradedCompare.ts`), inline ones (strikethrough, task boxes, bare URLs — they leave
 * the blocks alone) from the remark-based finder. `report-editor check` keeps the light scan
 * (`gradedDifferences.ts`), which never loads remark.
 */
import { compareRenderings } from './gradedCompare';
import { findGradedPageDifferencesInMarkdown } from './gradedPage';
import type { GradedPageDifferenceKind, MarkdownDifference } from './gradedPageTypes';

/** What only the remark-based finder names: differences inside a block, not of its kind. */
const INLINE_KINDS: ReadonlySet<GradedPageDifferenceKind> = new Set(['strikethrough', 'task-list', 'bare-url', 'not-analysed']);

/** The differences of one answer (lines and fix offsets within `markdown`). */
export function renderedDifferencesInMarkdown(markdown: string): MarkdownDifference[] {
  const inline = findGradedPageDifferencesInMarkdown(markdown);
  // An answer too large or too complex is not rendered twice either: its note says so.
  if (inline.some((d) => d.kind === 'not-analysed')) return inline;
  return [...compareRenderings(markdown), ...inline.filter((d) => INLINE_KINDS.has(d.kind))].sort((a, b) => a.line - b.line);
}
