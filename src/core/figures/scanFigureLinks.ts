/**
 * Finds every figure link of a report, as the student, the course's checker and GitHub each see it.
 *
 * The checker counts `!\[.*?\]\(.*?\)` on one line and nothing else; GitHub renders CommonMark;
 * the grader's HTML comes from Python-Markdown. A link can pass one and fail another (no `!`, inside
 * backticks, a path with spaces, an `<img>` tag), so every image-ish construct is found here with
 * its exact position and whether the checker counts it.
 *
 * Pure: no Node, DOM or Electron. `scanRange` stays one pass over the lines (a state machine over
 * fences and code spans); the syntax it recognises on a line is read by the modules it imports:
 * bracket links, `<img>` tags, reference definitions.
 */
import { lineCounter } from '../lineIndex';
import { type CodeSpan, codeSpans, LineSyntax, spanHolding } from '../lineSyntax';
import { parseReport } from '../parseReport';
import type { ReportDocument, SegmentKind } from '../reportModel';
import { bracketLinks, type RawLink } from './bracketLinks';
import { IMAGE_EXTENSIONS, figureTarget, type FigureLink, type FigureLinkKind, type FigureTarget } from './figureLink';
import { imgTags } from './imgTags';
import { linesOf } from './lineSpans';
import { type Definition, definitionsOf, normalizeLabel } from './linkDefinitions';

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

/**
 * Whether `text` (a line, or a segment of lines) can hold a figure link: an inline link or image
 * has a `](`, a reference image a `![` (and only counts when the report defines labels), an HTML
 * image an `<img`. Text without any of them is skipped unread: a report's 50-odd checklist items
 * each hold a `[ ]` or `[x]` and nothing else, and reading each as a line of links was most of the
 * figure scan of a `check`.
 */
function mayHoldLinks(text: string, definitions: ReadonlyMap<string, Definition>): boolean {
  return text.includes('](') || (definitions.size > 0 && text.includes('![')) || /<img/i.test(text);
}

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
      // Inside a fence only what the checker still counts matters: `![..](..)`, so a line
      // without a `](` holds none.
      const counted = !content.includes('](')
        ? []
        : bracketLinks(text, new LineSyntax(text, line.start, line.end)).filter(
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
    if (!mayHoldLinks(content, ctx.definitions)) continue;
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
    for (const tag of imgTags(content)) {
      const start = line.start + tag.start;
      if (spanAt(start)) continue;
      push(
        { bang: false, start, end: line.start + tag.end, alt: tag.alt },
        'html',
        line.start + tag.srcStart,
        line.start + tag.srcEnd,
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
    if (!mayHoldLinks(segment.text, definitions)) return;
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
