/**
 * The doctor: where a report drifted from the template, how much it matters to the course's
 * checker and grader, and pure fixes that restore the template's structure around the answers
 * without changing a word of them.
 */
import { checkReport, type CheckResult } from '../checkReport';
import { countOf, type CheckerProfile } from '../constraints';
import type { ReportDocument } from '../reportModel';
import { comparableWords, eachComparableWord } from './answerWords';
import { createContext, type Draft } from './context';
import { detectAnswers } from './detectAnswers';
import { detectChecklist } from './detectChecklist';
import { detectConflicts } from './detectConflicts';
import { detectQuotes } from './detectQuotes';
import { detectStructure } from './detectStructure';
import { EditLedger } from './editLedger';
import { applyLineEdits, type LineEdit, type TextLines } from './textLines';
import type { Finding, FindingKind, FixChoices, Severity } from './types';
import { GUARDED_MAX_CHARS, guardRound, type GuardCandidate, type WithheldFix } from './verdictGuard';

const KIND_ORDER: readonly FindingKind[] = [
  'front-matter',
  'missing-question',
  'missing-question-heading',
  'question-heading-format',
  'duplicate-question',
  'joined-quote-lines',
  'missing-answer-marker',
  'marker-format',
  'answer-on-marker-line',
  'answer-glued-to-marker',
  'extra-answer-marker',
  'heading-in-answer',
  'hashes-in-answer',
  'placeholder',
  'unanswered',
  'todo',
  'checklist-marks',
  'checklist-heading',
  'merge-conflict',
  'checker-error',
];

const RANK: Record<Severity, number> = { cosmetic: 0, 'changes-grade': 1, 'breaks-checker': 2 };
const worse = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b);

/** Counts per answer, to tell whether a fix changes what the checker grades. */
function counts(check: CheckResult): string {
  return check.perAnswer.map((a) => `${a.words}/${a.images}`).join(' ');
}

interface Diagnosed {
  readonly finding: Finding;
  readonly draft: Draft;
}

function defaultOption(draft: Draft): string {
  return draft.fix?.options?.[0]?.id ?? '';
}

/**
 * How much text the fix simulations may re-check per diagnosis. Each simulation re-runs the checker
 * on the whole fixed text: ~30 findings on a 50 kB report cost 1.5 M characters, but tens of
 * thousands of findings on a 2 MB file would take hours. Past the budget a finding keeps the
 * severity its detector gave it.
 */
const SIMULATION_BUDGET_CHARS = 8_000_000;

function diagnose(
  text: string,
  profile: CheckerProfile,
): { diagnosed: Diagnosed[]; textLines: TextLines; check: CheckResult; doc: ReportDocument } {
  const ctx = createContext(text, profile);
  const drafts: Draft[] = [...detectStructure(ctx), ...detectQuotes(ctx), ...detectAnswers(ctx), ...detectChecklist(ctx), ...detectConflicts(ctx)];
  const baseCounts = counts(ctx.check);
  let budget = SIMULATION_BUDGET_CHARS;
  const settled = drafts.map((draft) => {
    if (!draft.simulate || !draft.fix) return draft;
    if (budget < text.length) return draft;
    budget -= text.length;
    const after = checkReport(applyLineEdits(ctx.textLines, draft.fix.edits(defaultOption(draft))), profile);
    const simulated: Severity =
      after.answers !== ctx.check.answers || after.error !== ctx.check.error
        ? 'breaks-checker'
        : counts(after) !== baseCounts
          ? 'changes-grade'
          : 'cosmetic';
    return { ...draft, severity: worse(draft.severity, simulated) };
  });
  if (ctx.check.error !== null && !settled.some((d) => d.severity === 'breaks-checker')) {
    settled.push({
      kind: 'checker-error',
      severity: 'breaks-checker',
      line: null,
      question: null,
      message: `The course's checker stops with "${ctx.check.error}" (it finds ${countOf(ctx.check.answers, 'answer')}, not ${ctx.profile.expectedAnswers}), and no single drift from the template explains it. Look for "Answer:" and "###" written in unusual places.`,
    });
  }
  const kindRank = new Map(KIND_ORDER.map((kind, i) => [kind, i]));
  settled.sort((a, b) => (a.line ?? -1) - (b.line ?? -1) || kindRank.get(a.kind)! - kindRank.get(b.kind)!);
  const ordinals = new Map<string, number>();
  const diagnosed = settled.map((draft) => {
    const scope = `${draft.kind}:${draft.question ?? '-'}`;
    const ordinal = ordinals.get(scope) ?? 0;
    ordinals.set(scope, ordinal + 1);
    const finding: Finding = {
      id: `${scope}:${ordinal}`,
      kind: draft.kind,
      severity: draft.severity,
      line: draft.line === null ? null : draft.line + 1,
      question: draft.question,
      message: draft.message,
      ...(draft.fix ? { fix: { label: draft.fix.label, ...(draft.fix.options ? { options: draft.fix.options } : {}) } } : {}),
    };
    return { finding, draft };
  });
  return { diagnosed, textLines: ctx.textLines, check: ctx.check, doc: ctx.doc };
}

/**
 * Every place where `text` drifted from the template, in file order. `profile` is the checker in
 * force (the repo's own report.py, or the course's for the template's generation).
 */
export function doctor(text: string, profile: CheckerProfile): Finding[] {
  return diagnose(text, profile).diagnosed.map((d) => d.finding);
}

/**
 * Every finding with a function giving the text its default fix alone would make of `text` (null
 * when only the student can fix it), so a caller can offer each fix as an edit and say what it
 * changes. A function, not the text: each is a whole copy of the report, and holding one per
 * finding at once took over a GB on a 2 MB report with many findings.
 */
export function doctorWithFixes(text: string, profile: CheckerProfile): { finding: Finding; fixed: () => string | null }[] {
  const { diagnosed, textLines } = diagnose(text, profile);
  return diagnosed.map(({ finding, draft }) => ({
    finding,
    fixed: () => (draft.fix ? applyLineEdits(textLines, draft.fix.edits(defaultOption(draft))) : null),
  }));
}

const MAX_ROUNDS = 25;

/** The words a set of edits removes and is allowed to (template structure it rewrites). */
function droppableWords(textLines: TextLines, edits: readonly LineEdit[]): string[] {
  const out: string[] = [];
  for (const edit of edits) {
    if (!edit.dropsWords) continue;
    for (let i = edit.at; i < edit.at + edit.deleteCount && i < textLines.lines.length; i++) {
      out.push(...comparableWords(textLines.lines[i].content));
    }
  }
  return out;
}

/**
 * Throws instead of returning a text that lost a word (a bug in a fix, never the user's problem).
 * Counted, not listed: the words of `before` beyond what `allowed` and `after` hold are lost.
 */
function assertNoWordLost(before: string, after: string, allowed: readonly string[]): void {
  const available = new Map<string, number>();
  const add = (word: string) => available.set(word, (available.get(word) ?? 0) + 1);
  for (const word of allowed) add(word);
  eachComparableWord(after, add);
  const lost: string[] = [];
  eachComparableWord(before, (word) => {
    const n = available.get(word) ?? 0;
    if (n > 0) available.set(word, n - 1);
    else if (lost.length < 5) lost.push(word);
  });
  if (lost.length > 0) {
    throw new Error(`doctor: a repair would remove words (${lost.join(' ')}); the report was not changed`);
  }
}

/** A repair, with what the doctor found before it and, when known, after it. */
export interface Repair {
  /** The repaired text (`text` itself when nothing could be fixed). */
  readonly text: string;
  /** The findings of the text before any fix: what `doctor(text, profile)` says. */
  readonly findings: Finding[];
  /**
   * Fixes not applied because they would have made the checker's verdict worse (verdictGuard.ts),
   * each with the verdict the text would have had with it.
   */
  readonly withheld: readonly WithheldFix[];
  /** Whether the course's checker stopped with an error on the text before any fix. */
  readonly stoppedBefore: boolean;
  /**
   * The findings of the repaired text when the last round diagnosed it (as it does whenever
   * nothing chosen is left to fix), else null: a caller need not diagnose a 2 MB text once more.
   */
  readonly remaining: Finding[] | null;
  /** The checker's verdict on the repaired text, when the last round diagnosed it (else null). */
  readonly check: CheckResult | null;
  /**
   * `parseReport` of the repaired text, when the last round diagnosed it (else null): a caller that
   * looks at the repaired text's figures need not parse a 3 MB text once more.
   */
  readonly doc: ReportDocument | null;
}

/** One round of `repair`: the diagnosis of its text, and that text with its fixes applied. */
type Round = { readonly withheld: readonly WithheldFix[]; readonly stopped: boolean } & (
  | { readonly findings: Finding[]; readonly next: string; readonly acceptedIds: readonly string[] }
  /** Nothing chosen was left to fix: what the diagnosis says of the text, which is final. */
  | { readonly findings: Finding[]; readonly next: null; readonly check: CheckResult; readonly doc: ReportDocument }
);

/** A withheld fix, recognised in later rounds (whose ids may be numbered afresh). */
const withheldKey = (finding: Finding) => `${finding.kind}\u0000${finding.message}`;

/**
 * One round: diagnose `current`, apply every chosen fix that does not overlap an earlier one and
 * does not make the checker's verdict worse (verdictGuard.ts). A function of its own, whose result
 * holds the parse only when the text is final, so that a round's diagnosis (a 2 MB report's lines,
 * parse and drafts: ~90 MB) is garbage once it returns; held in the caller's loop, it stayed alive
 * through the next round's.
 */
function repairRound(
  current: string,
  profile: CheckerProfile,
  pending: ReadonlySet<string> | null,
  choices: FixChoices,
  withheldKeys: ReadonlySet<string>,
): Round {
  const { diagnosed, textLines, check, doc } = diagnose(current, profile);
  const findings = diagnosed.map((d) => d.finding);
  const candidates = diagnosed.filter(
    (d) => d.draft.fix && (pending === null || pending.has(d.finding.id)) && !withheldKeys.has(withheldKey(d.finding)),
  );
  const chosen: GuardCandidate<readonly LineEdit[]>[] = [];
  const ledger = new EditLedger();
  for (const { finding, draft } of candidates) {
    const options = draft.fix!.options;
    const picked = choices[finding.id] ?? choices[finding.kind];
    const option = picked !== undefined && options?.some((o) => o.id === picked) ? picked : defaultOption(draft);
    const edits = draft.fix!.edits(option);
    if (ledger.conflicts(edits)) continue;
    ledger.add(edits);
    chosen.push({ finding, edits });
  }
  const stopped = check.error !== null;
  if (chosen.length === 0) return { findings, next: null, check, doc, withheld: [], stopped };
  const apply = (sets: readonly (readonly LineEdit[])[]) => applyLineEdits(textLines, sets.flat());
  const guarded =
    current.length <= GUARDED_MAX_CHARS
      ? guardRound(check, profile, chosen, apply, (f) => f.severity === 'breaks-checker')
      : { accepted: chosen, withheld: [], text: apply(chosen.map((c) => c.edits)) };
  const edits = guarded.accepted.flatMap((c) => c.edits);
  const next = guarded.text;
  assertNoWordLost(current, next, droppableWords(textLines, edits));
  const withheld = guarded.withheld;
  return next === current
    ? { findings, next: null, check, doc, withheld, stopped }
    : { findings, next, acceptedIds: guarded.accepted.map((c) => c.finding.id), withheld, stopped };
}

/**
 * The text with the chosen fixes applied: `ids` from `doctor(text, profile)`, or 'all' for every
 * fix. Fixes are applied in rounds (a fix that overlaps another waits for the next round, on the
 * re-diagnosed text), until nothing chosen is left. Line endings and the BOM are kept, and every
 * word outside the template's own structure lines is kept (checked; a violation throws).
 */
export function repair(
  text: string,
  profile: CheckerProfile,
  ids: readonly string[] | 'all',
  choices: FixChoices = {},
  /**
   * Called between rounds, when the last round's diagnosis is garbage and the next one's is not
   * built yet: where a host with a huge text collects it (see hosts/cli/collectGarbage.ts).
   */
  betweenRounds: () => void = () => undefined,
): Repair {
  let current = text;
  let before: Finding[] | null = null;
  let final: Extract<Round, { next: null }> | null = null;
  const pending = ids === 'all' ? null : new Set(ids);
  const withheld: WithheldFix[] = [];
  const withheldKeys = new Set<string>();
  let stoppedBefore = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (round > 0) betweenRounds();
    const result = repairRound(current, profile, pending, choices, withheldKeys);
    if (before === null) stoppedBefore = result.stopped;
    before ??= result.findings;
    for (const w of result.withheld) {
      withheld.push(w);
      withheldKeys.add(withheldKey(w.finding));
    }
    if (result.next === null) {
      final = result;
      break;
    }
    current = result.next;
    if (pending) {
      for (const id of result.acceptedIds) pending.delete(id);
      if (pending.size === 0) break;
    }
  }
  return {
    text: current,
    findings: before ?? [],
    withheld,
    stoppedBefore,
    remaining: final?.findings ?? null,
    check: final?.check ?? null,
    doc: final?.doc ?? null,
  };
}

/** The repaired text alone: see `repair`. */
export function applyFixes(
  text: string,
  profile: CheckerProfile,
  ids: readonly string[] | 'all',
  choices: FixChoices = {},
): string {
  return repair(text, profile, ids, choices).text;
}

/** Findings that make the course's checker stop or move answers. */
export function breaksChecker(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'breaks-checker');
}
