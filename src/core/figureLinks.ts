/**
 * Figure links in a report, as the student, the course's checker and GitHub each see them.
 *
 * The checker counts `!\[.*?\]\(.*?\)` on one line and nothing else; GitHub renders CommonMark;
 * the grader's HTML comes from Python-Markdown. A link can pass one and fail another (no `!`, inside
 * backticks, a path with spaces, an `<img>` tag), so every image-ish construct is found here with
 * its exact position, and the text-level problems come with pure fixes: edits of the report text
 * that change only the link's own bytes.
 *
 * Pure: no Node, DOM or Electron. Disk and git checks live in src/main/services/figures.
 */
import { lineCounter } from './lineIndex';
import { parseReport } from './parseReport';
import type { ReportDocument, SegmentKind } from './reportModel';

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

/** A replacement of `text.slice(start, end)`, which must still read `expect` when applied. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly expect: string;
  readonly text: string;
}

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


interface CodeSpan {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
}

/** Inline code spans of one line (CommonMark: a run of n backticks closed by a run of exactly n). */
function codeSpans(text: string, line: Line): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let i = line.start;
  while (i < line.end) {
    if (text[i] === '\\' && text[i + 1] === '`') {
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let n = 0;
    while (i + n < line.end && text[i + n] === '`') n++;
    let j = i + n;
    let closed = -1;
    while (j < line.end) {
      if (text[j] !== '`') {
        j++;
        continue;
      }
      let m = 0;
      while (j + m < line.end && text[j + m] === '`') m++;
      if (m === n) {
        closed = j;
        break;
      }
      j += m;
    }
    if (closed < 0) {
      i += n;
      continue;
    }
    spans.push({ start: i, end: closed + n, contentStart: i + n, contentEnd: closed });
    i = closed + n;
  }
  return spans;
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

/** The `]` matching the `[` at `open`, or -1. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

const TITLE_AT_END = /[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*$/;

/** Parses `(target "title")` at `open` leniently: spaces in the target are kept, as the checker does. */
function inlineDestination(
  text: string,
  open: number,
  limit: number,
): { targetStart: number; targetEnd: number; end: number } | null {
  let j = open + 1;
  while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === '<') {
    const close = text.indexOf('>', j);
    if (close !== -1 && close < limit) {
      let k = close + 1;
      const rest = text.slice(k, limit);
      const tail = /^(?:[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))?[ \t]*\)/.exec(rest);
      if (tail) {
        k += tail[0].length;
        return { targetStart: j, targetEnd: close + 1, end: k };
      }
    }
  }
  let depth = 0;
  let p = j;
  for (; p < limit; p++) {
    const c = text[p];
    if (c === '\\') {
      p++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (p >= limit) return null;
  let content = text.slice(j, p);
  const title = TITLE_AT_END.exec(content);
  if (title) content = content.slice(0, title.index);
  content = content.replace(/[ \t]+$/, '');
  return { targetStart: j, targetEnd: j + content.length, end: p + 1 };
}

/** Every `[..](..)`, `![..](..)` and `![..][..]` on one line. */
function bracketLinks(text: string, line: Line): RawLink[] {
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
    const close = closingBracket(text, open, line.end);
    if (close === -1) {
      i = open + 1;
      continue;
    }
    const start = bang ? open - 1 : open;
    const alt = text.slice(open + 1, close);
    if (text[close + 1] === '(') {
      const dest = inlineDestination(text, close + 1, line.end);
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

const IMG_TAG = /<img\b[^>]*>/gi;
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
    links: RawLink[];
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
      only: closed && open.onlyLinks && open.links.length > 0,
    };
    for (const raw of open.links) push(raw, 'code', raw.targetStart!, raw.targetEnd!, code);
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
      let rest = content;
      for (const raw of bracketLinks(text, line).reverse()) {
        if (!raw.bang || raw.targetStart === undefined) continue;
        fence.links.unshift(raw);
        rest = rest.slice(0, raw.start - line.start) + rest.slice(raw.end - line.start);
      }
      if (rest.trim() !== '') fence.onlyLinks = false;
      continue;
    }
    if (fenceMatch && !(fenceMatch[2][0] === '`' && fenceMatch[3].includes('`'))) {
      const next = lines[index + 1];
      fence = {
        char: fenceMatch[2][0],
        length: fenceMatch[2].length,
        start: line.start,
        contentStart: next ? next.start : line.end,
        links: [],
        onlyLinks: true,
      };
      continue;
    }
    if (!content.includes('[') && !/<img/i.test(content)) continue;
    const spans = codeSpans(text, line);
    const spanAt = (offset: number) => spans.find((s) => offset >= s.contentStart && offset < s.contentEnd);
    const links = bracketLinks(text, line);
    for (const raw of links) {
      const span = spanAt(raw.start);
      if (raw.targetStart !== undefined) {
        const targetEnd = raw.targetEnd!;
        if (span) {
          if (!raw.bang) continue;
          const inSpan = links.filter((l) => l.bang && l.start >= span.contentStart && l.end <= span.contentEnd);
          let rest = text.slice(span.contentStart, span.contentEnd);
          for (const l of [...inSpan].reverse())
            rest = rest.slice(0, l.start - span.contentStart) + rest.slice(l.end - span.contentStart);
          push(raw, 'code', raw.targetStart, targetEnd, {
            start: span.start,
            end: span.end,
            contentStart: span.contentStart,
            contentEnd: span.contentEnd,
            fence: false,
            only: rest.trim() === '',
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
    IMG_TAG.lastIndex = 0;
    for (let m = IMG_TAG.exec(content); m; m = IMG_TAG.exec(content)) {
      const start = line.start + m.index;
      if (spanAt(start)) continue;
      const src = SRC_ATTR.exec(m[0]);
      if (!src) continue;
      const value = src[1] ?? src[2] ?? src[3];
      const valueAt = start + src.index + src[0].length - value.length - (src[3] === undefined ? 1 : 0);
      const alt = ALT_ATTR.exec(m[0]);
      push(
        { bang: false, start, end: start + m[0].length, alt: alt ? (alt[1] ?? alt[2] ?? alt[3]) : '' },
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

/** Nothing but whitespace, `<br>` and other links on the link's line. */
function standsAlone(text: string, link: FigureLink): boolean {
  const line = lineBounds(text, link.start);
  const rest = text.slice(line.start, link.start) + text.slice(link.end, line.end);
  return /^(?:\s|<br\s*\/?>|!?\[[^\]]*\]\([^)]*\))*$/i.test(rest);
}

function escapeAlt(alt: string): string {
  return alt.replace(/[\r\n]+/g, ' ').replace(/([[\]\\])/g, '\\$1');
}

/** `![alt](figures/name.png)` with the alt escaped and the path encoded where markdown needs it. */
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
        add(
          link,
          'html-image',
          'warning',
          `${figureLinkPlace(link)} shows ${name} with an <img> tag, which the checker does not count as an image (only ![alt](path) counts).`,
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
        target.absolute
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

/** Applies non-overlapping edits (any order). Throws when an edit's `expect` no longer matches. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const unique = new Map<string, TextEdit>();
  for (const e of edits) unique.set(`${e.start}:${e.end}:${e.text}`, e);
  const sorted = [...unique.values()].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new RangeError('Overlapping figure edits');
    if (text.slice(e.start, e.end) !== e.expect) {
      throw new RangeError(`The report changed: expected "${e.expect}" at offset ${e.start}`);
    }
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

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

function lineBounds(text: string, offset: number): { start: number; end: number; next: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
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
