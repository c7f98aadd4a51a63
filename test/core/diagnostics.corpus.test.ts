/**
 * Over every corpus report: the navigator's mark for each question agrees with the diagnostics
 * that point at it, and the aggregated list holds each problem once.
 */
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { isBlocking, questionMarks, reportDiagnostics } from '../../src/core/diagnostics';
import { parseReport } from '../../src/core/parseReport';
import { applyEdits } from '../../src/core/textEdit';
import { resolveProfile } from '../../src/core/templateVersion';
import { corpusAvailable, corpusFiles } from '../support/corpus';

const reports = corpusAvailable ? corpusFiles().filter((f) => f.kind === 'report') : [];

describe.skipIf(!corpusAvailable)('diagnostics over the corpus', () => {
  it('has reports to check', () => expect(reports.length).toBeGreaterThan(30));

  for (const file of reports) {
    it(`${file.name}: each question's mark agrees with its diagnostics`, () => {
      const { profile, differences } = resolveProfile(file.text);
      const doc = parseReport(file.text);
      const analysis = analyzeReport(file.text, profile, doc);
      const all = reportDiagnostics(file.text, profile, { doc, analysis, rangeDifferences: differences });
      const marks = questionMarks(analysis.questions, all);
      for (const q of analysis.questions) {
        const blocking = all.filter((d) => d.question === q.number && isBlocking(d));
        const mark = marks.get(q.number);
        if (mark === 'ok') expect(blocking, `Q${q.number} shows ✓`).toEqual([]);
        else if (mark !== 'empty') expect(blocking.length, `Q${q.number} shows ${mark}`).toBeGreaterThan(0);
      }
      // One problem, one item: no two diagnostics at the same bytes or saying the same thing at the same line.
      const places = all.map((d) => `${d.question}|${d.line}|${d.message}`);
      expect(new Set(places).size).toBe(places.length);
      const ranges = all
        .filter((d) => d.source === 'figures' && d.range)
        .map((d) => `${d.range!.start}:${d.range!.end}`);
      expect(new Set(ranges).size).toBe(ranges.length);
      // Every offered edit still applies to the text it was computed on.
      for (const d of all)
        for (const fix of d.fixes) if (fix.edits) expect(() => applyEdits(file.text, fix.edits!)).not.toThrow();
    });
  }

  it('seed 002: Q14 (<img> tags) no longer shows ✓; the joined quote lines form one group', async () => {
    const file = reports.find((f) => f.name.startsWith('seed-002'))!;
    const { profile } = resolveProfile(file.text);
    const analysis = analyzeReport(file.text, profile);
    const all = reportDiagnostics(file.text, profile, { analysis });
    expect(analysis.questions.find((q) => q.number === 14)!.status).toBe('ok');
    expect(questionMarks(analysis.questions, all).get(14)).toBe('warning');
    const { groupDiagnostics } = await import('../../src/core/diagnostics');
    const joined = groupDiagnostics(all).filter((g) => g.code === 'joined-quote-lines');
    expect(joined).toHaveLength(1);
    expect(joined[0].items.length).toBeGreaterThan(20);
  });
});
