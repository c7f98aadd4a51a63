/**
 * Figure links on the real reports of the corpus (read in place; skipped, saying so, without it).
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { applyEdits } from '../../src/core/textEdit';
import { figureLinkFindings } from '../../src/core/figures/figureFindings';
import { reportFigureLinks, scanFigureLinks } from '../../src/core/figures/scanFigureLinks';
import { parseReport } from '../../src/core/parseReport';
import { countImages } from '../../src/core/pythonText';
import { resolveProfile } from '../../src/core/templateVersion';
import { corpusAvailable, corpusReports, type CorpusFile } from '../support/corpus';

function report(prefix: string): CorpusFile {
  const file = corpusReports().find((f) => f.name.startsWith(prefix));
  if (!file) throw new Error(`${prefix} is missing from the corpus`);
  return file;
}

describe.skipIf(!corpusAvailable)('figure links in the real reports', () => {
  it('seed-000: every figure linked without "!" is found, and fixing them clears its image failures', () => {
    const { text, expected } = report('seed-000');
    const findings = figureLinkFindings(text);
    expect(findings.map((f) => [f.kind, f.line, f.question])).toEqual(
      [
        [281, 14],
        [285, 14],
        [291, 14],
        [320, 16],
        [322, 16],
        [324, 16],
        [357, 19],
        [358, 19],
        [367, 20],
        [368, 20],
        [377, 21],
        [378, 21],
        [465, 29],
      ].map(([line, q]) => ['image-without-bang', line, q]),
    );
    // The template's own "[this figure](figures/wandb.png)" prompts are not the student's problem.
    expect(findings.map((f) => f.target)).not.toContain('figures/wandb.png');

    const imageFailures = expected.failures.filter((f) => f.kind === 'images').map((f) => f.question);
    expect(imageFailures).toEqual([14, 19, 20, 21, 29]);
    const fixed = applyEdits(
      text,
      findings.flatMap((f) => (f.fixes[0]?.kind === 'edit' ? f.fixes[0].edits : [])),
    );
    const after = checkReport(fixed, resolveProfile(fixed).profile);
    expect(after.failures.filter((f) => f.kind === 'images')).toEqual([]);
    expect(after.perAnswer[18].images).toBe(2);
    expect(figureLinkFindings(fixed)).toEqual([]);
  });

  it('seed-001: links without "!" and the image in backticks, not the link to a .csv', () => {
    const { text } = report('seed-001');
    const findings = figureLinkFindings(text);
    expect(findings.map((f) => [f.kind, f.line])).toEqual([
      ['image-without-bang', 242],
      ['image-in-backticks', 344],
      ['image-without-bang', 419],
      ['image-without-bang', 421],
      ['image-without-bang', 429],
      ['image-without-bang', 431],
      ['image-without-bang', 439],
      ['image-without-bang', 576],
    ]);
    const backticks = findings[1];
    expect(backticks).toMatchObject({ question: 14, target: 'figures/wandb.png' });
    expect(backticks.fixes.map((f) => f.label)).toEqual(['Remove the backticks']);
    const fixed = backticks.fixes[0].kind === 'edit' ? applyEdits(text, backticks.fixes[0].edits) : text;
    expect(fixed.split('\n')[343]).toBe('![WandB Metrics](figures/wandb.png)');
    expect(findings.map((f) => f.target)).not.toContain('figures/billing.csv');
  });

  it('in every report, the images the links count agree with the checker, question by question', () => {
    for (const file of corpusReports()) {
      for (const q of parseReport(file.text).questions) {
        const counted = scanFigureLinks(q.answer).filter((l) => l.counted).length;
        expect(counted, `${file.name} Q${q.number}`).toBe(countImages(q.answer));
      }
    }
  });

  it('in every report, each edit fix changes only the bytes of its own link', () => {
    let fixes = 0;
    for (const file of corpusReports()) {
      for (const finding of figureLinkFindings(file.text)) {
        for (const fix of finding.fixes) {
          if (fix.kind !== 'edit') continue;
          const out = applyEdits(file.text, fix.edits);
          const start = Math.min(...fix.edits.map((e) => e.start));
          const end = Math.max(...fix.edits.map((e) => e.end));
          // An <img> moved out of its HTML block takes its own line (and that line's break) with it.
          const ownLine = fix.label.startsWith('Move it below the HTML block')
            ? file.text.lastIndexOf('\n', finding.link!.start - 1) - (file.text[file.text.lastIndexOf('\n', finding.link!.start - 1) - 1] === '\r' ? 1 : 0)
            : Infinity;
          expect(start, file.name).toBeGreaterThanOrEqual(
            Math.min(finding.link!.start, finding.link!.code?.start ?? Infinity, ownLine),
          );
          expect(out.slice(0, start)).toBe(file.text.slice(0, start));
          expect(out.slice(out.length - (file.text.length - end))).toBe(file.text.slice(end));
          // The fixed link no longer has the problem.
          // (A moved line shifts the lines below it: the moved link is then known by its target.)
          const same = (f: { kind: string; line: number | null; target: string | null }) =>
            f.kind === finding.kind && (ownLine === Infinity ? f.line === finding.line : f.target === finding.target);
          const again = figureLinkFindings(out).filter(same);
          expect(again.length, `${file.name} line ${finding.line} ${finding.kind}`).toBeLessThan(
            figureLinkFindings(file.text).filter(same).length,
          );
          fixes++;
        }
      }
    }
    expect(fixes).toBeGreaterThan(20);
  });

  it("sets apart exactly the template's own example links, in every report", () => {
    const examples = new Set([
      'figures/<image>.<extension>',
      'figures/wandb.png',
      'figures/bucket.png',
      'figures/registry.png',
      'figures/build.png',
      'figures/overview.png',
    ]);
    for (const file of corpusReports()) {
      const template = reportFigureLinks(file.text).filter((l) => !l.student);
      expect(template.length, file.name).toBeGreaterThanOrEqual(4);
      for (const link of template) expect(examples, `${file.name} line ${link.line}`).toContain(link.target.path);
    }
  });
});
