/**
 * Where the graded page will differ, for the previews and the problems panel. Scanning a whole
 * report takes tens of milliseconds, so each answer's result is kept by its text: after an edit
 * only the edited answer is scanned again.
 */
import {
  analysisBudget,
  findGradedPageDifferencesInMarkdown,
  notAnalysed,
  type GradedPageDifference,
  type MarkdownDifference,
} from '../../core/gradedPage';
import type { ReportDocument } from '../../core/reportModel';

const MAX_CACHED = 400;
const cache = new Map<string, readonly MarkdownDifference[]>();

/** The differences in one piece of markdown (lines counted within it), cached by its text. */
export function differencesInMarkdown(markdown: string): readonly MarkdownDifference[] {
  const hit = cache.get(markdown);
  if (hit) {
    // Most recently used last, so the oldest entry is the one dropped.
    cache.delete(markdown);
    cache.set(markdown, hit);
    return hit;
  }
  const found = findGradedPageDifferencesInMarkdown(markdown);
  cache.set(markdown, found);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return found;
}

/** Every difference in the report's answers, with file lines (as `findGradedPageDifferences`). */
export function differencesInReport(doc: ReportDocument): GradedPageDifference[] {
  const found: GradedPageDifference[] = [];
  // 1-based line of each segment's start, counted once through the segments in order.
  const startLine: number[] = [];
  let line = 1;
  for (const segment of doc.segments) {
    startLine.push(line);
    const breaks = segment.text.match(/\r\n|\r|\n/g);
    line += breaks ? breaks.length : 0;
  }
  const budget = analysisBudget();
  for (const q of doc.questions) {
    const segment = doc.segments[q.answerSegment];
    if (!segment || segment.text.trim() === '') continue;
    const skipped = budget(segment.text);
    for (const d of skipped ? [notAnalysed(skipped, q.number)] : differencesInMarkdown(segment.text)) {
      found.push({ ...d, question: q.number, line: startLine[q.answerSegment] + d.line - 1 });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
