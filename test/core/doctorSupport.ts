/**
 * Helpers for the doctor's tests: realistic reports made from the course's own blank templates
 * (real prompts, which the doctor matches), small text surgery to make them drift, and the
 * word-keeping check every repair must pass.
 */
import { expect } from 'vitest';
import { COURSE_PROFILE_27, COURSE_PROFILE_31, type Generation } from '../../src/core/constraints';
import { checkReport } from '../../src/core/checkReport';
import { comparableWords, doctor, type Finding, wordsByQuestion } from '../../src/core/doctor';
import { blankTemplate, latestBlankTemplate } from '../../src/core/templateVersion';
import { BLANK_TEMPLATES } from '../../src/core/templates/blankTemplates';
import { words } from '../support/reportBuilder';

export const profileFor = (generation: Generation) => (generation === 27 ? COURSE_PROFILE_27 : COURSE_PROFILE_31);

/** A distinct answer per question, long enough to tell answers apart: `q5w1 q5w2 ...`. */
export function answerFor(n: number, count = 12): string {
  return words(count, `q${n}w`);
}

/**
 * The course's blank template of `version` (default: the generation's latest) with every
 * placeholder replaced by `answers[n]` or `answerFor(n)`. No drift at all.
 */
export function filledTemplate(
  options: { generation?: Generation; version?: string; answers?: Record<number, string>; eol?: '\n' | '\r\n'; bom?: boolean } = {},
): string {
  const generation = options.generation ?? 31;
  const template = options.version ? blankTemplate(options.version)! : latestBlankTemplate(generation);
  let text = template.text.replace(/--- question (\d+) fill here ---/g, (all, n: string, offset: number) => {
    // The instructions quote the placeholder of question 1 as an example: keep that one.
    const before = template.text.slice(Math.max(0, offset - 3), offset);
    if (before.endsWith('```')) return all;
    return options.answers?.[Number(n)] ?? answerFor(Number(n));
  });
  if (options.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  return (options.bom ? '\ufeff' : '') + text;
}

/** Replaces the `occurrence`-th (0-based) exact match of `find`; fails the test when it is not there. */
export function replaceNth(text: string, find: string | RegExp, replacement: string, occurrence = 0): string {
  const re = typeof find === 'string' ? new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(find.source, find.flags.includes('g') ? find.flags : `${find.flags}g`);
  let k = 0;
  let hit = false;
  const out = text.replace(re, (m) => {
    if (k++ === occurrence) {
      hit = true;
      return replacement;
    }
    return m;
  });
  expect(hit, `"${String(find)}" #${occurrence} should be in the text`).toBe(true);
  return out;
}

/** The block of question n in a template-shaped text: from its heading up to the next heading. */
export function questionBlock(text: string, n: number): string {
  const start = text.search(new RegExp(`^### Question ${n}\\b`, 'm'));
  expect(start, `question ${n} should be in the text`).toBeGreaterThanOrEqual(0);
  const body = text.indexOf('\n', start) + 1;
  const next = text.slice(body).search(/^##/m);
  return next === -1 ? text.slice(start) : text.slice(start, body + next);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  expect(index, `"${needle}" should be in the text`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

export const kinds = (findings: readonly Finding[]) => findings.map((f) => f.kind);
export const ofKind = (findings: readonly Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);

const templateVocabulary = new Map<Generation, Set<string>>();
/** Every word of the generation's blank templates (normalised for emphasis and escapes). */
function vocabulary(generation: Generation): Set<string> {
  let v = templateVocabulary.get(generation);
  if (!v) {
    v = new Set(BLANK_TEMPLATES.filter((t) => t.generation === generation).flatMap((t) => comparableWords(t.text).map(loose)));
    templateVocabulary.set(generation, v);
  }
  return v;
}
const loose = (w: string) => w.replace(/[_\\]/g, '').toLowerCase();

/**
 * The doctor's promise, for every `### Question N` heading present before the repair:
 * - nothing under the heading is lost, added or reordered: prompt + answer words after the repair
 *   are exactly the words under the heading before (markup ignored, see comparableWords);
 * - where the `Answer:` line was there before, the answer has exactly the same words;
 * - where it was missing, the restored `Answer:` line sits right after the template's prompt:
 *   the prompt holds only template words, so every word of the student's is in the answer.
 * With `reordered`, only the multiset must match (a heading moved below its answer).
 */
export function expectWordsKept(before: string, after: string, generation: Generation, options: { reordered?: boolean } = {}): void {
  const b = wordsByQuestion(before);
  const a = wordsByQuestion(after);
  const sorted = (w: readonly string[]) => (options.reordered ? [...w].sort() : [...w]);
  const afterOrder = [...a.keys()];
  for (const [n, was] of b) {
    const now = a.get(n);
    expect(now, `question ${n} is still there`).toBeDefined();
    // A question whose heading the repair restored takes its words from under the heading before it;
    // a question restored whole from the template brings only template words and a placeholder.
    const restored: number[] = [];
    for (let k = afterOrder.indexOf(n) + 1; k < afterOrder.length && !b.has(afterOrder[k]); k++) {
      if (a.get(afterOrder[k])!.answer.length > 0) restored.push(afterOrder[k]);
    }
    const spread = [n, ...restored].flatMap((m) => [...a.get(m)!.prompt, ...a.get(m)!.answer]);
    expect(sorted(spread), `words under question ${n}`).toEqual(sorted(was.zone));
    if (was.hasAnswerMarker && restored.length === 0) expect(sorted(now!.answer), `answer ${n}`).toEqual(sorted(was.answer));
    else {
      const v = vocabulary(generation);
      for (const m of [n, ...restored]) {
        if (m === n && was.hasAnswerMarker) continue;
        expect(a.get(m)!.prompt.filter((w) => !v.has(loose(w))), `question ${m}'s prompt after the restored Answer: line`).toEqual([]);
      }
    }
  }
}

/** After a repair: the checker's split finds every answer, and nothing left breaks it. */
export function expectCheckerHappy(text: string, generation: Generation): void {
  const check = checkReport(text, profileFor(generation));
  expect(check.error).toBeNull();
  expect(check.answers).toBe(generation);
  expect(doctor(text, profileFor(generation)).filter((f) => f.severity === 'breaks-checker')).toEqual([]);
}
