/**
 * Where the graded page will differ, for the previews and the problems panel (see
 * `core/gradedDifferencesRendered.ts`: the two renderings compared, plus the inline kinds).
 * Scanning a whole report takes tens of milliseconds, so each answer's result is kept by its
 * text: after an edit only the edited answer is scanned again.
 */
import {
  analysisBudget,
  notAnalysed,
  type GradedPageDifference,
  type MarkdownDifference,
} from '../../core/gradedPage';
import { renderedDifferencesInMarkdown } from '../../core/gradedDifferencesRendered';
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
  const found = renderedDifferencesInMarkdown(markdown);
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
      // Fixes move from the answer's offsets to the file's.
      const fixes = d.fixes?.map((fix) => ({
        label: fix.label,
        edits: fix.edits.map((e) => ({ ...e, start: e.start + segment.start, end: e.end + segment.start })),
      }));
      found.push({ ...d, question: q.number, line: startLine[q.answerSegment] + d.line - 1, ...(fixes ? { fixes } : {}) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
