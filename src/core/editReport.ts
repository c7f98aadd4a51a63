/**
 * Pure edits of a ReportDocument. Each returns a new document whose text differs from the old one
 * only inside the edited answer (or checkbox); everything else is the same bytes.
 */
import { parseReport } from './parseReport';
import { findQuestion, placeholderFor, type ReportDocument } from './reportModel';

function replaceSegment(doc: ReportDocument, index: number, text: string): ReportDocument {
  let out = '';
  doc.segments.forEach((segment, i) => {
    out += i === index ? text : segment.text;
  });
  return parseReport(out);
}

/**
 * Writes `answer` as question `number`'s answer, the way the checker reads it: after the
 * `Answer:` line, one blank line before and after, in the file's own line endings. An empty answer
 * restores the template's placeholder. Text that breaks the checker is written as typed — the
 * checker view reports it; silently altering a student's words would be worse.
 */
export function setAnswer(doc: ReportDocument, number: number, answer: string): ReportDocument {
  const question = findQuestion(doc, number);
  if (!question) throw new RangeError(`The report has no question ${number}`);
  const normalized = answer.replace(/\r\n?/g, '\n');
  if (normalized === question.answer) return doc;

  const eol = doc.lineEnding;
  const segment = doc.segments[question.answerSegment];
  const isLast = question.answerSegment === doc.segments.length - 1;
  const content = (normalized.trim() === '' ? placeholderFor(number) : normalized.replace(/\n+$/, ''))
    .split('\n')
    .join(eol);

  // What precedes the answer: the marker line's own line break (absent when the answer shared the
  // marker line or the marker ends the file), then one blank line.
  const before = doc.segments[question.promptSegment ?? question.headingSegment];
  const precededByBreak = /(?:\r\n|\n|\r)$/.test(before.text);
  const lead = (question.answerOnMarkerLine || !precededByBreak ? eol : '') + eol;
  // What follows: one blank line before the next heading; at the end of the file, a final line
  // break only if the file had one.
  const trail = isLast ? (/(?:\r\n|\n|\r)$/.test(segment.text) ? eol : '') : eol + eol;
  return replaceSegment(doc, question.answerSegment, lead + content + trail);
}

/** Ticks or clears checklist item `index` (0-based), changing only what stands between `[` and `]`. */
export function setChecked(doc: ReportDocument, index: number, checked: boolean): ReportDocument {
  const item = doc.checklist[index];
  if (!item) throw new RangeError(`The checklist has no item ${index}`);
  if (item.checked === checked && (checked ? /^[xX]$/.test(item.mark) : item.mark === ' ')) return doc;
  const segment = doc.segments[item.segment];
  const open = segment.text.indexOf('[');
  const close = segment.text.indexOf(']', open);
  const text = segment.text.slice(0, open + 1) + (checked ? 'x' : ' ') + segment.text.slice(close);
  return replaceSegment(doc, item.segment, text);
}
