/**
 * Git's conflict markers left in a report (after a `git pull` without the merge driver, or with
 * it, inside one answer): where each conflicted region is, its versions, and the questions it
 * touches. A lone `=======` is a setext heading underline, not a conflict: only a full
 * `<<<<<<<` … `=======` … `>>>>>>>` sequence (or an unclosed `<<<<<<<`) counts.
 */
import { lineCounter } from '../lineIndex';
import { parseReport } from '../parseReport';
import type { ReportDocument } from '../reportModel';

export interface ConflictRegion {
  /** Offsets of the region, from the `<<<<<<<` line to the end of the `>>>>>>>` line (line break included). */
  readonly start: number;
  readonly end: number;
  /** 1-based lines of the opening and closing markers. */
  readonly line: number;
  readonly endLine: number;
  /** False when the region is not closed by `>>>>>>>` (it then runs to the end of the file). */
  readonly complete: boolean;
  /** The labels after the markers, e.g. `HEAD` and `origin/main`. */
  readonly oursLabel: string;
  readonly theirsLabel: string;
  /** The versions between the markers, exactly as in the file; base only in diff3 style. */
  readonly ours: string;
  readonly base: string | null;
  readonly theirs: string;
  /** Questions whose heading or answer the region overlaps, in file order. */
  readonly questions: readonly number[];
  /** The one question whose answer holds the whole region (what the merge driver writes), else null. */
  readonly insideAnswer: number | null;
}

interface MarkerLine {
  readonly char: '<' | '|' | '=' | '>';
  readonly size: number;
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

const MARKER = /^([<|=>])\1{6,}(?:[ \t]+(.*))?$/;

function markerLines(text: string): MarkerLine[] {
  const found: MarkerLine[] = [];
  const pattern = /^([<|=>])\1{6,}(?:[ \t][^\r\n]*)?(?:\r\n|\r|\n|$)/gm;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const content = m[0].replace(/[\r\n]+$/, '');
    const parsed = MARKER.exec(content);
    if (!parsed) continue;
    const char = parsed[1] as MarkerLine['char'];
    const size = /^([<|=>])\1*/.exec(content)![0].length;
    // `=======` takes no label; anything after it makes it ordinary text.
    if (char === '=' && parsed[2] !== undefined && parsed[2].trim() !== '') continue;
    found.push({ char, size, label: (parsed[2] ?? '').trim(), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

export function findConflictMarkers(text: string, doc: ReportDocument = parseReport(text)): ConflictRegion[] {
  if (!/^(?:<{7}|>{7})/m.test(text)) return [];
  const markers = markerLines(text);
  const lineAt = lineCounter(text);
  const zones = doc.questions.map((q) => {
    const heading = doc.segments[q.headingSegment];
    const answer = doc.segments[q.answerSegment];
    return { number: q.number, start: heading.start, answerStart: answer.start, end: answer.start + answer.text.length };
  });
  const regions: ConflictRegion[] = [];
  for (let i = 0; i < markers.length; i++) {
    const open = markers[i];
    if (open.char !== '<') continue;
    let baseAt: MarkerLine | null = null;
    let middle: MarkerLine | null = null;
    let close: MarkerLine | null = null;
    let j = i + 1;
    for (; j < markers.length; j++) {
      const m = markers[j];
      if (m.size !== open.size) continue;
      if (m.char === '<') break; // a new region opens: this one was never closed
      if (m.char === '|' && !middle && !baseAt) baseAt = m;
      else if (m.char === '=' && !middle) middle = m;
      else if (m.char === '>' && middle) {
        close = m;
        break;
      }
    }
    if (!middle && !close) continue; // a stray `<<<<<<<` line, e.g. in a code sample
    const end = close ? close.end : text.length;
    const oursEnd = (baseAt ?? middle)?.start ?? end;
    const questions = [...new Set(zones.filter((z) => z.start < end && open.start < z.end).map((z) => z.number))];
    const holder = zones.find((z) => open.start >= z.answerStart && end <= z.end);
    regions.push({
      start: open.start,
      end,
      line: lineAt(open.start),
      endLine: lineAt(close ? close.start : Math.max(open.start, text.length - 1)),
      complete: close !== null,
      oursLabel: open.label,
      theirsLabel: close?.label ?? '',
      ours: text.slice(open.end, oursEnd),
      base: baseAt ? text.slice(baseAt.end, middle?.start ?? end) : null,
      theirs: middle ? text.slice(middle.end, close ? close.start : end) : '',
      questions,
      insideAnswer: holder ? holder.number : null,
    });
    i = close ? j : i;
  }
  return regions;
}

export type ConflictChoice = 'ours' | 'theirs' | 'both' | { readonly text: string };

/** The text with one region replaced by the chosen version (`both`: ours, then theirs). */
export function resolveConflictRegion(text: string, region: ConflictRegion, choice: ConflictChoice): string {
  const chosen = choice === 'ours' ? region.ours : choice === 'theirs' ? region.theirs : choice === 'both' ? region.ours + region.theirs : choice.text;
  return text.slice(0, region.start) + chosen + text.slice(region.end);
}

function questionList(numbers: readonly number[]): string {
  if (numbers.length === 1) return `question ${numbers[0]}`;
  return `questions ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** What a conflicted region means for the student, in one message (shared by `check` and `doctor`). */
export function describeConflictRegion(region: ConflictRegion): string {
  const lines = region.complete ? `lines ${region.line}–${region.endLine}` : `from line ${region.line}, never closed by ">>>>>>>"`;
  const where =
    region.insideAnswer !== null
      ? `Question ${region.insideAnswer} has an unresolved merge conflict (${lines})`
      : region.questions.length > 0
        ? `An unresolved merge conflict (${lines}) spans ${questionList(region.questions)}`
        : `An unresolved merge conflict (${lines}) is in the template text`;
  return `${where}: git's "<<<<<<<", "=======" and ">>>>>>>" lines and both versions are in the file, so the checker counts the words of both versions and of the markers, and the graded page shows them ("=======" turns the line above it into a heading). Keep one version (or combine them) and delete the marker lines.`;
}

/** A conflicted region as a `check` warning. */
export interface ConflictWarning {
  readonly kind: 'merge-conflict';
  readonly question: number | null;
  readonly line: number;
  readonly message: string;
}

export function conflictWarnings(text: string, doc?: ReportDocument): ConflictWarning[] {
  return findConflictMarkers(text, doc).map((region) => ({
    kind: 'merge-conflict',
    question: region.insideAnswer ?? region.questions[0] ?? null,
    line: region.line,
    message: describeConflictRegion(region),
  }));
}
