/**
 * Pure text work behind the figure UI: where inserted links go, which answers a whole-report text
 * change (a rename, a fix, a downscale) touches, and which links a question's thumbnails show.
 * Everything that reaches the report goes through the answer editors, so these only compute.
 */
import { insertFigureLink } from '../../core/figures/figureLinkEdits';
import { reportFigureLinks, scanFigureLinks } from '../../core/figures/scanFigureLinks';
import type { FigureLink } from '../../core/figures/figureLink';
import { parseReport } from '../../core/parseReport';
import { findQuestion, type ReportDocument } from '../../core/reportModel';
import { editorTextOf } from '../model/answerText';

/**
 * Inserts `markdown` links at `at` of `text`, each on its own line (the core's rule: a line break
 * before when text precedes on the line, after when text follows). The links land together, so the
 * change is one insertion at `from`; `cursor` is just after the last link.
 */
export function insertLinksAt(
  text: string,
  at: number,
  markdown: readonly string[],
): { text: string; from: number; insert: string; cursor: number } {
  const from = Math.max(0, Math.min(at, text.length));
  let out = text;
  let cursor = from;
  for (const link of markdown) {
    const next = insertFigureLink(out, cursor, link);
    out = next.text;
    cursor = next.cursor;
  }
  const insert = out.slice(from, from + out.length - text.length);
  return { text: out, from, insert, cursor };
}

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
  const wanted = path.toLowerCase();
  return reportFigureLinks(text).some((l) => l.student && l.target.path?.toLowerCase() === wanted);
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
