/**
 * The graded page: what `python report.py html` writes for a report. It reads the file as text
 * (universal newlines), drops the first 43 characters (code points, as Python counts them) and
 * renders the rest with Python-Markdown, no extensions; the file holds exactly that string.
 */
import { codePointOffset, normalizeNewlines } from '../pythonText';
import { markdownToHtml } from './markdown';

/** Characters `report.py html` cuts from the front of the report before rendering. */
export const GRADED_PAGE_CUT = 43;

export function renderGradedPage(reportText: string): string {
  const text = normalizeNewlines(reportText);
  return markdownToHtml(text.slice(codePointOffset(text, GRADED_PAGE_CUT)));
}

/** One answer's text rendered the way the graded page renders it (no cut). */
export function renderGradedAnswer(answerText: string): string {
  return markdownToHtml(normalizeNewlines(answerText));
}
