/**
 * Pure text work behind the figure UI: how inserted links become paragraphs of their own, which
 * answers a whole-report text change (a rename, a fix, a downscale) touches, and which links a
 * question's thumbnails show.
 * Everything that reaches the report goes through the answer editors, so these only compute.
 */
import { questionsLinking } from '../../core/figures/figureDiskFindings';
import { scanFigureLinks } from '../../core/figures/scanFigureLinks';
import type { FigureLink } from '../../core/figures/figureLink';
import { parseReport } from '../../core/parseReport';
import { findQuestion, type ReportDocument } from '../../core/reportModel';
import { editorTextOf } from '../model/answerText';

/**
 * Inserts `markdown` links at `at` of `text`, each as a paragraph of its own: a blank line between
 * it and any text before or after it (what is already blank there is reused), so the graded page
 * shows the image on its own and never glues it to the sentence around it. A cursor in the middle
 * of a line splits that paragraph there (the spaces at the split go). The change is one
 * replacement of `from`..`to` by `insert`; `cursor` is just after the last link.
 */
export function insertLinksAt(
  text: string,
  at: number,
  markdown: readonly string[],
): { text: string; from: number; to: number; insert: string; cursor: number } {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  let from = Math.max(0, Math.min(at, text.length));
  let to = from;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const nextBreak = text.indexOf('\n', from);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const splitsLine = text.slice(lineStart, from).trim() !== '' && text.slice(from, lineEnd).trim() !== '';
  if (splitsLine) {
    while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    while (to < lineEnd && (text[to] === ' ' || text[to] === '\t')) to++;
  }
  const before = text.slice(0, from);
  const after = text.slice(to);
  const breaksBefore = before.trim() === '' ? 2 : newlineCount(/\s*$/.exec(before)?.[0] ?? '');
  const breaksAfter = after.trim() === '' ? 2 : newlineCount(/^\s*/.exec(after)?.[0] ?? '');
  const links = markdown.join(eol + eol);
  const prefix = eol.repeat(Math.max(0, 2 - breaksBefore));
  const insert = prefix + links + eol.repeat(Math.max(0, 2 - breaksAfter));
  return {
    text: before + insert + after,
    from,
    to,
    insert,
    cursor: from + prefix.length + links.length,
  };
}

const newlineCount = (space: string) => space.split('\n').length - 1;

/**
 * The answers (as their editors show them) that differ between two texts of the same report, or
 * null when anything outside the answers differs too (a heading, the checklist, text between
 * questions): such a change cannot be made through the answer editors.
 */
export function answerEdits(before: string, after: string): ReadonlyMap<number, string> | null {
  if (before === after) return new Map();
  const a = parseReport(before);
  const b = parseReport(after);
  if (a.segments.length !== b.segments.length) return null;
  const answerSegments = new Map(b.questions.map((q) => [q.answerSegment, q.number]));
  const seen = new Set<number>();
  const edits = new Map<number, string>();
  for (let i = 0; i < b.segments.length; i++) {
    const sa = a.segments[i];
    const sb = b.segments[i];
    if (sa.kind !== sb.kind) return null;
    if (sa.text === sb.text) continue;
    const number = answerSegments.get(i);
    if (number === undefined || seen.has(number)) return null;
    // A duplicated question number: only the first copy has an editor.
    const qa = findQuestion(a, number);
    const qb = findQuestion(b, number);
    if (!qa || !qb || qa.answerSegment !== i || qb.answerSegment !== i) return null;
    seen.add(number);
    const text = editorTextOf(qb);
    if (text !== editorTextOf(qa)) edits.set(number, text);
  }
  return edits;
}

/** The image-ish links of question `number`'s answer, for its thumbnails (offsets are the answer's). */
/**
 * The last links found under each question number, with the answer they were found in: every
 * store change (a save, a re-check after typing) asks all 31 cards, and only an answer whose text
 * changed is scanned again.
 */
const lastLinks = new Map<number, { readonly answer: string; readonly links: readonly FigureLink[] }>();

export function questionLinks(doc: ReportDocument, number: number): readonly FigureLink[] {
  const question = findQuestion(doc, number);
  if (!question || question.isPlaceholder) return [];
  const last = lastLinks.get(number);
  if (last?.answer === question.answer) return last.links;
  const links = scanFigureLinks(question.answer, number).filter((l) => l.target.path !== null || l.target.remote);
  lastLinks.set(number, { answer: question.answer, links });
  return links;
}

/** Same links for display purposes (kind, target, alt), so a thumbnail strip re-renders only on change. */
export function sameLinks(a: readonly FigureLink[], b: readonly FigureLink[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((l, i) => l.kind === b[i].kind && l.rawTarget === b[i].rawTarget && l.alt === b[i].alt))
  );
}

/** Whether any of the student's links in `text` still points at `path` (case-insensitively, as a laptop's disk would). */
export function isLinked(text: string, path: string): boolean {
  return questionsLinking(text, path) !== null;
}

/** `figures/q19-bucket.png` → `q19-bucket` (what the rename dialog starts with). */
export function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `figures/q19-bucket.png` → `q19-bucket.png`. */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `3.4 MB`, `820 kB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
