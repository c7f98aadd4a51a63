/**
 * Everything the detectors share about one text: its lines, its parse, the template it came from,
 * and each question's zone in line numbers.
 */
import { checkReport, type CheckResult } from '../checkReport';
import type { CheckerProfile } from '../constraints';
import { parseReport } from '../parseReport';
import type { Question, ReportDocument } from '../reportModel';
import { detectTemplate } from '../templateVersion';
import type { FindingKind, FixOption, Severity } from './types';
import { templateIndex, type TemplateIndex } from './templateIndex';
import { lineIndexAt, splitTextLines, type LineEdit, type TextLine, type TextLines } from './textLines';

/** A question heading, as the parser recognises it (any level, any case). */
export { QUESTION_HEADING } from '../reportBoundaries';
/** The parser's `Answer:` line: the marker opens the line (after quote marks and emphasis). */
export const MARKER_LINE = /^[ \t]*(?:>[ \t]*)*(?:[*_]{1,3})?Answer:/;
/** A markdown ATX heading line. */
export const HEADING_LINE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** `---`, `***`, `___` alone: a thematic break. */
export const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export interface QuestionZone {
  readonly question: Question;
  /** Position among the parser's questions (file order). */
  readonly order: number;
  /** 0-based line indices: the heading, the first answer line, and the first line after the zone. */
  readonly heading: number;
  readonly answerStart: number;
  readonly end: number;
  /** The `Answer:` line, or null when it was deleted. */
  readonly marker: number | null;
}

export interface DoctorContext {
  readonly text: string;
  readonly textLines: TextLines;
  readonly lines: readonly TextLine[];
  readonly doc: ReportDocument;
  readonly profile: CheckerProfile;
  readonly version: string | null;
  readonly template: TemplateIndex;
  readonly zones: readonly QuestionZone[];
  readonly check: CheckResult;
  /** The zone a line belongs to, or null outside questions. */
  readonly zoneAt: (line: number) => QuestionZone | null;
  /** Lines inside fenced code blocks of answers (fences are tracked per answer only). */
  readonly inFence: readonly boolean[];
  /** Lines an earlier detector already explains (e.g. a swallowed question's `Answer:` line). */
  readonly claimedLines: Set<number>;
  /** First lines of questions whose heading a fix restores: where the answer above really ends. */
  readonly restoredStarts: Set<number>;
}

export interface DraftFix {
  readonly label: string;
  readonly options?: readonly FixOption[];
  readonly edits: (option: string) => readonly LineEdit[];
}

/** A finding before its id and final severity are settled. */
export interface Draft {
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** 0-based line, or null. */
  readonly line: number | null;
  readonly question: number | null;
  readonly message: string;
  readonly fix?: DraftFix;
  /**
   * Decide the severity by applying the default fix alone and re-running the checker: a changed
   * answer count means the finding breaks the checker, changed counts mean it changes the grade.
   */
  readonly simulate?: boolean;
}

const FENCE = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})/;

export function createContext(text: string, profile: CheckerProfile): DoctorContext {
  const textLines = splitTextLines(text);
  const { lines } = textLines;
  const doc = parseReport(text, lines);
  const detected = detectTemplate(text, doc);
  const version = detected && detected.version !== 'unknown' && detected.generation === profile.generation ? detected.version : null;
  const template = templateIndex(profile.generation, version);

  const zones: QuestionZone[] = doc.questions.map((q, order) => {
    const heading = lineIndexAt(lines, doc.segments[q.headingSegment].start);
    const answer = doc.segments[q.answerSegment];
    const answerEndOffset = answer.start + answer.text.length;
    const end = answer.text.length === 0 ? lineIndexAt(lines, answer.start) + (answer.start >= text.length ? 1 : 0) : lineIndexAt(lines, answerEndOffset - 1) + 1;
    let answerStart = answer.start >= text.length ? lines.length : lineIndexAt(lines, answer.start);
    if (answer.text.length === 0) answerStart = Math.min(answerStart, end);
    let marker: number | null = null;
    if (q.hasAnswerMarker) {
      for (let i = heading + 1; i < end; i++) {
        if (MARKER_LINE.test(lines[i].content)) {
          marker = i;
          break;
        }
      }
    }
    return { question: q, order, heading, answerStart, end: Math.max(end, heading + 1), marker };
  });

  const owner: (QuestionZone | null)[] = new Array(lines.length).fill(null);
  for (const zone of zones) for (let i = zone.heading; i < zone.end && i < lines.length; i++) owner[i] = zone;

  const inFence: boolean[] = new Array(lines.length).fill(false);
  for (const zone of zones) {
    let fence: string | null = null;
    const from = zone.marker !== null && zone.question.answerOnMarkerLine ? zone.marker + 1 : zone.answerStart;
    for (let i = from; i < zone.end && i < lines.length; i++) {
      const m = FENCE.exec(lines[i].content);
      if (fence === null) {
        if (m) {
          fence = m[1];
          inFence[i] = true;
        }
      } else {
        inFence[i] = true;
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = null;
      }
    }
  }

  return {
    text,
    textLines,
    lines,
    doc,
    profile,
    version,
    template,
    zones,
    check: checkReport(text, profile),
    zoneAt: (line) => owner[line] ?? null,
    inFence,
    claimedLines: new Set<number>(),
    restoredStarts: new Set<number>(),
  };
}
