/**
 * Parses any text into a lossless ReportDocument. It never fails: text that does not fit the
 * template lands in `preamble` or `other` segments, verbatim. Boundaries are found line by line
 * without tracking code fences on purpose — an unclosed fence in one answer must not swallow every
 * later question (the course's checker ignores fences too).
 */
import type { Range } from './constraints';
import type {
  ChecklistItem,
  LineEnding,
  Question,
  ReportDocument,
  Section,
  Segment,
  SegmentKind,
} from './reportModel';
import { placeholderFor } from './reportModel';

export interface Line {
  /** The line without its terminator. */
  readonly content: string;
  /** The terminator: `\n`, `\r\n`, `\r` or `` on the last line. */
  readonly eol: string;
  /** Offset of the line's first character in the text (after the BOM on the first line). */
  readonly start: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  const hasCr = text.indexOf('\r', from) !== -1;
  let pos = from;
  while (pos < text.length) {
    // indexOf jumps are far faster than a per-character loop; CR only needs care when present.
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    if (hasCr) {
      const cr = text.indexOf('\r', pos);
      if (cr !== -1 && cr < end) end = cr;
    }
    let eol = '';
    if (end < text.length) eol = text[end] === '\r' && text[end + 1] === '\n' ? '\r\n' : text[end];
    lines.push({ content: text.slice(pos, end), eol, start: pos });
    pos = end + eol.length;
  }
  return lines;
}

/** The lines of a whole report (a BOM is not part of the first line), as parseReport reads them. */
export function reportLines(text: string): Line[] {
  return splitLines(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

export function detectLineEnding(text: string): LineEnding {
  if (text.indexOf('\r') === -1) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const QUESTION_HEADING = /^ {0,3}#{1,6}[ \t]*Question[ \t]*(\d{1,3})\b/i;
const CHECKLIST_ITEM = /^([ \t]*[*+-][ \t]+)\[([^\]\n]{0,4})\]([ \t]*)(.*)$/;
const MODULE_TAG = /\(\s*(M\d+(?:\s*[+,&/]\s*M?\d+)*)\s*\)\s*$/;
/** `> Answer:`, `>Answer:`, `> **Answer:**`, `Answer:` — the marker must open the line. */
const MARKER_LINE = /^[ \t]*(?:>[ \t]*)*(?:[*_]{1,3})?Answer:/;

/** The template's section headings; any heading level, matched loosely. */
const SECTION_NAMES = [
  'group information',
  'coding environment',
  'version control',
  'running code and tracking experiments',
  'working in the cloud',
  'deployment',
  'overall discussion of project',
];

function normalizeHeadingText(s: string): string {
  return s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

type Boundary =
  | { kind: 'question'; number: number }
  | { kind: 'section'; title: string }
  | { kind: 'checklist'; title: string };

function boundaryOf(content: string): Boundary | null {
  if (!content.includes('#')) return null;
  const q = QUESTION_HEADING.exec(content);
  if (q) return { kind: 'question', number: Number(q[1]) };
  const h = HEADING.exec(content);
  if (!h || h[1].length > 2) return null;
  const title = (h[2] ?? '').trim();
  const norm = normalizeHeadingText(title);
  if (norm.includes('checklist')) return { kind: 'checklist', title };
  if (SECTION_NAMES.includes(norm)) return { kind: 'section', title };
  return null;
}

function stripQuote(line: string): string {
  return line.replace(/^[ \t]*>[ \t]?/, '');
}

function isBlank(content: string): boolean {
  return content.trim() === '';
}

const WORD_RANGE = /(?:answer length|length)\s*:?\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*words/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, a: 1, an: 1, two: 2, three: 3 };
const IMAGE_RANGE =
  /\b(\d+|one|two|three|an?)(?:\s*(?:-|–|to)\s*(\d+|two|three))?\s+(?:images?|screenshots?|figures?)\b/i;

function parseNumberWord(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS[s.toLowerCase()] ?? NaN);
}

interface PromptFacts {
  prompt: string;
  declaredWords: Range | null;
  declaredImages: Range | null;
  example: string | null;
}

/**
 * Prompts almost never change between keystrokes, and reading them is the costliest part of a
 * parse, so their facts are memoised by the prompt text (bounded, so memory stays small).
 */
const promptCache = new Map<string, PromptFacts>();
const PROMPT_CACHE_LIMIT = 512;

function readPrompt(promptLines: readonly string[]): PromptFacts {
  const key = promptLines.join('\n');
  const cached = promptCache.get(key);
  if (cached) return cached;
  const facts = readPromptUncached(promptLines);
  if (promptCache.size >= PROMPT_CACHE_LIMIT) promptCache.clear();
  promptCache.set(key, facts);
  return facts;
}

/** Reads the prompt, declared word/image ranges and example out of a question's quote block. */
function readPromptUncached(promptLines: readonly string[]): PromptFacts {
  const unquoted = promptLines.map(stripQuote);
  const boldParts: string[] = [];
  let declaredWords: Range | null = null;
  const exampleLines: string[] = [];
  let inExample = false;
  for (const raw of unquoted) {
    // A formatter may have joined the quote lines into one: `**a** > **b** > > Example: ...`
    for (const line of raw.split(/\s>\s?(?=\S|$)/)) {
      const trimmed = line.trim();
      if (/^(?:[*_]{1,3})?Answer:/.test(trimmed)) {
        inExample = false;
        continue;
      }
      const range = WORD_RANGE.exec(trimmed);
      if (range && /length/i.test(trimmed)) {
        declaredWords = { min: Number(range[1]), max: Number(range[2]) };
        inExample = false;
        continue;
      }
      if (/^Example:?\s*$/i.test(trimmed.replace(/[*_]/g, ''))) {
        inExample = true;
        continue;
      }
      if (inExample) {
        if (trimmed !== '') exampleLines.push(trimmed);
        continue;
      }
      const bold = /^(?:\*\*|__)(.*?)(?:\*\*|__)$/.exec(trimmed);
      if (bold) boldParts.push(bold[1].trim());
    }
  }
  const prompt = boldParts.join(' ').replace(/\s+/g, ' ').trim();
  let declaredImages: Range | null = null;
  const lengthLine = unquoted.find((l) => /length/i.test(l) && WORD_RANGE.test(l)) ?? '';
  for (const candidate of [lengthLine, prompt]) {
    const m = IMAGE_RANGE.exec(candidate.replace(/\[this figure\]/gi, ''));
    if (m) {
      const min = parseNumberWord(m[1]);
      const max = m[2] ? parseNumberWord(m[2]) : min;
      if (Number.isFinite(min) && Number.isFinite(max)) {
        declaredImages = { min, max };
        break;
      }
    }
  }
  return {
    prompt,
    declaredWords,
    declaredImages,
    example: exampleLines.length > 0 ? exampleLines.join('\n') : null,
  };
}

const isLineBreak = (c: number) => c === 10 || c === 13;
const isBlankChar = (c: number) => c === 32 || c === 9;

/**
 * Where an answer's content lies in its segment: whole blank lines around it excluded (and, on the
 * marker line, the blanks after `Answer:`). Empty (start === end) when the answer is blank.
 */
export function answerContentRange(segmentText: string, onMarkerLine: boolean): { start: number; end: number } {
  // Leading whole blank lines.
  let start = 0;
  for (let i = 0; i < segmentText.length; i++) {
    const c = segmentText.charCodeAt(i);
    if (isLineBreak(c)) start = i + 1;
    else if (!isBlankChar(c)) break;
  }
  // Trailing line breaks, with the blanks that follow each of them.
  let end = segmentText.length;
  for (let i = segmentText.length - 1; i >= start; i--) {
    const c = segmentText.charCodeAt(i);
    if (isLineBreak(c)) end = i;
    else if (!isBlankChar(c)) break;
  }
  if (segmentText.slice(start, end).trim() === '') return { start: end, end };
  if (onMarkerLine) while (start < end && isBlankChar(segmentText.charCodeAt(start))) start++;
  return { start, end };
}

/** The content of an answer segment: whole blank lines around it removed, LF line endings. */
export function answerContent(segmentText: string, onMarkerLine: boolean): string {
  const { start, end } = answerContentRange(segmentText, onMarkerLine);
  const text = segmentText.slice(start, end);
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** `lines`, when the caller already split `text` with reportLines, saves splitting it again. */
export function parseReport(text: string, lines: readonly Line[] = reportLines(text)): ReportDocument {
  const segments: Segment[] = [];
  const push = (kind: SegmentKind, start: number, end: number): number => {
    if (end <= start) return -1;
    const last = segments[segments.length - 1];
    const mergeable = kind === 'preamble' || kind === 'other' || kind === 'sectionIntro';
    if (last && mergeable && last.kind === kind) {
      segments[segments.length - 1] = { kind, start: last.start, text: last.text + text.slice(start, end) };
    } else {
      segments.push({ kind, start, text: text.slice(start, end) });
    }
    return segments.length - 1;
  };
  const lineEnd = (line: Line) => line.start + line.content.length + line.eol.length;

  const hasBom = text.charCodeAt(0) === 0xfeff;
  if (hasBom) push('bom', 0, 1);
  const lineNumber = (index: number) => index + 1;

  let i = 0;
  let hasFrontMatter = false;
  if (lines.length > 0 && lines[0].content.trim() === '---') {
    for (let j = 1; j < Math.min(lines.length, 30); j++) {
      if (lines[j].content.trim() === '---' || lines[j].content.trim() === '...') {
        push('frontMatter', lines[0].start, lineEnd(lines[j]));
        hasFrontMatter = true;
        i = j + 1;
        break;
      }
    }
  }

  let title: string | null = null;
  const checklist: ChecklistItem[] = [];
  const checklistGroups: string[] = [];
  const sections: { title: string; segment: number; line: number; questions: number[] }[] = [];
  const questions: Question[] = [];

  // Preamble: up to the first boundary; its first level-1 heading is the title.
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (boundaryOf(line.content)) break;
    const h: RegExpExecArray | null = title === null ? HEADING.exec(line.content) : null;
    if (h && h[1].length === 1) {
      title = (h[2] ?? '').trim();
      push('title', line.start, lineEnd(line));
    } else push('preamble', line.start, lineEnd(line));
  }

  let currentSection: (typeof sections)[number] | null = null;
  while (i < lines.length) {
    const line = lines[i];
    const boundary = boundaryOf(line.content);
    if (!boundary) {
      // Only reachable at the very end of a zone that produced no boundary (defensive).
      push('other', line.start, lineEnd(line));
      i++;
      continue;
    }
    // The zone runs up to the next boundary line.
    let end = i + 1;
    while (end < lines.length && !boundaryOf(lines[end].content)) end++;
    const zone = lines.slice(i + 1, end);

    if (boundary.kind === 'checklist') {
      push('checklistHeading', line.start, lineEnd(line));
      let group: string | null = null;
      for (let z = 0; z < zone.length; z++) {
        const zl = zone[z];
        const h = HEADING.exec(zl.content);
        if (h) {
          group = (h[2] ?? '').trim();
          checklistGroups.push(group);
          push('checklistGroupHeading', zl.start, lineEnd(zl));
          continue;
        }
        const item = CHECKLIST_ITEM.exec(zl.content);
        if (!item) {
          push('other', zl.start, lineEnd(zl));
          continue;
        }
        let last = z;
        while (
          last + 1 < zone.length &&
          !isBlank(zone[last + 1].content) &&
          !CHECKLIST_ITEM.test(zone[last + 1].content) &&
          !HEADING.test(zone[last + 1].content) &&
          /^[ \t]/.test(zone[last + 1].content)
        ) {
          last++;
        }
        const fullText = [item[4], ...zone.slice(z + 1, last + 1).map((l) => l.content.trim())]
          .join(' ')
          .trim();
        const tag = MODULE_TAG.exec(fullText);
        const segment = push('checklistItem', zl.start, lineEnd(zone[last]));
        checklist.push({
          index: checklist.length,
          group,
          text: (tag ? fullText.slice(0, tag.index) : fullText).trim(),
          module: tag ? tag[1].replace(/\s+/g, '') : null,
          checked: item[2].trim() !== '',
          mark: item[2],
          segment,
          line: lineNumber(i + 1 + z),
        });
        z = last;
      }
    } else if (boundary.kind === 'section') {
      const segment = push('sectionHeading', line.start, lineEnd(line));
      currentSection = { title: boundary.title, segment, line: lineNumber(i), questions: [] };
      sections.push(currentSection);
      if (zone.length > 0) push('sectionIntro', zone[0].start, lineEnd(zone[zone.length - 1]));
    } else {
      const headingSegment = push('questionHeading', line.start, lineEnd(line));
      const markerAt = zone.findIndex((l) => MARKER_LINE.test(l.content));
      const zoneEnd = zone.length > 0 ? lineEnd(zone[zone.length - 1]) : lineEnd(line);
      let promptLineCount: number;
      let answerStart: number;
      /** Index in `zone` of the line the answer begins on. */
      let answerFirstLine: number;
      let onMarkerLine = false;
      if (markerAt >= 0) {
        const marker = zone[markerAt];
        const tokenEnd = marker.content.indexOf('Answer:') + 'Answer:'.length;
        promptLineCount = markerAt + 1;
        if (/^[\s*_]*$/.test(marker.content.slice(tokenEnd))) {
          answerStart = lineEnd(marker);
          answerFirstLine = markerAt + 1;
        } else {
          onMarkerLine = true;
          answerStart = marker.start + tokenEnd;
          answerFirstLine = markerAt;
        }
      } else {
        // No marker: the prompt is the quote block under the heading (blank lines inside it
        // included); the rest is the answer.
        let q = 0;
        for (let z = 0; z < zone.length; z++) {
          if (/^[ \t]*>/.test(zone[z].content)) q = z + 1;
          else if (!isBlank(zone[z].content)) break;
        }
        promptLineCount = q;
        answerStart = q < zone.length ? zone[q].start : zoneEnd;
        answerFirstLine = q;
      }
      if (!onMarkerLine) {
        while (answerFirstLine < zone.length - 1 && isBlank(zone[answerFirstLine].content)) answerFirstLine++;
      }
      const promptEnd = answerStart;
      const promptSegment = push('prompt', lineEnd(line), promptEnd);
      segments.push({ kind: 'answer', start: answerStart, text: text.slice(answerStart, zoneEnd) });
      const answerSegment = segments.length - 1;
      const facts = readPrompt(zone.slice(0, promptLineCount).map((l) => l.content));
      const answer = answerContent(segments[answerSegment].text, onMarkerLine);
      const answerLine = lineNumber(i + 1 + Math.min(answerFirstLine, Math.max(zone.length - 1, 0)));
      questions.push({
        number: boundary.number,
        section: currentSection?.title ?? null,
        headingSegment,
        promptSegment: promptSegment >= 0 ? promptSegment : null,
        answerSegment,
        ...facts,
        hasAnswerMarker: markerAt >= 0,
        answerOnMarkerLine: onMarkerLine,
        answer,
        isPlaceholder: answer.includes(placeholderFor(boundary.number)),
        headingLine: lineNumber(i),
        answerLine,
      });
      currentSection?.questions.push(boundary.number);
    }
    i = end;
  }

  const sectionsOut: Section[] = sections;
  return {
    segments,
    lineEnding: detectLineEnding(text),
    hasBom,
    hasFrontMatter,
    title,
    checklist,
    checklistGroups,
    sections: sectionsOut,
    questions,
  };
}
