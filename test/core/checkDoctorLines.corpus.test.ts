/**
 * `report-editor check` and `report-editor doctor` name the same line for the same finding (a
 * missing `> Answer:`, a placeholder, a heading that cuts an answer…), on every real report, so a
 * student who reads one and then the other is not sent to two places.
 */
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { doctor } from '../../src/core/doctor';
import { resolveProfile } from '../../src/core/templateVersion';
import { corpusAvailable, corpusFiles } from '../support/corpus';
import { buildReport } from '../support/reportBuilder';

/** check's warning kind → the doctor's kinds for the same thing. */
const SAME: Record<string, string[]> = { 'cut-by-heading': ['heading-in-answer', 'hashes-in-answer'] };

function disagreements(text: string): string[] {
  const { profile } = resolveProfile(text);
  const findings = doctor(text, profile);
  const out: string[] = [];
  for (const w of analyzeReport(text, profile).warnings) {
    const kinds = SAME[w.kind] ?? [w.kind];
    const same = findings.filter((f) => kinds.includes(f.kind) && f.question === w.question);
    if (same.length > 0 && !same.some((f) => f.line === w.line)) {
      out.push(`${w.kind} Q${w.question}: check line ${w.line}, doctor ${same.map((f) => f.line).join('/')}`);
    }
  }
  return out;
}

describe('check and doctor agree on lines', () => {
  it('for a deleted "> Answer:" line and a placeholder left next to an answer', () => {
    const text = buildReport({ dropMarker: [5], answers: { 6: 'We used uv.\n\n--- question 6 fill here ---' } });
    expect(disagreements(text)).toEqual([]);
  });

  it.skipIf(!corpusAvailable)('on every real report', () => {
    for (const file of corpusFiles()) expect(disagreements(file.text), file.name).toEqual([]);
  });
});
