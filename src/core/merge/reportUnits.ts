/**
 * A report cut into the units a merge aligns: every line of template text (headings, prompts,
 * front matter, anything outside answers and boxes) is one unit, and every answer and every
 * checklist box is one *slot* — a unit that stands for its whole text. Aligning the sides by these
 * units makes the line merge see an answer as one line that never changes (it is matched by its
 * question), so answers and boxes are merged one by one, and the template around them line by line.
 * Concatenating the units' texts gives back the report byte for byte.
 */
import { answerContent } from '../answerContent';
import { parseReport } from '../parseReport';
import type { LineEnding, ReportDocument } from '../reportModel';

export interface AnswerSlot {
  readonly kind: 'answer';
  readonly id: string;
  readonly question: number;
  /** The answer segment's exact text (blank lines around the answer included). */
  readonly text: string;
  /** The answer as the student wrote it (LF line endings, blank lines around it removed). */
  readonly answer: string;
}

export interface BoxSlot {
  readonly kind: 'box';
  readonly id: string;
  readonly text: string;
  readonly checked: boolean;
}

export type Slot = AnswerSlot | BoxSlot;

/** A unit: a line of template text (its line break included), or a slot. */
export type Unit = { readonly text: string; readonly slot?: undefined } | { readonly text?: undefined; readonly slot: string };

export interface ReportUnits {
  readonly doc: ReportDocument;
  readonly units: readonly Unit[];
  readonly slots: ReadonlyMap<string, Slot>;
  readonly lineEnding: LineEnding;
}

/** The lines of a piece of text, each with its terminator (the last may have none). */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  // Each of the next LF and CR is searched again only once passed: no quadratic rescans.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (from < text.length) {
    if (lf !== -1 && lf < from) lf = text.indexOf('\n', from);
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    let end = lf;
    if (cr !== -1 && (end === -1 || cr < end)) end = text[cr + 1] === '\n' ? cr + 1 : cr;
    const to = end === -1 ? text.length : end + 1;
    lines.push(text.slice(from, to));
    from = to;
  }
  return lines;
}

function boxKey(group: string | null, text: string, module: string | null): string {
  return `${group ?? ''}\u0000${text.replace(/\s+/g, ' ').trim().toLowerCase()}\u0000${module ?? ''}`;
}

export function reportUnits(text: string): ReportUnits {
  const doc = parseReport(text);
  const units: Unit[] = [];
  const slots = new Map<string, Slot>();
  const seen = new Map<string, number>();
  // The same question number or the same box text twice gets a second, distinct slot.
  const uniqueId = (base: string) => {
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  };
  const answerOf = new Map(doc.questions.map((q) => [q.answerSegment, q]));
  const boxOf = new Map(doc.checklist.map((item) => [item.segment, item]));
  doc.segments.forEach((segment, index) => {
    const question = answerOf.get(index);
    if (question) {
      const id = uniqueId(`answer:${question.number}`);
      slots.set(id, {
        kind: 'answer',
        id,
        question: question.number,
        text: segment.text,
        answer: answerContent(segment.text, question.answerOnMarkerLine),
      });
      units.push({ slot: id });
      return;
    }
    const item = boxOf.get(index);
    if (item) {
      const id = uniqueId(`box:${boxKey(item.group, item.text, item.module)}`);
      slots.set(id, { kind: 'box', id, text: segment.text, checked: item.checked });
      units.push({ slot: id });
      return;
    }
    for (const line of linesOf(segment.text)) units.push({ text: line });
  });
  return { doc, units, slots, lineEnding: doc.lineEnding };
}
