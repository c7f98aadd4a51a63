/** Reference-style link definitions, so `![alt][label]` can be followed to its target. */
import { linesOf, type LineSpan } from './lineSpans';

const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)/;

export interface Definition {
  targetStart: number;
  targetEnd: number;
}

/** Labels match case-insensitively, runs of whitespace as one (CommonMark). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The reference definitions (`[label]: target`) of a text, the first of each label winning. Only a
 * line holding `]:` can be one: lines without are skipped by one `indexOf` (most reports have no
 * definition, and matching every line cost a cold `check` ~2 ms).
 */
export function definitionsOf(text: string): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  let colon = text.indexOf(']:'); // the next `]:` at or after the current line's start
  // Most reports have none: then not even the lines are listed (~800 spans for a report).
  if (colon === -1) return defs;
  for (const line of linesOf(text, 0, text.length)) {
    if (colon !== -1 && colon < line.start) colon = text.indexOf(']:', line.start);
    if (colon === -1) break;
    if (colon >= line.end) continue;
    const found = definitionOn(text, line);
    if (found && !defs.has(found.label)) defs.set(found.label, found.definition);
  }
  return defs;
}

/** The reference definition that line `line` of `text` holds, with its normalised label, if any. */
export function definitionOn(text: string, line: LineSpan): { label: string; definition: Definition } | null {
  const m = DEFINITION.exec(text.slice(line.start, line.end));
  if (!m) return null;
  const targetStart = line.start + m[0].length - m[2].length;
  return { label: normalizeLabel(m[1]), definition: { targetStart, targetEnd: targetStart + m[2].length } };
}
