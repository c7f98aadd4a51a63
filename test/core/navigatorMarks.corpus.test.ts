/**
 * Over every corpus report: the mark the navigator and the card badge show for each question
 * agrees with the problems panel's list — ✓ exactly when no warning or error in it points at the
 * question (an empty answer without a range shows ○ and may have none).
 */
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { doctorDiagnostics, isBlocking, questionMarks } from '../../src/core/diagnostics';
import { figureLinkFindings } from '../../src/core/figures/figureFindings';
import { findGradedPageDifferences } from '../../src/core/gradedPage';
import { resolveProfile } from '../../src/core/templateVersion';
import { aggregateDiagnostics as problemsOf } from '../../src/core/diagnostics';
import { corpusAvailable, corpusReports } from '../support/corpus';

describe.skipIf(!corpusAvailable)("the navigator's marks agree with the problems panel, on every corpus report", () => {
  for (const file of corpusAvailable ? corpusReports() : []) {
    it(file.name, () => {
      const { profile } = resolveProfile(file.text);
      const analysis = analyzeReport(file.text, profile);
      const list = problemsOf({
        analysis,
        profile,
        figures: figureLinkFindings(file.text),
        drift: doctorDiagnostics(file.text, profile),
        graded: findGradedPageDifferences(file.text),
      });
      const marks = questionMarks(analysis.questions, list);
      for (const q of new Set(analysis.questions.map((v) => v.number))) {
        const blocking = list.filter((d) => d.question === q && isBlocking(d));
        if (marks.get(q) === 'ok') expect(blocking, `Q${q} shows ✓`).toEqual([]);
        else if (marks.get(q) !== 'empty') expect(blocking.length, `Q${q} shows ${marks.get(q)}`).toBeGreaterThan(0);
      }
      // The panel's badge counts each problem once.
      const keys = list.map((d) => `${d.source}|${d.code}|${d.question}|${d.line}|${d.message}`);
      expect(new Set(keys).size).toBe(list.length);
    });
  }

  it('seed 002 and 003: questions whose figures the panel flags no longer show ✓', () => {
    for (const prefix of ['seed-002', 'seed-003']) {
      const file = corpusReports().find((f) => f.name.startsWith(prefix))!;
      const { profile } = resolveProfile(file.text);
      const analysis = analyzeReport(file.text, profile);
      const list = problemsOf({ analysis, profile, figures: figureLinkFindings(file.text) });
      const marks = questionMarks(analysis.questions, list);
      for (const d of list.filter((x) => x.source === 'figures' && isBlocking(x) && x.question !== null)) {
        expect(marks.get(d.question!), `${prefix} Q${d.question}`).not.toBe('ok');
      }
    }
  });
});
