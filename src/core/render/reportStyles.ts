/**
 * The stylesheet of a rendered report, scoped to `.report-body`: inlined into the exported HTML and
 * injected once by the preview, so both look the same. Readable on screen, sensible on paper
 * (no breaks inside figures, code or table rows; link targets printed after external links).
 */
export const REPORT_BODY_CLASS = 'report-body';

export const REPORT_CSS = `
.report-body {
  --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --soft: #f6f8fa; --accent: #0969da;
  --warn-bg: #fff8c5; --warn-border: #d4a72c; --missing-bg: #ffebe9; --missing-border: #cf222e;
  color: var(--text);
  font: 16px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  max-width: 860px;
  margin: 0 auto;
  padding: 2rem 1.5rem 4rem;
  overflow-wrap: break-word;
}
.report-body > :first-child { margin-top: 0; }
.report-body h1, .report-body h2, .report-body h3, .report-body h4, .report-body h5, .report-body h6 {
  line-height: 1.25; margin: 1.6em 0 0.6em; font-weight: 600;
}
.report-body h1 { font-size: 2em; padding-bottom: 0.3em; border-bottom: 1px solid var(--border); }
.report-body h2 { font-size: 1.5em; padding-bottom: 0.3em; border-bottom: 1px solid var(--border); }
.report-body h3 { font-size: 1.25em; }
.report-body h4 { font-size: 1em; }
.report-body p, .report-body ul, .report-body ol, .report-body blockquote, .report-body pre,
.report-body table, .report-body details { margin: 0 0 1em; }
.report-body ul, .report-body ol { padding-left: 2em; }
.report-body li + li { margin-top: 0.25em; }
.report-body li.task-list-item { list-style: none; }
.report-body li.task-list-item input { margin: 0 0.4em 0.2em -1.4em; vertical-align: middle; }
.report-body a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
.report-body blockquote { padding: 0 1em; color: var(--muted); border-left: 0.25em solid var(--border); }
.report-body code, .report-body kbd, .report-body samp, .report-body pre {
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.875em;
}
.report-body :not(pre) > code { padding: 0.15em 0.35em; background: var(--soft); border-radius: 6px; }
.report-body pre { padding: 1em; overflow: auto; background: var(--soft); border-radius: 6px; line-height: 1.45; }
.report-body pre code { white-space: pre; }
.report-body table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
.report-body th, .report-body td { padding: 0.4em 0.8em; border: 1px solid var(--border); }
.report-body tr:nth-child(2n) { background: var(--soft); }
.report-body img { max-width: 100%; height: auto; }
.report-body hr { height: 0; border: 0; border-top: 1px solid var(--border); margin: 1.5em 0; }
.report-body .missing-image {
  display: inline-block; min-width: 14em; max-width: 100%; padding: 0.8em 1em; margin: 0.2em 0;
  background: var(--missing-bg); border: 2px dashed var(--missing-border); border-radius: 6px;
  color: var(--text); font-size: 0.9em; line-height: 1.4; vertical-align: middle;
}
.report-body .graded-diff { outline: 2px dashed var(--warn-border); outline-offset: 4px; }
.report-body .graded-note {
  margin: -0.3em 0 1em; padding: 0.5em 0.8em; background: var(--warn-bg);
  border-left: 4px solid var(--warn-border); border-radius: 4px; font-size: 0.875em; line-height: 1.45;
}
.report-body .guarded-note {
  margin: 0 0 0.4em; padding: 0.5em 0.8em; background: var(--warn-bg);
  border-left: 4px solid var(--warn-border); border-radius: 4px; font-size: 0.875em; line-height: 1.45;
}
.report-body .guarded-block pre { white-space: pre-wrap; overflow-wrap: anywhere; }
@media print {
  @page { margin: 18mm 16mm; }
  .report-body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  .report-body h1, .report-body h2, .report-body h3, .report-body h4 { break-after: avoid; page-break-after: avoid; }
  .report-body img, .report-body pre, .report-body tr, .report-body blockquote, .report-body .missing-image {
    break-inside: avoid; page-break-inside: avoid;
  }
  .report-body pre, .report-body pre code { white-space: pre-wrap; }
  .report-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #444; overflow-wrap: anywhere; }
  .report-body .graded-diff { outline: none; }
  .report-body .graded-note { display: none; }
  .report-body img { max-height: 95vh; }
}
`;
