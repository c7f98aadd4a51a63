/**
 * The answer editor's markdown colours. CodeMirror's `defaultHighlightStyle` hard-codes colours
 * for a white page (#404740 marks, #219 URLs: about 1.7:1 and 1.2:1 on the dark surface), so the
 * marks, links and code of an answer were near invisible in dark mode. These rules take their
 * colours from the theme's CSS variables (`--syntax-*` in styles/app.css, each at least 4.5:1 on
 * the editor's surface in light and in dark) and cover every tag the markdown parser emits; text
 * with no rule keeps the editor's own text colour.
 */
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

export const markdownHighlightStyle = HighlightStyle.define([
  // `#`, `*`, `_`, backticks, `>`, list bullets, `[`, `](`, table pipes: present but quiet.
  { tag: [t.meta, t.processingInstruction, t.contentSeparator], color: 'var(--syntax-mark)' },
  { tag: t.heading, fontWeight: 'bold', color: 'var(--syntax-heading)' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: 'bold' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.link, color: 'var(--syntax-link)' },
  { tag: t.url, color: 'var(--syntax-link)', textDecoration: 'underline' },
  { tag: [t.labelName, t.string], color: 'var(--syntax-link)' },
  { tag: t.monospace, fontFamily: 'var(--mono)', color: 'var(--syntax-code)' },
  { tag: t.quote, color: 'var(--syntax-quote)', fontStyle: 'italic' },
  // Backslash escapes, `&amp;` entities, task boxes `[x]`.
  { tag: [t.escape, t.character, t.atom], color: 'var(--syntax-special)' },
  { tag: t.comment, color: 'var(--syntax-mark)', fontStyle: 'italic' },
]);
