/**
 * Figure links in a report, as the student, the course's checker and GitHub each see them.
 *
 * The checker counts `!\[.*?\]\(.*?\)` on one line and nothing else; GitHub renders CommonMark;
 * the grader's HTML comes from Python-Markdown. A link can pass one and fail another (no `!`, inside
 * backticks, a path with spaces, an `<img>` tag), so every image-ish construct is found here with
 * its exact position, and the text-level problems come with pure fixes: edits of the report text
 * that change only the link's own bytes.
 *
 * Pure: no Node, DOM or Electron. Disk and git checks live in src/services/figures.
 */
import { lineCounter } from './lineIndex';
import { type CodeSpan, codeSpans, LineSyntax, spanHolding } from './lineSyntax';
import { parseReport } from './parseReport';
import type { ReportDocument, SegmentKind } from './reportModel';
import { htmlBlockAt, type HtmlBlock } from './htmlBlocks';
import { applyEdits, type TextEdit } from './textEdit';

/**
 * - `image`: `![alt](target)`, counted by the checker and shown by GitHub.
 * - `link`: `[alt](target)` to an image file: no `!`, so neither counted nor shown as an image.
 * - `code`: `![alt](target)` inside backticks or a fenced block: counted, but shown as code.
 * - `html`: `<img src="target">`: shown, but not counted.
 * - `reference`: `![alt][id]` with a `[id]: target` definition: shown, but not counted.
 */
export type FigureLinkKind = 'image' | 'link' | 'code' | 'html' | 'reference';

export interface FigureLink {
  readonly kind: FigureLinkKind;
  /** The question whose answer holds the link; null outside answers. */
  readonly question: number | null;
  /** False inside the template's own text (prompts, instructions, checklist, headings). */
  readonly student: boolean;
  /** 1-based line of the link. */
  readonly line: number;
  /** Offsets (UTF-16) of the whole construct, e.g. `![a](b)` or `<img ...>`. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the target as written (for `reference`, inside the definition line). */
  readonly targetStart: number;
  readonly targetEnd: number;
  /** The target exactly as written, `<...>` included. */
  readonly rawTarget: string;
  readonly alt: string;
  readonly target: FigureTarget;
  /** Whether the course's checker counts it as an image. */
  readonly counted: boolean;
  /**
   * For `code`: the backtick span or fenced block around it (`start`/`end` include the backticks or
   * fence lines; `content*` is what they wrap); `only` when it wraps nothing but image links.
   */
  readonly code: {
    readonly start: number;
    readonly end: number;
    readonly contentStart: number;
    readonly contentEnd: number;
    readonly fence: boolean;
    readonly only: boolean;
  } | null;
}

export interface FigureTarget {
  /**
   * The decoded target, relative to the report's folder with `./` and `a/..` resolved and `/`
   * separators (`figures/my shot.png`); absolute paths as written; null for URLs and empty targets.
   */
  readonly path: string | null;
  /** `http:`, `https:`, `data:`, `//host/...` and other URL schemes (except `file:`). */
  readonly remote: boolean;
  /** `/x`, `C:\x`, `\\server\x`, `~/x` or `file:` — a path on the writer's machine, not in the repo. */
  readonly absolute: boolean;
  /** Absolute, or climbing out of the report's folder with `..`. */
  readonly outside: boolean;
  /** Lower-case extension without the dot (`png`), '' when none. */
  readonly extension: string;
}

/** What the template accepts in `figures/`. */
export const ALLOWED_FIGURE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg'];
/** Extensions that make a plain link look like a figure. */
export const IMAGE_EXTENSIONS: readonly string[] = [
  'png',
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'gif',
  'webp',
  'svg',
  'bmp',
  'tif',
  'tiff',
  'avif',
  'heic',
  'heif',
  'ico',
];

export type FigureFindingKind =
  | 'image-without-bang'
  | 'image-in-backticks'
  | 'html-image'
  | 'reference-image'
  | 'missing-file'
  | 'case-mismatch'
  | 'disallowed-extension'
  | 'path-with-spaces'
  | 'backslash-path'
  | 'outside-report'
  | 'unused-file'
  | 'untracked-file'
  | 'ignored-file';

export type FigureSeverity = 'error' | 'warning' | 'info';

export type { TextEdit } from './textEdit';

/** A one-click fix. `edit` is pure; the others are carried out by the figures service. */
export type FigureFix =
  | { readonly kind: 'edit'; readonly label: string; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'rename-file'; readonly label: string; readonly from: string; readonly to: string }
  | { readonly kind: 'convert-to-png'; readonly label: string; readonly target: string }
  | {
      readonly kind: 'copy-into-figures';
      readonly label: string;
      readonly source: string;
      readonly question: number | null;
    }
  | { readonly kind: 'delete-file'; readonly label: string; readonly target: string }
  | { readonly kind: 'git-add'; readonly label: string; readonly target: string; readonly force: boolean };

export interface FigureFinding {
  readonly kind: FigureFindingKind;
  readonly severity: FigureSeverity;
  readonly question: number | null;
  readonly line: number | null;
  readonly message: string;
  /** The path concerned, relative to the report's folder (or as written, for outside paths). */
  readonly target: string | null;
  readonly link: FigureLink | null;
  /** The first fix is the recommended one; empty when there is none. */
  readonly fixes: readonly FigureFix[];
}

// ---------------------------------------------------------------------------------------------
// Targets

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

function decodePercent(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%([0-9a-f]{2})/gi, (m, hex: string) => {
      const code = parseInt(hex, 16);
      return code < 0x80 ? String.fromCharCode(code) : m;
    });
  }
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** First folders of paths that only exist on someone's machine (macOS, Linux, WSL, Colab). */
const MACHINE_ROOTS = /^\/(users|home|mnt|media|volumes|private|tmp|var|root|opt|usr|etc|content|workspaces?|run|srv)(\/|$)/i;

/**
 * `/figures/x.png`: on GitHub a link starting with one `/` is read from the repository's top
 * folder, so students mean the repo, not their disk — unless it starts like a machine's own path
 * (`/Users/me/…`, `/home/…`).
 */
function fromRepoRoot(path: string): boolean {
  return /^\/[^/]/.test(path) && !MACHINE_ROOTS.test(path);
}

/** `/reports/figures/x.png` → `figures/x.png`; otherwise the usual place, `figures/<name>`. */
function relativeSuggestion(path: string): string {
  const inReports = /^\/reports\/(.+)$/i.exec(path);
  return inReports ? inReports[1] : `figures/${path.slice(path.lastIndexOf('/') + 1)}`;
}

/** Reads a link target as written (`<figures/a b.png>`, `./figures/a%20b.png "title"` minus title). */
export function figureTarget(rawTarget: string): FigureTarget {
  let raw = rawTarget.trim();
  if (raw.startsWith('<') && raw.endsWith('>')) raw = raw.slice(1, -1).trim();
  const none = { path: null, remote: false, absolute: false, outside: false, extension: '' };
  if (raw === '') return none;
  const scheme = SCHEME.exec(raw);
  if ((scheme && !WINDOWS_DRIVE.test(raw) && scheme[1].toLowerCase() !== 'file') || raw.startsWith('//')) {
    const withoutQuery = raw.replace(/[?#].*$/, '');
    return { ...none, remote: true, extension: extensionOf(withoutQuery) };
  }
  let path = raw;
  if (scheme && scheme[1].toLowerCase() === 'file') path = path.replace(/^file:(\/\/[^/]*)?/i, '');
  path = path.replace(/[?#].*$/, '');
  path = decodePercent(path).replace(/\\/g, '/');
  const absolute =
    /^\//.test(path) || /^[a-z]:\//i.test(path) || /^~(\/|$)/.test(path) || scheme?.[1].toLowerCase() === 'file';
  if (absolute) return { path, remote: false, absolute: true, outside: true, extension: extensionOf(path) };
  const parts: string[] = [];
  let climbs = 0;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0) parts.pop();
      else climbs++;
    } else parts.push(part);
  }
  const normalized = [...Array<string>(climbs).fill('..'), ...parts].join('/');
  return { path: normalized, remote: false, absolute: false, outside: climbs > 0, extension: extensionOf(normalized) };
}

/** `figures/a.png`, `./figures/a.png` and `figures\a.png` all name the same file. */
export function normalizeFigurePath(path: string): string {
  return figureTarget(path).path ?? path;
}

/** `%20` for a space; also for `(` and `)`, which encodeURIComponent leaves alone. */
function percent(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Writes `path` as a link target in the style of `rawTarget` (keeps `./` and `<...>`). */
export function formatFigureTarget(path: string, rawTarget = ''): string {
  const raw = rawTarget.trim();
  const dotSlash = /^<?\.\//.test(raw) && !path.startsWith('./') && !path.startsWith('../') ? './' : '';
  if (raw.startsWith('<') && raw.endsWith('>')) return `<${dotSlash}${path.replace(/[<>]/g, percent)}>`;
  return dotSlash + path.replace(/[ \t()<>%]/g, percent);
}

// ---------------------------------------------------------------------------------------------
// Scanning

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

// ---------------------------------------------------------------------------------------------
// Text-level findings

/** `Question 19`, or `Line 12` outside answers: where a message says the link is. */
export function figureLinkPlace(link: FigureLink): string {
  return link.question !== null ? `Question ${link.question}` : `Line ${link.line}`;
}

/** `figures/a.png` for display; the target as written when it has no path. */
function shown(link: FigureLink): string {
  return link.target.path ?? link.rawTarget;
}

/** Drops the backticks (or the fence lines) around code that holds nothing but image links. */
function codeUnwrapEdit(text: string, link: FigureLink): TextEdit | null {
  const code = link.code;
  if (!code || !code.only) return null;
  const inner = text.slice(code.contentStart, code.contentEnd);
  return {
    start: code.start,
    end: code.end,
    expect: text.slice(code.start, code.end),
    text: code.fence ? inner.replace(/(?:\r\n|\n|\r)$/, '') : inner.trim(),
  };
}

/** Longer lines are not "a figure on a line of its own"; testing each of their links would be quadratic. */
const STANDS_ALONE_MAX_LINE = 4096;

/** Nothing but whitespace, `<br>` and other links on the link's line. */
function standsAlone(text: string, link: FigureLink): boolean {
  const from = Math.max(0, link.start - STANDS_ALONE_MAX_LINE);
  const to = Math.min(text.length, link.end + STANDS_ALONE_MAX_LINE);
  const line = lineBounds(text, link.start, from, to);
  const breakAt = (i: number) => text[i] === '\n' || text[i] === '\r';
  if (line.start === from && from > 0 && !breakAt(from - 1)) return false;
  if (line.end === to && to < text.length && !breakAt(to)) return false;
  const rest = text.slice(line.start, link.start) + text.slice(link.end, line.end);
  return /^(?:\s|<br\s*\/?>|!?\[[^\]]*\]\([^)]*\))*$/i.test(rest);
}

function escapeAlt(alt: string): string {
  return alt.replace(/[\r\n]+/g, ' ').replace(/([[\]\\])/g, '\\$1');
}

/** `![alt](figures/name.png)` with the alt escaped and the path encoded where markdown needs it. */
/**
 * One edit that takes `link` (an `<img>` tag) out of its HTML block — the tag goes, with its line
 * when nothing else is on it — and puts `markdown` in its own paragraph right after the block.
 */
function moveOutOfBlock(text: string, link: FigureLink, block: HtmlBlock, markdown: string): TextEdit[] {
  const lineStart = Math.max(text.lastIndexOf('\n', link.start - 1), text.lastIndexOf('\r', link.start - 1)) + 1;
  let lineEnd = link.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const alone = text.slice(lineStart, link.start).trim() === '' && text.slice(link.end, lineEnd).trim() === '';
  const eol = text.slice(block.end, block.end + 2) === '\r\n' ? '\r\n' : text[block.end] === '\r' ? '\r' : '\n';
  const cutStart = alone ? lineStart : link.start;
  // The tag's line goes with the line break before it (a block's first line is never only an <img>).
  const cutFrom = alone && cutStart > block.start ? cutStart - (text[cutStart - 2] === '\r' && text[cutStart - 1] === '\n' ? 2 : 1) : cutStart;
  const cutTo = alone ? lineEnd : link.end;
  return [
    { start: cutFrom, end: cutTo, expect: text.slice(cutFrom, cutTo), text: '' },
    { start: block.end, end: block.end, expect: '', text: `${eol}${eol}${markdown}` },
  ];
}

export function imageMarkdown(alt: string, relativeLink: string): string {
  return `![${escapeAlt(alt)}](${formatFigureTarget(relativeLink)})`;
}

/**
 * The problems visible from the text alone, for the student's links (answers and stray text; never
 * the template's own example links): missing `!`, images in backticks, `<img>` and reference-style
 * images the checker does not count, disallowed extensions, spaces and backslashes in paths, paths
 * outside the report's folder. Disk and git problems are added by the figures service.
 */
export function figureLinkFindings(
  text: string,
  links: readonly FigureLink[] = reportFigureLinks(text),
): FigureFinding[] {
  const findings: FigureFinding[] = [];
  const add = (
    link: FigureLink,
    kind: FigureFindingKind,
    severity: FigureSeverity,
    message: string,
    fixes: FigureFix[] = [],
  ) =>
    findings.push({
      kind,
      severity,
      question: link.question,
      line: link.line,
      message,
      target: shown(link),
      link,
      fixes,
    });
  for (const link of links) {
    if (!link.student) continue;
    const { target } = link;
    const name = shown(link);
    switch (link.kind) {
      case 'link':
        // A link on a line of its own to a local picture is a figure missing its "!"; one inside a
        // sentence, or to a web address, may be a deliberate link.
        add(
          link,
          'image-without-bang',
          !target.remote && standsAlone(text, link) ? 'error' : 'warning',
          `${figureLinkPlace(link)} links ${name} without the leading "!": it shows as a text link and the checker counts no image.`,
          [
            {
              kind: 'edit',
              label: 'Add the "!"',
              // The whole link is the edit's range, so a stale fix cannot land elsewhere.
              edits: [
                {
                  start: link.start,
                  end: link.end,
                  expect: text.slice(link.start, link.end),
                  text: `!${text.slice(link.start, link.end)}`,
                },
              ],
            },
          ],
        );
        break;
      case 'code': {
        const unwrap = codeUnwrapEdit(text, link);
        add(
          link,
          'image-in-backticks',
          'error',
          link.code?.fence
            ? `${figureLinkPlace(link)} has the image ${name} inside a code block: the checker counts it, but graders see the code, not the picture.`
            : `${figureLinkPlace(link)} wraps the image ${name} in backticks: the checker counts it, but graders see the code, not the picture.`,
          unwrap
            ? [
                {
                  kind: 'edit',
                  label: link.code?.fence ? 'Remove the code fence' : 'Remove the backticks',
                  edits: [unwrap],
                },
              ]
            : [],
        );
        break;
      }
      case 'html': {
        const replacement = imageMarkdown(link.alt, target.path ?? link.rawTarget);
        const block = htmlBlockAt(text, link.start);
        add(
          link,
          'html-image',
          'warning',
          `${figureLinkPlace(link)} shows ${name} with an <img> tag, which the checker does not count as an image (only ![alt](path) counts).`,
          [
            block
              ? // Markdown inside an HTML block shows as literal text: the image moves out of it.
                { kind: 'edit', label: 'Move it below the HTML block as ![alt](path)', edits: moveOutOfBlock(text, link, block, replacement) }
              : {
                  kind: 'edit',
                  label: 'Write it as ![alt](path)',
                  edits: [
                    { start: link.start, end: link.end, expect: text.slice(link.start, link.end), text: replacement },
                  ],
                },
          ],
        );
        break;
      }
      case 'reference': {
        const replacement = `![${link.alt}](${link.rawTarget})`;
        add(
          link,
          'reference-image',
          'warning',
          `${figureLinkPlace(link)} uses a reference-style image for ${name}, which the checker does not count (only ![alt](path) on one line counts).`,
          [
            {
              kind: 'edit',
              label: 'Write it as ![alt](path)',
              edits: [
                { start: link.start, end: link.end, expect: text.slice(link.start, link.end), text: replacement },
              ],
            },
          ],
        );
        break;
      }
      case 'image':
        break;
    }
    if (target.remote || target.path === null) continue;
    if (target.outside) {
      add(
        link,
        'outside-report',
        'warning',
        target.absolute && fromRepoRoot(target.path)
          ? `${figureLinkPlace(link)} links ${name}, a path from the repository root: GitHub looks for it from the repo's top folder, but the graded page (python report.py html) and other viewers look from the root of the disk. Link it relative to the report's folder instead (${relativeSuggestion(target.path)}).`
          : target.absolute
          ? `${figureLinkPlace(link)} links ${name}, a path on this computer: nobody else has that file. Copy it into figures/.`
          : `${figureLinkPlace(link)} links ${name}, outside the report's folder: it is easily left out of the repo or broken when the report moves. Copy it into figures/.`,
      );
    }
    if (link.rawTarget.includes('\\')) {
      add(
        link,
        'backslash-path',
        'error',
        `${figureLinkPlace(link)} links ${link.rawTarget} with backslashes: that works on Windows only; GitHub and the graders need "/".`,
        [
          {
            kind: 'edit',
            label: 'Use "/"',
            edits: [
              {
                start: link.targetStart,
                end: link.targetEnd,
                expect: link.rawTarget,
                text: link.rawTarget.replace(/\\/g, '/'),
              },
            ],
          },
        ],
      );
    }
    if (/\s/.test(target.path)) {
      const rawSpaces = /\s/.test(link.rawTarget) && !link.rawTarget.trim().startsWith('<');
      if (rawSpaces && link.kind !== 'html') {
        add(
          link,
          'path-with-spaces',
          'error',
          `${figureLinkPlace(link)} links "${name}", a path with spaces: GitHub shows the line as text instead of the image. Rename the file or write the spaces as %20.`,
          [
            {
              kind: 'edit',
              label: 'Write the spaces as %20',
              edits: [
                {
                  start: link.targetStart,
                  end: link.targetEnd,
                  expect: link.rawTarget,
                  text: link.rawTarget.replace(/[ \t]/g, '%20'),
                },
              ],
            },
          ],
        );
      } else {
        add(
          link,
          'path-with-spaces',
          'warning',
          `${figureLinkPlace(link)} links "${name}", a file name with spaces: it works only while every tool encodes it the same way. Rename the file.`,
        );
      }
    }
    if (!ALLOWED_FIGURE_EXTENSIONS.includes(target.extension)) {
      add(
        link,
        'disallowed-extension',
        'error',
        target.extension
          ? `${figureLinkPlace(link)} links ${name}: the template accepts only .png, .jpg and .jpeg figures, not .${target.extension}.`
          : `${figureLinkPlace(link)} links ${name}, which has no .png, .jpg or .jpeg extension (the only ones the template accepts).`,
      );
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Edits

/** Applies non-overlapping edits (any order). Throws EditMismatchError (a RangeError) when one no longer matches. */
export const applyTextEdits = applyEdits;

function samePath(a: string, b: string, caseInsensitive: boolean): boolean {
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** An edit pointing `link` at `path` (relative to the report's folder), keeping its style. */
export function retargetEdit(link: FigureLink, path: string): TextEdit {
  let text = formatFigureTarget(path, link.rawTarget);
  if (link.kind === 'html') text = path.replace(/["'&<>\s]/g, percent);
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
  return { text: applyTextEdits(text, edits), changed: edits.length };
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

/** The line around `offset`, searched no further than `[from, to)` (default: the whole text). */
function lineBounds(
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
