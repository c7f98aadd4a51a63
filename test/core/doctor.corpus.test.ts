import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { applyFixes, doctor, type FindingKind } from '../../src/core/doctor';
import { resolveProfile } from '../../src/core/templateVersion';
import { corpusAvailable, corpusReports } from '../support/corpus';
import { expectCheckerHappy, expectWordsKept } from './doctorSupport';

/** Drift seen by reading the seed reports (TEMPLATE.md lists it), which the doctor must name. */
const SEEN: Record<string, [FindingKind, number | null][]> = {
  'seed-000': [
    ['checklist-heading', null], // "#### Week 3"
    ['marker-format', 1], // ">Answer:"
  ],
  'seed-001': [16, 18, 19, 20, 21, 22, 31].map((q) => ['missing-answer-marker', q] as [FindingKind, number]).concat([['todo', 14]]),
  'seed-002': [3, 4, 5, 31].map((q) => ['joined-quote-lines', q] as [FindingKind, number]).concat([['answer-glued-to-marker', 24]]),
  'seed-004': [
    ['answer-on-marker-line', 12],
    ['heading-in-answer', 15],
    ['heading-in-answer', 23],
    ['heading-in-answer', 24],
    ['unanswered', 25],
    ['checklist-marks', null], // "[]"
  ],
  'real-003': [['question-heading-format', 18]], // "### Question 18 CHECK"
  'real-009': [['front-matter', null]], // no blank line after the header: the cut eats the title's "#"
  'real-037': [
    ['checklist-marks', null], // "[✅]"
    ['heading-in-answer', 24], // "- ### Locally:"
  ],
};

describe.skipIf(!corpusAvailable)('the doctor on every real report', () => {
  const reports = corpusReports();

  it.each(reports.map((r) => [r.name, r] as const))('%s: names its drift, and the repair keeps every word', (_name, file) => {
    const { profile } = resolveProfile(file.text);
    const findings = doctor(file.text, profile);
    // Something breaks the checker exactly when the course's checker stopped with an error.
    expect(findings.some((f) => f.severity === 'breaks-checker')).toBe(file.expected.error !== null);
    const seen = SEEN[file.name.slice(0, 8)] ?? [];
    for (const [kind, question] of seen) {
      expect(findings.some((f) => f.kind === kind && f.question === question), `${kind} ${question}`).toBe(true);
    }

    const fixed = applyFixes(file.text, profile, 'all');
    expectCheckerHappy(fixed, profile.generation);
    expectWordsKept(file.text, fixed, profile.generation);
    expect(checkReport(fixed, profile).answers).toBe(profile.expectedAnswers);
    // Repairing a repaired report changes nothing, and only findings without a fix are left.
    expect(applyFixes(fixed, profile, 'all')).toBe(fixed);
    expect(doctor(fixed, profile).filter((f) => f.fix)).toEqual([]);
    if (file.text.includes('\r\n')) expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
