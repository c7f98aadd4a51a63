/**
 * Graded-page differences of a whole report, answer by answer, with file lines: what
 * `report-editor check` lists. Uses the light scan (no markdown library), which finds what the
 * remark-based `gradedPage.ts` finds; the app's preview still uses that one.
 */
import { scanGradedPageDifferences } from './gradedDifferencesScan';
import type { GradedPageDifference, MarkdownDifference } from './gradedPageTypes';
import { mayRenderDifferentlyWhenGraded } from './gradedPageTriggers';
import { lineCounter } from './lineIndex';
import { parseReport } from './parseReport';
import type { ReportDocument } from './reportModel';

/**
 * Every place in the report's answers where `find` reports a difference, in file order, with
 * 1-based file lines. Only answers are scanned: the template's own text is the same for everyone.
 */
export function differencesByAnswer(
  text: string,
  doc: ReportDocument,
  find: (markdown: string, question: number) => MarkdownDifference[],
): GradedPageDifference[] {
  const lineOf = lineCounter(text);
  const found: GradedPageDifference[] = [];
  for (const q of doc.questions) {
    const segment = doc.segments[q.answerSegment];
    if (!segment || segment.text.trim() === '' || !mayRenderDifferentlyWhenGraded(segment.text)) continue;
    const firstLine = lineOf(segment.start);
    for (const d of find(segment.text, q.number)) found.push({ ...d, question: q.number, line: firstLine + d.line - 1 });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The graded-page differences of a report, found without loading a markdown parser. */
export function findGradedDifferences(text: string, doc: ReportDocument = parseReport(text)): GradedPageDifference[] {
  return differencesByAnswer(text, doc, scanGradedPageDifferences);
}
