/**
 * Whether raw HTML starts a block depends on what is before its `<` on the line: at most three
 * characters that Python's `str.strip()` removes. That is Python's whitespace, not JavaScript's:
 * U+001C–U+001F and U+0085 count, a BOM (U+FEFF) does not. The same strip decides whether a
 * start tag ends cleanly in `>` or `/>`. Expected HTML is what Debian's Python-Markdown 3.4.1
 * returned for each input (`markdown.markdown(text)`).
 */
import { rendersAsPython } from './pythonCases';

const PYTHON: [string, string][] = [
  ["\ufeff<div>", "<p>\ufeff<div></p>"],
  ["\ufeff<!---->", "<p>\ufeff<!----></p>"],
  ["\u001c<details>F", "<details>F"],
  ["\u001f<script> ", "<script>"],
  ["\u0085<div <>", "<div <>"],
  ["e\n\u0085<hr>", "<p>e\n\u0085<hr>\n</p>"],
  [" \ufeff<div>\n\nx", "<p>\ufeff<div></p>\n<p>x</p>"],
  ["\u001d<div>\na\n</div>\n\nb", "<div>\na\n</div>\n\n<p>b</p>"],
  ["<div \u001e>x</div>", "<div \u001e>x</div>"],
  ["<div\u0085>\n\nx", "<p><div\u0085></p>\n<p>x</p>"],
  ["<br \ufeff>", "<p><br \ufeff></p>"],
];

rendersAsPython("raw HTML after Python-only whitespace or a BOM, as Python-Markdown 3.4.1 reads it", PYTHON);
