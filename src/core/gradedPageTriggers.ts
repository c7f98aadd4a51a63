/**
 * A quick, conservative test of whether a piece of markdown can render differently on the graded
 * page (Python-Markdown, no extensions) than on GitHub at all. Every difference `gradedPage` finds
 * needs one of these in the text: a ``` or ~~~ fence, a list marker at the start of a line (lists
 * glued to a paragraph, nested lists, task boxes), a `|` or an aligned delimiter row such as `:-`
 * (tables; a one-column table needs no pipe), a `~` (strikethrough), or what
 * GitHub's literal autolinks start from (`www.`, `://`, `@`, `mailto:`, `xmpp:`).
 *
 * Three in four real answers have none of them; for those the markdown parser (the slowest part
 * of `report-editor check`, and the only reason it would load remark) need not run.
 */
const INLINE_TRIGGER = /[~|@]|`{3}|www\.|:\/\/|mailto:|xmpp:/i;
/** A bullet or ordered-list marker opening a line, also inside block quotes. */
const LIST_MARKER = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t\r]|$)/m;

/** A table's delimiter row without a pipe: only `-`, `:` and blanks, with both a `-` and a `:`. */
const PIPELESS_DELIMITER_ROW = /^[ \t>]*(?=[-: \t]*:)(?=[-: \t]*-)[-: \t]+\r?$/m;

/** False only when `markdown` certainly renders the same on the graded page as on GitHub. */
export function mayRenderDifferentlyWhenGraded(markdown: string): boolean {
  return INLINE_TRIGGER.test(markdown) || LIST_MARKER.test(markdown) || PIPELESS_DELIMITER_ROW.test(markdown);
}
