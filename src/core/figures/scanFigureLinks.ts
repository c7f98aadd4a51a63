/**
 * Finds every figure link of a report, as the student, the course's checker and GitHub each see it.
 *
 * The checker counts `!\[.*?\]\(.*?\)` on one line and nothing else; GitHub renders CommonMark;
 * the grader's HTML comes from Python-Markdown. A link can pass one and fail another (no `!`, inside
 * backticks, a path with spaces, an `<img>` tag), so every image-ish construct is found here with
 * its exact position and whether the checker counts it.
 *
 * Pure: no Node, DOM or Electron. Over 400 lines on purpose: one concept, one pass over the lines
 * (`scanRange` is a single state machine over fences, code spans, HTML blocks and definitions);
 * cut in two, each half would need the other's state.
 */
import { lineCounter } from '../lineIndex';
import { type CodeSpan, codeSpans, LineSyntax, spanHolding } from '../lineSyntax';
import { parseReport } from '../parseReport';
import type { ReportDocument, SegmentKind } from '../reportModel';
import { IMAGE_EXTENSIONS, figureTarget, type FigureLink, type FigureLinkKind, type FigureTarget } from './figureLink';

interface Line {
  start: number;
  end: number; // without the line break
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos < to) {
    let end = pos;
    while (end < to && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    lines.push({ start: pos, end });
    if (end >= to) break;
    pos = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return lines;
}


interface RawLink {
  bang: boolean;
  start: number;
  end: number;
  alt: string;
  /** Inline links: the target as written. */
  targetStart?: number;
  targetEnd?: number;
  /** Reference images: the label. */
  label?: string;
}

/** Starts only where a run of blanks starts: inside a long run each start would rescan it. */
const TITLE_AT_END = /(?<![ \t])[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*$/;

/** Parses `(target "title")` at `open` leniently: spaces in the target are kept, as the checker does. */
function inlineDestination(
  text: string,
  open: number,
  line: LineSyntax,
): { targetStart: number; targetEnd: number; end: number } | null {
  const limit = line.end;
  let j = open + 1;
  while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === '<') {
    const close = line.nextGreaterThan(j);
    if (close !== -1) {
      let k = close + 1;
      const rest = text.slice(k, limit);
      const tail = /^(?:[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))?[ \t]*\)/.exec(rest);
      if (tail) {
        k += tail[0].length;
        return { targetStart: j, targetEnd: close + 1, end: k };
      }
    }
  }
  const p = line.closingParen(open);
  if (p === -1) return null;
  let content = text.slice(j, p);
  const title = TITLE_AT_END.exec(content);
  if (title) content = content.slice(0, title.index);
  return { targetStart: j, targetEnd: j + trimmedLength(content), end: p + 1 };
}

/** The length of `s` without its trailing spaces and tabs (`/[ \t]+$/` is quadratic on long runs). */
function trimmedLength(s: string): number {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/** Every `[..](..)`, `![..](..)` and `![..][..]` on one line. */
function bracketLinks(text: string, line: LineSyntax): RawLink[] {
  const found: RawLink[] = [];
  let i = line.start;
  while (i < line.end) {
    const open = text.indexOf('[', i);
    if (open === -1 || open >= line.end) break;
    if (open > line.start && text[open - 1] === '\\') {
      i = open + 1;
      continue;
    }
    const bang = open > line.start && text[open - 1] === '!' && !(open - 1 > line.start && text[open - 2] === '\\');
    const close = line.closingBracket(open);
    if (close === -1) {
      i = open + 1;
      continue;
    }
    const start = bang ? open - 1 : open;
    const alt = text.slice(open + 1, close);
    if (text[close + 1] === '(') {
      const dest = inlineDestination(text, close + 1, line);
      if (dest) {
        found.push({ bang, start, end: dest.end, alt, targetStart: dest.targetStart, targetEnd: dest.targetEnd });
        // An image cannot hold another link; a link can (`[![a](b.png)](url)`).
        i = bang ? dest.end : open + 1;
        continue;
      }
    } else if (bang) {
      if (text[close + 1] === '[') {
        const labelClose = text.indexOf(']', close + 2);
        if (labelClose !== -1 && labelClose < line.end) {
          const label = text.slice(close + 2, labelClose);
          found.push({ bang, start, end: labelClose + 1, alt, label: label.trim() === '' ? alt : label });
          i = labelClose + 1;
          continue;
        }
      }
      found.push({ bang, start, end: close + 1, alt, label: alt });
      i = close + 1;
      continue;
    }
    i = open + 1;
  }
  return found;
}

/** The start of an `<img` tag; its end is the next `>` (as `<img\b[^>]*>` matches, but linearly). */
const IMG_OPEN = /<img\b/gi;
const SRC_ATTR = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const ALT_ATTR = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)/;

interface Definition {
  targetStart: number;
  targetEnd: number;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function definitionsOf(text: string): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  for (const line of linesOf(text, 0, text.length)) {
    const m = DEFINITION.exec(text.slice(line.start, line.end));
    if (!m) continue;
    const label = normalizeLabel(m[1]);
    const targetStart = line.start + m[0].length - m[2].length;
    if (!defs.has(label)) defs.set(label, { targetStart, targetEnd: targetStart + m[2].length });
  }
  return defs;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * True when `text[from, to)` holds nothing but whitespace once `links` (in order, disjoint, inside
 * the range) are taken out: checked gap by gap instead of cutting the links out one at a time.
 */
function onlyBlankAround(text: string, from: number, to: number, links: readonly RawLink[]): boolean {
  let at = from;
  for (const l of links) {
    if (!BLANK.test(text.slice(at, l.start))) return false;
    at = l.end;
  }
  return BLANK.test(text.slice(at, to));
}
const BLANK = /^\s*$/;

function isImageTarget(target: FigureTarget): boolean {
  return IMAGE_EXTENSIONS.includes(target.extension);
}

interface ScanContext {
  text: string;
  lineOf: (offset: number) => number;
  definitions: Map<string, Definition>;
  question: number | null;
  student: boolean;
}

function scanRange(ctx: ScanContext, from: number, to: number, out: FigureLink[]): void {
  const { text } = ctx;
  interface OpenFence {
    char: string;
    length: number;
    start: number;
    contentStart: number;
    /** The checker-counted links of each line, line by line. */
    lineLinks: RawLink[][];
    onlyLinks: boolean;
  }
  let fence: OpenFence | null = null;
  const push = (
    raw: RawLink,
    kind: FigureLinkKind,
    targetStart: number,
    targetEnd: number,
    code: FigureLink['code'],
  ) => {
    const rawTarget = text.slice(targetStart, targetEnd);
    out.push({
      kind,
      question: ctx.question,
      student: ctx.student,
      line: ctx.lineOf(raw.start),
      start: raw.start,
      end: raw.end,
      targetStart,
      targetEnd,
      rawTarget,
      alt: raw.alt,
      target: figureTarget(rawTarget),
      counted: kind === 'image' || kind === 'code',
      code,
    });
  };
  const closeFence = (open: OpenFence, end: number, contentEnd: number, closed: boolean) => {
    const code = {
      start: open.start,
      end,
      contentStart: open.contentStart,
      contentEnd,
      fence: true,
      only: closed && open.onlyLinks && open.lineLinks.some((l) => l.length > 0),
    };
    // Later lines first: the order this scan has always reported them in.
    for (const links of open.lineLinks.reverse()) {
      for (const raw of links) push(raw, 'code', raw.targetStart!, raw.targetEnd!, code);
    }
  };
  const lines = linesOf(text, from, to);
  for (const [index, line] of lines.entries()) {
    const content = text.slice(line.start, line.end);
    const fenceMatch = FENCE.exec(content);
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[2][0] === fence.char &&
        fenceMatch[2].length >= fence.length &&
        fenceMatch[3].trim() === ''
      ) {
        closeFence(fence, line.end, line.start, true);
        fence = null;
        continue;
      }
      // Inside a fence only what the checker still counts matters: `![..](..)`.
      const counted = bracketLinks(text, new LineSyntax(text, line.start, line.end)).filter(
        (raw) => raw.bang && raw.targetStart !== undefined,
      );
      fence.lineLinks.push(counted);
      if (!onlyBlankAround(text, line.start, line.end, counted)) fence.onlyLinks = false;
      continue;
    }
    if (fenceMatch && !(fenceMatch[2][0] === '`' && fenceMatch[3].includes('`'))) {
      const next = lines[index + 1];
      fence = {
        char: fenceMatch[2][0],
        length: fenceMatch[2].length,
        start: line.start,
        contentStart: next ? next.start : line.end,
        lineLinks: [],
        onlyLinks: true,
      };
      continue;
    }
    if (!content.includes('[') && !/<img/i.test(content)) continue;
    const spans = codeSpans(text, line.start, line.end);
    const spanAt = (offset: number) => spanHolding(spans, offset);
    const links = bracketLinks(text, new LineSyntax(text, line.start, line.end));
    /** Per span: does it wrap nothing but image links? Computed once per span, not per link. */
    const onlyImages = new Map<CodeSpan, boolean>();
    const wrapsOnlyImages = (span: CodeSpan): boolean => {
      let only = onlyImages.get(span);
      if (only === undefined) {
        const inSpan: RawLink[] = [];
        // `links` is in order of start: jump to the span's first one instead of filtering them all.
        let lo = 0;
        let hi = links.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (links[mid].start < span.contentStart) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < links.length && links[k].start < span.contentEnd; k++) {
          if (links[k].bang && links[k].end <= span.contentEnd) inSpan.push(links[k]);
        }
        only = onlyBlankAround(text, span.contentStart, span.contentEnd, inSpan);
        onlyImages.set(span, only);
      }
      return only;
    };
    for (const raw of links) {
      const span = spanAt(raw.start);
      if (raw.targetStart !== undefined) {
        const targetEnd = raw.targetEnd!;
        if (span) {
          if (!raw.bang) continue;
          push(raw, 'code', raw.targetStart, targetEnd, {
            start: span.start,
            end: span.end,
            contentStart: span.contentStart,
            contentEnd: span.contentEnd,
            fence: false,
            only: wrapsOnlyImages(span),
          });
        } else if (raw.bang) {
          push(raw, 'image', raw.targetStart, targetEnd, null);
        } else if (isImageTarget(figureTarget(text.slice(raw.targetStart, targetEnd)))) {
          push(raw, 'link', raw.targetStart, targetEnd, null);
        }
      } else if (!span && raw.label !== undefined) {
        const def = ctx.definitions.get(normalizeLabel(raw.label));
        if (def) push(raw, 'reference', def.targetStart, def.targetEnd, null);
      }
    }
    IMG_OPEN.lastIndex = 0;
    for (let m = IMG_OPEN.exec(content); m; m = IMG_OPEN.exec(content)) {
      const close = content.indexOf('>', m.index);
      if (close === -1) break; // no later tag on this line can close either
      IMG_OPEN.lastIndex = close + 1;
      const tag = content.slice(m.index, close + 1);
      const start = line.start + m.index;
      if (spanAt(start)) continue;
      const src = SRC_ATTR.exec(tag);
      if (!src) continue;
      const value = src[1] ?? src[2] ?? src[3];
      const valueAt = start + src.index + src[0].length - value.length - (src[3] === undefined ? 1 : 0);
      const alt = ALT_ATTR.exec(tag);
      push(
        { bang: false, start, end: start + tag.length, alt: alt ? (alt[1] ?? alt[2] ?? alt[3]) : '' },
        'html',
        valueAt,
        valueAt + value.length,
        null,
      );
    }
  }
  if (fence) {
    const last = lines[lines.length - 1];
    closeFence(fence, last.end, last.end, false);
  }
}

/** Template text: links there are the course's, not the student's. */
const TEMPLATE_SEGMENTS: ReadonlySet<SegmentKind> = new Set<SegmentKind>([
  'bom',
  'frontMatter',
  'title',
  'preamble',
  'checklistHeading',
  'checklistGroupHeading',
  'checklistItem',
  'sectionHeading',
  'sectionIntro',
  'questionHeading',
  'prompt',
]);

/**
 * Every image-ish link of a markdown fragment (an answer, say), in order. Offsets and lines are the
 * fragment's own; all links count as the student's.
 */
export function scanFigureLinks(text: string, question: number | null = null): FigureLink[] {
  const out: FigureLink[] = [];
  scanRange(
    { text, lineOf: lineCounter(text), definitions: definitionsOf(text), question, student: true },
    0,
    text.length,
    out,
  );
  return out;
}

/**
 * Every image-ish link of a whole report, in order, each with the question whose answer holds it.
 * Segments are scanned one by one so an unclosed code fence cannot swallow later questions. Text
 * without a single question heading is scanned as one student fragment.
 */
export function reportFigureLinks(text: string, doc: ReportDocument = parseReport(text)): FigureLink[] {
  if (doc.questions.length === 0) return scanFigureLinks(text);
  const lineOf = lineCounter(text);
  const definitions = definitionsOf(text);
  const questionOfSegment = new Map(doc.questions.map((q) => [q.answerSegment, q.number]));
  const out: FigureLink[] = [];
  doc.segments.forEach((segment, index) => {
    if (!segment.text.includes('[') && !/<img/i.test(segment.text)) return;
    scanRange(
      {
        text,
        lineOf,
        definitions,
        question: questionOfSegment.get(index) ?? null,
        student: !TEMPLATE_SEGMENTS.has(segment.kind),
      },
      segment.start,
      segment.start + segment.text.length,
      out,
    );
  });
  return out;
}

/** The links of one question's answer (what its thumbnails show). */
export function questionFigureLinks(text: string, question: number, doc?: ReportDocument): FigureLink[] {
  return reportFigureLinks(text, doc).filter((l) => l.question === question);
}
