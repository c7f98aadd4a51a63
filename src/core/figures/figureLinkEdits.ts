/**
 * Edits of the report text around figure links: point links at a renamed file, remove a link,
 * insert a new one. Each returns edits (or the new text) that change only the link's own bytes.
 *
 * Pure: no Node, DOM or Electron.
 */
import type { ReportDocument } from '../reportModel';
import { applyEdits, type TextEdit } from '../textEdit';
import { formatFigureTarget, normalizeFigurePath, percentEscape, type FigureLink } from './figureLink';
import { reportFigureLinks } from './scanFigureLinks';

function samePath(a: string, b: string, caseInsensitive: boolean): boolean {
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** An edit pointing `link` at `path` (relative to the report's folder), keeping its style. */
export function retargetEdit(link: FigureLink, path: string): TextEdit {
  let text = formatFigureTarget(path, link.rawTarget);
  if (link.kind === 'html') text = path.replace(/["'&<>\s]/g, percentEscape);
  return { start: link.targetStart, end: link.targetEnd, expect: link.rawTarget, text };
}

/**
 * Points every student link to `from` (a path relative to the report's folder, e.g.
 * `figures/a.png`) at `to` instead — images, links without `!`, code, `<img>` and reference
 * definitions, however the path was spelled (`./`, `%20`, `<...>`). The template's own example links
 * and every other byte stay as they are.
 */
export function renameFigureLinks(
  text: string,
  from: string,
  to: string,
  options: { caseInsensitive?: boolean; doc?: ReportDocument } = {},
): { text: string; changed: number } {
  const edits = renameFigureLinkEdits(text, from, to, options);
  if (edits.length === 0) return { text, changed: 0 };
  return { text: applyEdits(text, edits), changed: edits.length };
}

/** The edits of `renameFigureLinks` (against `text`), one per link, each link once. */
export function renameFigureLinkEdits(
  text: string,
  from: string,
  to: string,
  options: { caseInsensitive?: boolean; doc?: ReportDocument } = {},
): TextEdit[] {
  const fromPath = normalizeFigurePath(from);
  const toPath = normalizeFigurePath(to);
  const edits = new Map<string, TextEdit>();
  for (const l of reportFigureLinks(text, options.doc)) {
    if (!l.student || l.target.path === null) continue;
    if (!samePath(l.target.path, fromPath, options.caseInsensitive ?? false)) continue;
    const edit = retargetEdit(l, toPath);
    edits.set(`${edit.start}:${edit.end}`, edit);
  }
  return [...edits.values()];
}

/**
 * A figure file that moved (renamed, downscaled, converted, copied in): the figures service answers
 * this, and whoever holds the report's text points its links at the new path with relinkEdits.
 */
export interface FigureRelink {
  readonly from: string;
  readonly to: string;
  /** Links that differ from `from` only by case follow too (no other file differs from it only by case). */
  readonly caseInsensitive?: boolean;
}

/** The edits of `text` that make its student links to `relink.from` point at `relink.to`. */
export function relinkEdits(text: string, relink: FigureRelink, doc?: ReportDocument): TextEdit[] {
  return renameFigureLinkEdits(text, relink.from, relink.to, { caseInsensitive: relink.caseInsensitive, doc });
}

/** The line around `offset`, searched no further than `[from, to)` (default: the whole text). */
export function lineBounds(
  text: string,
  offset: number,
  from = 0,
  to = text.length,
): { start: number; end: number; next: number } {
  let start = offset;
  while (start > from && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
  const next = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : end < text.length ? 1 : 0);
  return { start, end, next };
}

/**
 * Removes question `question`'s links to `target` (all student links when `question` is null).
 * A line left holding nothing but whitespace or `<br>` goes too, with its line break; every other
 * byte stays. An answer emptied this way stays empty (setAnswer restores the placeholder on save).
 */
export function removeFigureLink(
  text: string,
  question: number | null,
  target: string,
  doc?: ReportDocument,
): { text: string; removed: number } {
  const path = normalizeFigurePath(target);
  const links = reportFigureLinks(text, doc).filter(
    (l) => l.student && (question === null || l.question === question) && l.target.path === path,
  );
  if (links.length === 0) return { text, removed: 0 };
  const ranges = links.map((l) =>
    l.kind === 'code' && l.code && !l.code.fence && l.code.only
      ? { start: l.code.start, end: l.code.end }
      : { start: l.start, end: l.end },
  );
  const unique = [...new Map(ranges.map((r) => [`${r.start}:${r.end}`, r])).values()].sort((a, b) => b.start - a.start);
  let out = text;
  for (const r of unique) {
    const line = lineBounds(out, r.start);
    const rest = out.slice(line.start, r.start) + out.slice(r.end, line.end);
    if (/^(?:\s|<br\s*\/?>)*$/i.test(rest)) {
      // The whole line goes. At the end of the text, the break before it goes instead.
      if (line.next === line.end && line.start > 0) {
        const before = out[line.start - 1] === '\n' && out[line.start - 2] === '\r' ? 2 : 1;
        out = out.slice(0, line.start - before) + out.slice(line.end);
      } else out = out.slice(0, line.start) + out.slice(line.next);
    } else {
      out = out.slice(0, r.start) + out.slice(r.end);
    }
  }
  return { text: out, removed: links.length };
}

/**
 * Inserts `markdown` (e.g. from imageMarkdown) at `offset` on its own line: a line break is added
 * before it when the line already has text before the offset, and after it when text follows.
 * Returns the new text and the offset just after the inserted link (where the next one goes).
 */
export function insertFigureLink(text: string, offset: number, markdown: string): { text: string; cursor: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const line = lineBounds(text, at);
  const eol = /\r\n/.test(text) ? '\r\n' : /\r(?!\n)/.test(text) && !text.includes('\n') ? '\r' : '\n';
  const before = text.slice(line.start, at).trim() !== '' ? eol : '';
  const after = text.slice(at, line.end).trim() !== '' ? eol : '';
  const inserted = before + markdown + after;
  return { text: text.slice(0, at) + inserted + text.slice(at), cursor: at + before.length + markdown.length };
}

/** A readable alt text from a file name: `gcp_bucket-view.png` → `gcp bucket view`. */
export function altFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const alt = stem
    .replace(/[-_.\s]+/g, ' ')
    .replace(/[\p{Cc}[\]]/gu, '')
    .trim();
  return alt === '' ? 'figure' : alt;
}
