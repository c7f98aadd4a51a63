/**
 * Which template a report was made from: its generation (27/31 questions) and dated version,
 * recognised by overlap with the blank templates' wording (the fingerprint), weighted towards the
 * phrases only one version has. Robust to answers being filled in and to reflowed lines.
 */
import { type CheckerProfile, courseProfile, type Generation, type Range } from './constraints';
import { parseReport } from './parseReport';
import type { ReportDocument } from './reportModel';
import { readFingerprintTable, templateCoverage, type DeclaredRanges, type Fingerprints } from './templateFingerprint';
import { TEMPLATE_FINGERPRINTS } from './templates/templateFingerprints';

// Their home is templates/blankTemplateOf.ts (kept off the check path); re-exported for callers.
export { blankTemplate, latestBlankTemplate } from './templates/blankTemplateOf';

export interface TemplateMatch {
  readonly version: string;
  readonly generation: Generation;
  /** Share of the version's weighted wording found in the report, 0..1. */
  readonly coverage: number;
}

/** Read on first use, not at import: nothing runs when a module merely imports this one. */
let fingerprints: Fingerprints | null = null;
const allFingerprints = (): Fingerprints => (fingerprints ??= readFingerprintTable(TEMPLATE_FINGERPRINTS));

/** Minimum weighted overlap for a file to count as made from a template. */
const MIN_COVERAGE = 0.2;

/**
 * The last few texts detected and their answers: opening a report asks twice of the same text (is
 * it the template? which version?), the doctor asks again of the text just opened, and a batch
 * check inspects a few reports at a time. Bounded in count and in characters, so no old text of a
 * long editing session or a pasted 20 MB file is kept alive for long.
 */
const recentlyDetected = new Map<string, TemplateMatch | null>();
const MAX_REMEMBERED = 8;
const MAX_REMEMBERED_CHARS = 4_000_000;
let maxRemembered = MAX_REMEMBERED;
let maxRememberedChars = MAX_REMEMBERED_CHARS;

/**
 * A batch of `count` reports (`report-editor check FOLDER-OF-REPOS`) finds every report first, then
 * checks them: each text is detected while finding it and asked again while checking it. Remembering
 * one answer per report (within the same bound in characters) detects each text once instead of
 * twice, ~1 ms a report. Texts up to 100,000 characters each (a report is rarely half that) are
 * all kept; the batch holds every report's text until it prints anyway.
 */
export function rememberDetectionsOf(count: number): void {
  maxRemembered = Math.max(MAX_REMEMBERED, count);
  maxRememberedChars = Math.max(MAX_REMEMBERED_CHARS, count * 100_000);
}

export function detectTemplate(
  text: string,
  /**
   * `text` already parsed, when the caller holds it: a report the wording does not recognise is
   * judged by its questions, and parsing a huge text a second time doubles the peak memory (the
   * doctor's second round on 117,000 questions: +107 MB).
   */
  parsed?: ReportDocument,
): TemplateMatch | null {
  const known = recentlyDetected.get(text);
  if (known !== undefined) return known;
  const match = detectTemplateUncached(text, parsed);
  if (text.length <= maxRememberedChars) {
    recentlyDetected.set(text, match);
    let chars = 0;
    for (const key of recentlyDetected.keys()) chars += key.length;
    for (const key of recentlyDetected.keys()) {
      if (recentlyDetected.size <= maxRemembered && chars <= maxRememberedChars) break;
      recentlyDetected.delete(key);
      chars -= key.length;
    }
  }
  return match;
}

/**
 * Texts recognised so far in this process. The first few are split into words by V8's native
 * `split` (one report: its code runs once, in the interpreter); from then on (a batch) they are
 * read character by character, which the optimiser makes the faster.
 */
let recognised = 0;
const COLD_TEXTS = 2;

function detectTemplateUncached(text: string, parsed: ReportDocument | undefined): TemplateMatch | null {
  const { templates } = allFingerprints();
  const coverages = templateCoverage(allFingerprints(), text, ++recognised > COLD_TEXTS);
  let best: TemplateMatch | null = null;
  templates.forEach((template, i) => {
    // Ties go to the later version (templates are sorted oldest first).
    if (!best || coverages[i] >= best.coverage) {
      best = { version: template.version, generation: template.generation, coverage: coverages[i] };
    }
  });
  const found = best as TemplateMatch | null;
  if (found && found.coverage >= MIN_COVERAGE) return found;
  // Heavily edited but still structured like the template: decide the generation by its questions.
  const doc = parsed ?? parseReport(text);
  if (doc.questions.length >= 5) {
    // A loop, not Math.max(...numbers): spread arguments overflow the stack at ~120,000 questions.
    let highest = 0;
    for (const q of doc.questions) highest = Math.max(highest, q.number);
    return { version: 'unknown', generation: highest > 27 ? 31 : 27, coverage: found?.coverage ?? 0 };
  }
  return null;
}

/** True when `text` holds the exam template (filled in or not). */
export function isReportTemplate(text: string): boolean {
  return detectTemplate(text) !== null;
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
export function declaredRangeDifferences(
  templateDoc: { readonly questions: readonly DeclaredRanges[] },
  profile: CheckerProfile,
): RangeDifference[] {
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
  // The detected version's prompts come precomputed with its fingerprint (parsing its blank copy
  // on every check cost as much as parsing the report).
  const declared = template ? allFingerprints().templates.find((t) => t.version === template.version)?.declared : undefined;
  const differences = declaredRangeDifferences(declared ? { questions: declared } : parseReport(text), profile);
  return { profile, template, differences };
}
