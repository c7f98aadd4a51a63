/**
 * Parses any text into a lossless ReportDocument. It never fails: text that does not fit the
 * template lands in `preamble` or `other` segments, verbatim. Boundaries are found line by line
 * without tracking code fences on purpose — an unclosed fence in one answer must not swallow every
 * later question (the course's checker ignores fences too).
 */
import { answerContent } from './answerContent';
import { readPrompt } from './promptFacts';
import { boundaryOf, HEADING } from './reportBoundaries';
import { detectLineEnding, lineEnd, reportLines, type Line } from './reportLines';
import type { ChecklistItem, Question, ReportDocument, Section, Segment, SegmentKind } from './reportModel';
import { placeholderFor } from './reportModel';

const CHECKLIST_ITEM = /^([ \t]*[*+-][ \t]+)\[([^\]\n]{0,4})\]([ \t]*)(.*)$/;
const MODULE_TAG = /\(\s*(M\d+(?:\s*[+,&/]\s*M?\d+)*)\s*\)\s*$/;
/** `> Answer:`, `>Answer:`, `> **Answer:**`, `Answer:` — the marker must open the line. */
const MARKER_LINE = /^[ \t]*(?:>[ \t]*)*(?:[*_]{1,3})?Answer:/;

function isBlank(content: string): boolean {
  return content.trim() === '';
}

/** A front matter closes within this many lines of the file's start, or there is none. */
export const FRONT_MATTER_MAX_LINES = 30;

/**
 * How many lines the Jekyll front matter takes (0: none): a `---` first line closed by a `---` or
 * `...` line within the first FRONT_MATTER_MAX_LINES. Only those lines of `lines` are read.
 */
export function frontMatterLineCount(lines: readonly Line[]): number {
  if (lines.length === 0 || lines[0].content.trim() !== '---') return 0;
  for (let j = 1; j < Math.min(lines.length, FRONT_MATTER_MAX_LINES); j++) {
    const content = lines[j].content.trim();
    if (content === '---' || content === '...') return j + 1;
  }
  return 0;
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

  const hasBom = text.charCodeAt(0) === 0xfeff;
  if (hasBom) push('bom', 0, 1);
  const lineNumber = (index: number) => index + 1;

  let i = frontMatterLineCount(lines);
  const hasFrontMatter = i > 0;
  if (hasFrontMatter) push('frontMatter', lines[0].start, lineEnd(lines[i - 1]));

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
