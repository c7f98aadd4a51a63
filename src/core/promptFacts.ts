/**
 * What a question's prompt declares: its bold wording, the word range ("Answer length: 100-200
 * words"), the images it asks for and the template's example answer.
 */
import type { Range } from './constraints';

function stripQuote(line: string): string {
  return line.replace(/^[ \t]*>[ \t]?/, '');
}

const WORD_RANGE = /(?:answer length|length)\s*:?\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*words/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, a: 1, an: 1, two: 2, three: 3 };
const IMAGE_RANGE =
  /\b(\d+|one|two|three|an?)(?:\s*(?:-|–|to)\s*(\d+|two|three))?\s+(?:images?|screenshots?|figures?)\b/i;

function parseNumberWord(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS[s.toLowerCase()] ?? NaN);
}

export interface PromptFacts {
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

/**
 * The prompts of the blank templates, read ahead of time (templates/templatePrompts.ts, kept equal
 * to what `readPromptUncached` gives by test/core/templatePrompts.test.ts), once a host that starts
 * cold hands them over (`provideStoredTemplatePrompts`): students leave the prompts as they are, so
 * a report's first parse in a process (every `check`) finds its 31 prompts there instead of reading
 * them with a dozen regular expressions each (~1.3 ms and ~400 kB of garbage of a cold `check`).
 * The CLI does; the app does not: its page reads the prompts once, and the table (63 kB of script)
 * cost its open ~40 ms. JSON text, made a Map on first use.
 */
let storedPromptsJson: string | null = null;
let templatePrompts: ReadonlyMap<string, PromptFacts> | null = null;
const NO_STORED_PROMPTS: ReadonlyMap<string, PromptFacts> = new Map();

/** From now on, prompts found in `json` (templates/templatePrompts.ts) are not read again. */
export function provideStoredTemplatePrompts(json: string): void {
  storedPromptsJson = json;
  templatePrompts = null;
}

function storedPrompts(): ReadonlyMap<string, PromptFacts> {
  templatePrompts ??=
    storedPromptsJson === null
      ? NO_STORED_PROMPTS
      : new Map(JSON.parse(storedPromptsJson) as [string, PromptFacts][]);
  return templatePrompts;
}

/** The lines of a prompt as one key: how the facts of equal prompts are found. */
const promptKey = (promptLines: readonly string[]): string => promptLines.join('\n');

/** While `promptsReadBy` runs: every prompt read, with its facts read afresh. */
let recording: Map<string, PromptFacts> | null = null;

/**
 * The prompts `run` reads (by parsing, say), each with the facts `readPromptUncached` gives:
 * how templates/templatePrompts.ts is generated from the blank templates.
 */
export function promptsReadBy(run: () => void): Map<string, PromptFacts> {
  const read = new Map<string, PromptFacts>();
  recording = read;
  try {
    run();
  } finally {
    recording = null;
  }
  return read;
}

export function readPrompt(promptLines: readonly string[]): PromptFacts {
  const key = promptKey(promptLines);
  if (recording !== null) {
    const facts = readPromptUncached(promptLines);
    recording.set(key, facts);
    return facts;
  }
  const cached = promptCache.get(key) ?? storedPrompts().get(key);
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
