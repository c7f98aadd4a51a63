/**
 * The lossless document model of a report. The text is cut into consecutive segments; every
 * structural fact points at a segment, and serialising is concatenation. Nothing is ever
 * reformatted: an edit replaces one segment's text and re-parses.
 */
import type { Range } from './constraints';

export type LineEnding = '\n' | '\r\n' | '\r';

export type SegmentKind =
  | 'bom'
  | 'frontMatter'
  | 'title'
  | 'preamble'
  | 'checklistHeading'
  | 'checklistGroupHeading'
  | 'checklistItem'
  | 'sectionHeading'
  | 'sectionIntro'
  | 'questionHeading'
  | 'prompt'
  | 'answer'
  /** Text that fits nowhere in the template's structure, kept verbatim. */
  | 'other';

export interface Segment {
  readonly kind: SegmentKind;
  readonly text: string;
  /** Offset of the segment in the whole text (UTF-16 units). */
  readonly start: number;
}

export interface ChecklistItem {
  /** 0-based position among all checklist items. */
  readonly index: number;
  readonly group: string | null;
  /** The item's text without the box and the module tag, continuation lines joined. */
  readonly text: string;
  /** e.g. `M5`, `M2+M6`; null when the item has none. */
  readonly module: string | null;
  readonly checked: boolean;
  /** What stands between the brackets, e.g. ` `, `x`, `ok`. */
  readonly mark: string;
  readonly segment: number;
  readonly line: number;
}

export interface Section {
  readonly title: string;
  readonly segment: number;
  readonly line: number;
  /** Question numbers under this section, in file order. */
  readonly questions: readonly number[];
}

export interface Question {
  readonly number: number;
  readonly section: string | null;
  readonly headingSegment: number;
  readonly promptSegment: number | null;
  readonly answerSegment: number;
  /** The bold prompt text, `>` and `**` removed, lines joined with spaces. */
  readonly prompt: string;
  readonly declaredWords: Range | null;
  readonly declaredImages: Range | null;
  readonly example: string | null;
  /** False when the `Answer:` line was deleted (the checker then shifts every later answer). */
  readonly hasAnswerMarker: boolean;
  /** True when the answer starts on the `Answer:` line itself. */
  readonly answerOnMarkerLine: boolean;
  /** The answer as the student wrote it, blank lines around it removed, LF line endings. */
  readonly answer: string;
  readonly isPlaceholder: boolean;
  /** 1-based line of the question heading and of the answer's first line. */
  readonly headingLine: number;
  readonly answerLine: number;
}

export interface ReportDocument {
  readonly segments: readonly Segment[];
  readonly lineEnding: LineEnding;
  readonly hasBom: boolean;
  readonly hasFrontMatter: boolean;
  readonly title: string | null;
  readonly checklist: readonly ChecklistItem[];
  readonly checklistGroups: readonly string[];
  readonly sections: readonly Section[];
  readonly questions: readonly Question[];
}

export function serializeReport(doc: ReportDocument): string {
  let out = '';
  for (const segment of doc.segments) out += segment.text;
  return out;
}

export function findQuestion(doc: ReportDocument, number: number): Question | undefined {
  return doc.questions.find((q) => q.number === number);
}

export function placeholderFor(number: number): string {
  return `--- question ${number} fill here ---`;
}
