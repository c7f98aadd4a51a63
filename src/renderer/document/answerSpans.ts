/**
 * Where each answer editor's text lies in the report: the span of file bytes it is a view of. The
 * spans come from the parse when the report is opened (or its structure changes) and are then
 * moved through every change, so that typing a blank line at the end of an answer is that blank
 * line in the file — nothing around it is re-derived or rewritten.
 */
import { answerContentRange } from '../../core/answerContent';
import { placeholderFor, type ReportDocument } from '../../core/reportModel';
import type { TextEdit } from '../../core/textEdit';

export interface AnswerSpan {
  readonly start: number;
  readonly end: number;
}

/** How a set of edits falls on the spans. */
export interface EditPlacement {
  /** The answers whose spans hold edits. */
  readonly answers: ReadonlySet<number>;
  /** Some edit lies outside every answer, or across an answer's edge. */
  readonly outside: boolean;
}

export class AnswerSpans {
  private spans = new Map<number, AnswerSpan>();

  constructor(doc: ReportDocument) {
    this.rebuild(doc);
  }

  /** Takes the spans from the parse (the first copy of a duplicated question has the editor). */
  rebuild(doc: ReportDocument): void {
    const spans = new Map<number, AnswerSpan>();
    for (const q of doc.questions) {
      if (spans.has(q.number)) continue;
      const segment = doc.segments[q.answerSegment];
      const range = answerContentRange(segment.text, q.answerOnMarkerLine);
      spans.set(q.number, { start: segment.start + range.start, end: segment.start + range.end });
    }
    this.spans = spans;
  }

  get(number: number): AnswerSpan | undefined {
    return this.spans.get(number);
  }

  /** Which answers `edits` (against the text the spans describe) change. */
  place(edits: readonly TextEdit[]): EditPlacement {
    const answers = new Set<number>();
    let outside = false;
    for (const edit of edits) {
      let home: number | null = null;
      for (const [number, span] of this.spans) {
        if (edit.start >= span.start && edit.end <= span.end) {
          home = number;
          break;
        }
      }
      if (home === null) outside = true;
      else answers.add(home);
    }
    return { answers, outside };
  }

  /**
   * Moves the spans through `edits` (sorted, against the text before). An edit inside a span grows
   * or shrinks it; `into` names the answer an insertion at a span's edge belongs to (the one typed
   * in). False when an edit crossed a span's edge: the spans must then be rebuilt from the parse.
   */
  map(edits: readonly TextEdit[], into?: number): boolean {
    let intact = true;
    // In place, and with forEach: a new Map and an entry array per answer were ~5 kB of garbage
    // on every key (the spans are this object's own; nobody else holds the Map).
    this.spans.forEach((span, number) => {
      let { start, end } = span;
      let shift = 0;
      for (const e of edits) {
        const delta = e.text.length - (e.end - e.start);
        const inside = e.start >= span.start && e.end <= span.end;
        const atEdge = e.start === e.end && (e.start === span.start || e.start === span.end);
        if (inside && (!atEdge || into === number || span.start === span.end)) end += delta;
        else if (e.end <= span.start) shift += delta;
        else if (e.start >= span.end) continue;
        else intact = false;
      }
      start += shift;
      end += shift;
      if (start !== span.start || end !== span.end) this.spans.set(number, { start, end });
    });
    return intact;
  }
}

/** What an answer's editor shows for the file bytes of its span: LF lines, the placeholder as empty. */
export function editorTextIn(
  text: { slice(start: number, end: number): string },
  span: AnswerSpan,
  number: number,
): string {
  let slice = text.slice(span.start, span.end);
  if (slice.indexOf('\r') !== -1) slice = slice.replace(/\r\n?/g, '\n');
  const trimmed = slice.trim();
  return trimmed === '' || trimmed === placeholderFor(number) ? '' : slice;
}
