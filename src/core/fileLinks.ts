/**
 * Ordinary links from answers to files in the repo (`[Billing](figures/billing.csv)`,
 * `[our config](../configs/train.yaml)`): not figures, but a grader who clicks one on GitHub gets a
 * 404 when the file is not there. Image targets are left to figures/, URLs and anchors to no one.
 *
 * Pure: the disk check is in src/services/deadFileLinks.ts.
 */
import { figureTarget, IMAGE_EXTENSIONS } from './figures/figureLink';
import { lineCounter } from './lineIndex';
import { codeSpans } from './lineSyntax';
import { parseReport } from './parseReport';
import type { ReportDocument } from './reportModel';

export interface FileLink {
  readonly question: number;
  /** 1-based line of the link. */
  readonly line: number;
  /** Relative to the report's folder, `/` separators, `%20` decoded (figureTarget's reading). */
  readonly path: string;
}

/**
 * `[text](target)` or `[text](target "title")`, not preceded by `!`. No part may run past the next
 * bracket (text), the next `(`/`[`/`<` (target) or 500 characters (title): each attempt then
 * stops at the next link's start, so a pasted line of `[a](b` stays linear instead of quadratic.
 */
const LINK = /(^|[^!\\])\[([^[\]\n]*)\]\(\s*(<[^<>\n]*>|[^\s()[\]<]+)(?:\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?\s*\)/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Blanks out inline code spans (same length), so a link shown as code is not taken for a link. */
function withoutCodeSpans(line: string): string {
  const spans = codeSpans(line, 0, line.length);
  if (spans.length === 0) return line;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += line.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return out + line.slice(at);
}

export function localFileLinks(text: string, doc: ReportDocument = parseReport(text)): FileLink[] {
  const lineOf = lineCounter(text);
  const found: FileLink[] = [];
  for (const q of doc.questions) {
    const segment = doc.segments[q.answerSegment];
    if (!segment || !segment.text.includes('](')) continue;
    let fence: string | null = null;
    let offset = segment.start;
    for (const line of segment.text.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      const opened = FENCE.exec(line);
      if (fence !== null) {
        if (opened && opened[1][0] === fence[0] && opened[1].length >= fence.length) fence = null;
        continue;
      }
      if (opened) {
        fence = opened[1];
        continue;
      }
      if (/^( {4}|\t)/.test(line) || !line.includes('](')) continue;
      for (const m of withoutCodeSpans(line).matchAll(LINK)) {
        const target = figureTarget(m[3]);
        if (target.remote || target.absolute || target.path === null || target.path === '') continue;
        if (IMAGE_EXTENSIONS.includes(target.extension)) continue;
        found.push({ question: q.number, line: lineOf(start + (m.index ?? 0) + m[1].length), path: target.path });
      }
    }
  }
  return found;
}
