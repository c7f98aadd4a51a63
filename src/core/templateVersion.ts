/**
 * Which template a report was made from: its generation (27/31 questions) and dated version,
 * recognised by overlap with the blank templates' wording (the fingerprint), weighted towards the
 * phrases only one version has. Robust to answers being filled in and to reflowed lines.
 */
import { type CheckerProfile, courseProfile, type Generation, type Range } from './constraints';
import { parseReport } from './parseReport';
import type { ReportDocument } from './reportModel';
import { BLANK_TEMPLATES, type BlankTemplate } from './templates/blankTemplates';

export interface TemplateMatch {
  readonly version: string;
  readonly generation: Generation;
  /** Share of the version's weighted wording found in the report, 0..1. */
  readonly coverage: number;
}

const SHINGLE = 5;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

interface Fingerprint {
  readonly template: BlankTemplate;
  readonly weights: Map<string, number>;
  readonly total: number;
}

let fingerprints: Fingerprint[] | null = null;
/** First words of every template shingle: a report's shingle starting elsewhere can never match. */
let firstWords: Set<string> | null = null;

/**
 * The report's shingles that some template has. Same answer as `shingles(text)` for the fingerprint
 * lookups, without building a set of every 5-word run of a 20 MB file (seconds → a fraction).
 */
function templateShinglesIn(text: string): Set<string> {
  allFingerprints();
  // The words as `shingles` splits them, read through a window of five: an array of every word of
  // a 3 MB file (twice, split then filtered) took ~40 MB.
  const lower = text.toLowerCase();
  const word = /[a-z0-9]+/g;
  const window: string[] = [];
  const out = new Set<string>();
  for (let m = word.exec(lower); m !== null; m = word.exec(lower)) {
    window.push(m[0]);
    if (window.length > SHINGLE) window.shift();
    if (window.length === SHINGLE && firstWords!.has(window[0])) out.add(window.join(' '));
  }
  return out;
}

function allFingerprints(): Fingerprint[] {
  if (fingerprints) return fingerprints;
  const sets = BLANK_TEMPLATES.map((t) => shingles(t.text));
  const seen = new Map<string, number>();
  for (const set of sets) for (const s of set) seen.set(s, (seen.get(s) ?? 0) + 1);
  fingerprints = BLANK_TEMPLATES.map((template, i) => {
    const weights = new Map<string, number>();
    let total = 0;
    for (const s of sets[i]) {
      const w = 1 / (seen.get(s) ?? 1);
      weights.set(s, w);
      total += w;
    }
    return { template, weights, total };
  });
  firstWords = new Set([...seen.keys()].map((s) => s.slice(0, s.indexOf(' '))));
  return fingerprints;
}

/** Minimum weighted overlap for a file to count as made from a template. */
const MIN_COVERAGE = 0.2;

/**
 * The last text detected and its answer: opening a report asks twice of the same text (is it the
 * template? which version?), and the doctor asks again of the text just opened.
 */
let lastDetected: { readonly text: string; readonly match: TemplateMatch | null } | null = null;

export function detectTemplate(text: string): TemplateMatch | null {
  if (lastDetected?.text === text) return lastDetected.match;
  const match = detectTemplateUncached(text);
  lastDetected = { text, match };
  return match;
}

function detectTemplateUncached(text: string): TemplateMatch | null {
  const report = templateShinglesIn(text);
  let best: TemplateMatch | null = null;
  for (const fp of allFingerprints()) {
    let score = 0;
    for (const [s, w] of fp.weights) if (report.has(s)) score += w;
    const coverage = score / fp.total;
    // Ties go to the later version (templates are sorted oldest first).
    if (!best || coverage >= best.coverage) {
      best = { version: fp.template.version, generation: fp.template.generation, coverage };
    }
  }
  if (best && best.coverage >= MIN_COVERAGE) return best;
  // Heavily edited but still structured like the template: decide the generation by its questions.
  const doc = parseReport(text);
  if (doc.questions.length >= 5) {
    const highest = Math.max(...doc.questions.map((q) => q.number));
    return { version: 'unknown', generation: highest > 27 ? 31 : 27, coverage: best?.coverage ?? 0 };
  }
  return null;
}

/** True when `text` holds the exam template (filled in or not). */
export function isReportTemplate(text: string): boolean {
  return detectTemplate(text) !== null;
}

export function blankTemplate(version: string): BlankTemplate | undefined {
  return BLANK_TEMPLATES.find((t) => t.version === version);
}

export function latestBlankTemplate(generation: Generation): BlankTemplate {
  const candidates = BLANK_TEMPLATES.filter((t) => t.generation === generation);
  return candidates[candidates.length - 1];
}

export interface RangeDifference {
  readonly question: number;
  readonly kind: 'words' | 'images';
  /** What the template's prompt tells the student. */
  readonly declared: Range | null;
  /** What the checker in force enforces. */
  readonly enforced: Range | null;
}

const sameRange = (a: Range | null | undefined, b: Range | null | undefined) =>
  (a ?? null) === null ? (b ?? null) === null : !!b && a!.min === b.min && a!.max === b.max;

/**
 * Where the prompts of `templateDoc` (the detected version's blank copy, or the report itself)
 * declare ranges other than the ones `profile` enforces.
 */
export function declaredRangeDifferences(templateDoc: ReportDocument, profile: CheckerProfile): RangeDifference[] {
  const out: RangeDifference[] = [];
  for (const q of templateDoc.questions) {
    const enforced = profile.questions[q.number - 1];
    if (!enforced) continue;
    // Prompts of image-only questions carry no word range; that is not a difference.
    if (q.declaredWords && !sameRange(q.declaredWords, enforced.words)) {
      out.push({ question: q.number, kind: 'words', declared: q.declaredWords, enforced: enforced.words ?? null });
    }
    if (q.declaredImages && !sameRange(q.declaredImages, enforced.images)) {
      out.push({ question: q.number, kind: 'images', declared: q.declaredImages, enforced: enforced.images ?? null });
    }
  }
  return out;
}

export interface ResolvedProfile {
  readonly profile: CheckerProfile;
  readonly template: TemplateMatch | null;
  /** Where the detected version's prompts disagree with the table in force. */
  readonly differences: readonly RangeDifference[];
}

/**
 * The checker that applies to `text`: the repo's own report.py when one was given and understood,
 * otherwise the course's current checker for the detected generation.
 */
export function resolveProfile(text: string, reportPyProfile: CheckerProfile | null = null): ResolvedProfile {
  const template = detectTemplate(text);
  const profile = reportPyProfile ?? courseProfile(template?.generation ?? 31);
  const blank = template ? blankTemplate(template.version) : undefined;
  const differences = declaredRangeDifferences(parseReport(blank?.text ?? text), profile);
  return { profile, template, differences };
}
