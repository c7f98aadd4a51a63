/**
 * What the blank templates say, arranged for recognising their pieces in a drifted report: each
 * question's prompt lines (from every dated version of the generation, so a report made from any
 * of them matches), the quote text that a formatter may have joined, the section layout, and the
 * exact blocks a repair restores.
 */
import type { Generation } from '../constraints';
import { parseReport } from '../parseReport';
import { BLANK_TEMPLATES, type BlankTemplate } from '../templates/blankTemplates';
import { blankTemplate, latestBlankTemplate } from '../templates/blankTemplateOf';

/** Compares template text loosely: case, whitespace and markdown emphasis/quote marks ignored. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/[>*_`\\\s]/g, '');
}

/** The line's text without its quote marks. */
export function unquote(content: string): string {
  return content.replace(/^[ \t]*(?:>[ \t]?)+/, '');
}

interface QuestionText {
  /** Normalised prompt lines (every version), the `Answer:` line excluded. */
  readonly lines: ReadonlySet<string>;
  /** All normalised prompt lines, NUL-separated, for substring matches of reflowed lines. */
  readonly all: string;
  /** The bold prompt lines only (what identifies the question), NUL-separated. */
  readonly bold: string;
}

export interface TemplateIndex {
  readonly generation: Generation;
  /** The blank template of the report's version (the generation's latest when unknown). */
  readonly primary: BlankTemplate;
  /** Every quote line of the generation's templates (prompts, intros), normalised. */
  readonly quoteLines: ReadonlySet<string>;
  readonly quoteText: string;
  /** Section title (normalised) → the template's questions in it, for the primary version. */
  readonly sections: readonly { readonly title: string; readonly questions: readonly number[] }[];
  readonly question: (n: number) => QuestionText | undefined;
  /** The primary template's lines for question n: heading, prompt with `> Answer:`, blank, placeholder. */
  readonly block: (n: number) => string[] | null;
}

const cache = new Map<string, TemplateIndex>();

function build(generation: Generation, version: string | null): TemplateIndex {
  const primary = (version ? blankTemplate(version) : undefined) ?? latestBlankTemplate(generation);
  const perQuestion = new Map<number, { lines: Set<string>; all: string[]; bold: string[] }>();
  const quoteLines = new Set<string>();
  const quoteParts: string[] = [];
  for (const template of BLANK_TEMPLATES.filter((t) => t.generation === generation)) {
    const doc = parseReport(template.text);
    for (const segment of doc.segments) {
      if (segment.kind !== 'prompt' && segment.kind !== 'sectionIntro') continue;
      for (const line of segment.text.split('\n')) {
        if (!/^[ \t]*>/.test(line)) continue;
        const norm = normalizeForMatch(unquote(line));
        if (norm === '') continue;
        quoteLines.add(norm);
        quoteParts.push(norm);
      }
    }
    for (const q of doc.questions) {
      if (q.promptSegment === null) continue;
      const entry = perQuestion.get(q.number) ?? { lines: new Set<string>(), all: [], bold: [] };
      perQuestion.set(q.number, entry);
      for (const line of doc.segments[q.promptSegment].text.split('\n')) {
        const content = unquote(line).trim();
        if (content === '' || /^Answer:/.test(content)) continue;
        const norm = normalizeForMatch(content);
        entry.lines.add(norm);
        entry.all.push(norm);
        if (/^(?:\*\*|__)/.test(content)) entry.bold.push(norm);
      }
    }
  }
  const questions = new Map<number, QuestionText>();
  for (const [n, e] of perQuestion) {
    questions.set(n, { lines: e.lines, all: e.all.join('\0'), bold: e.bold.join('\0') });
  }

  const primaryDoc = parseReport(primary.text);
  const sections = primaryDoc.sections.map((s) => ({ title: normalizeForMatch(s.title), questions: s.questions }));
  const block = (n: number): string[] | null => {
    const q = primaryDoc.questions.find((x) => x.number === n);
    if (!q) return null;
    const heading = primaryDoc.segments[q.headingSegment].text;
    const prompt = q.promptSegment === null ? '' : primaryDoc.segments[q.promptSegment].text;
    const lines = (heading + prompt).replace(/\n$/, '').split('\n');
    return [...lines, '', `--- question ${n} fill here ---`];
  };
  return {
    generation,
    primary,
    quoteLines,
    quoteText: quoteParts.join('\0'),
    sections,
    question: (n) => questions.get(n),
    block,
  };
}

export function templateIndex(generation: Generation, version: string | null): TemplateIndex {
  const key = `${generation}/${version ?? ''}`;
  let index = cache.get(key);
  if (!index) {
    index = build(generation, version);
    cache.set(key, index);
  }
  return index;
}

/** Does a report line read like one of question n's prompt lines (any version)? */
export function matchesPromptLine(index: TemplateIndex, n: number, content: string): boolean {
  const q = index.question(n);
  if (!q) return false;
  const norm = normalizeForMatch(unquote(content));
  if (norm === '') return false;
  if (q.lines.has(norm)) return true;
  return norm.length >= 12 && q.all.includes(norm);
}

/** Does a report line read like one of question n's bold prompt lines — the question's identity? */
export function matchesBoldPrompt(index: TemplateIndex, n: number, content: string): boolean {
  const q = index.question(n);
  if (!q || q.bold === '') return false;
  const norm = normalizeForMatch(unquote(content));
  return norm.length >= 12 && q.bold.includes(norm);
}

/** Is this piece of a joined quote line one of the templates' quote lines (or a part of one)? */
export function isTemplateQuoteText(index: TemplateIndex, piece: string): boolean {
  const norm = normalizeForMatch(piece);
  if (norm === '') return true;
  if (index.quoteLines.has(norm)) return true;
  return norm.length >= 12 && index.quoteText.includes(norm);
}
