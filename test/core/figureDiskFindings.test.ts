/**
 * Figure findings made next to the text from the facts the figures service answers about paths:
 * the service never sees the report, so what the student is told (and which fixes are offered)
 * must come out of the text plus these facts alone.
 */
import { describe, expect, it } from 'vitest';
import {
  figureFactsRequest,
  figureHygieneFindings,
  questionsLinking,
  type FigureFacts,
} from '../../src/core/figures/figureDiskFindings';
import { reportFigureLinks } from '../../src/core/figures/scanFigureLinks';
import { applyEdits } from '../../src/core/textEdit';
import { buildReport } from '../support/reportBuilder';

const noGit = { checked: false, reason: 'the report is not inside a git repository' } as const;
const facts = (partial: Partial<FigureFacts>): FigureFacts => ({ targets: [], importableOutside: [], figureFiles: [], git: noGit, ...partial });

describe('what the service is asked', () => {
  it('each student path once, inside and outside the report folder apart; remote images and the template own links not at all', () => {
    const text = buildReport({
      answers: {
        14: '![a](figures/a.png)\n![a again](./figures/a.png)\n![w](https://example.com/w.png)',
        19: '![d](~/Desktop/shot.png)\n![u](../up.png)',
      },
    });
    expect(figureFactsRequest(reportFigureLinks(text))).toEqual({
      local: ['figures/a.png'],
      outside: ['~/Desktop/shot.png', '../up.png'],
    });
  });
});

describe('findings from the facts', () => {
  it('a missing file, with the one file of that name in figures/ as its fix; a case that differs, with the disk case as its fix', () => {
    const text = buildReport({ answers: { 14: '![a](nothere/bucket.png)', 19: '![b](figures/Plot.png)' } });
    const findings = figureHygieneFindings(
      text,
      facts({
        targets: [
          { path: 'nothere/bucket.png', state: 'missing', sameName: 'figures/bucket.png' },
          { path: 'figures/Plot.png', state: 'case', actual: 'figures/plot.png', safeName: null, git: null },
        ],
        figureFiles: ['figures/bucket.png', 'figures/plot.png'],
      }),
    );
    expect(findings.map((f) => [f.kind, f.question, f.target])).toEqual([
      ['missing-file', 14, 'nothere/bucket.png'],
      ['case-mismatch', 19, 'figures/Plot.png'],
      ['unused-file', null, 'figures/bucket.png'],
    ]);
    const fixed = findings.slice(0, 2).reduce((t, f) => {
      const fix = f.fixes[0];
      if (fix.kind !== 'edit') throw new Error(`${f.kind}: expected a text fix, got ${fix.kind}`);
      return applyEdits(t, fix.edits);
    }, text);
    expect(fixed).toBe(text.replace('nothere/bucket.png', 'figures/bucket.png').replace('figures/Plot.png', 'figures/plot.png'));
  });

  it('offers file fixes only where the facts allow them: a rename to the free safe name, a conversion of a file that exists, a copy of an importable outside image', () => {
    const text = buildReport({
      answers: { 14: '![a](<figures/my plot.png>)', 15: '![w](figures/w.webp)', 16: '![g](figures/gone.webp)', 19: '![d](../shot.png)', 20: '![e](../notes.txt.png)' },
    });
    const findings = figureHygieneFindings(
      text,
      facts({
        targets: [
          { path: 'figures/my plot.png', state: 'exact', actual: 'figures/my plot.png', safeName: 'my-plot-2.png', git: null },
          { path: 'figures/w.webp', state: 'exact', actual: 'figures/w.webp', safeName: null, git: null },
          { path: 'figures/gone.webp', state: 'missing', sameName: null },
        ],
        importableOutside: ['../shot.png'],
        figureFiles: ['figures/my plot.png', 'figures/w.webp'],
      }),
    );
    const fileFixes = findings.flatMap((f) => f.fixes.filter((x) => x.kind !== 'edit').map((x) => [f.question, x]));
    expect(fileFixes).toEqual([
      [14, { kind: 'rename-file', label: 'Rename the file to my-plot-2.png', from: 'figures/my plot.png', to: 'figures/my-plot-2.png' }],
      [15, { kind: 'convert-to-png', label: 'Convert it to PNG and relink', target: 'figures/w.webp' }],
      [19, { kind: 'copy-into-figures', label: 'Copy it into figures/ and relink', source: '../shot.png', question: 19 }],
    ]);
  });

  it('git: one finding per file (the first link speaks for it, whatever the case of the others); tracked files say nothing', () => {
    const text = buildReport({ answers: { 14: '![a](figures/a.png)', 15: '![A](figures/A.png)', 16: '![i](figures/i.jpg)', 17: '![t](figures/t.png)' } });
    const git = (tracked: boolean, ignoredBy: string | null = null) => ({ tracked, ignoredBy });
    const findings = figureHygieneFindings(
      text,
      facts({
        targets: [
          { path: 'figures/a.png', state: 'exact', actual: 'figures/a.png', safeName: null, git: git(false) },
          { path: 'figures/A.png', state: 'case', actual: 'figures/a.png', safeName: null, git: git(false) },
          { path: 'figures/i.jpg', state: 'exact', actual: 'figures/i.jpg', safeName: null, git: git(false, '.gitignore:1:*.jpg') },
          { path: 'figures/t.png', state: 'exact', actual: 'figures/t.png', safeName: null, git: git(true) },
        ],
        figureFiles: ['figures/a.png', 'figures/i.jpg', 'figures/t.png'],
        git: { checked: true, root: '/repo' },
      }),
    );
    expect(findings.map((f) => [f.kind, f.question])).toEqual([
      ['untracked-file', 14],
      ['case-mismatch', 15],
      ['ignored-file', 16],
    ]);
    expect(findings[2].fixes[0]).toMatchObject({ kind: 'git-add', force: true, target: 'figures/i.jpg' });
  });
});

describe('questionsLinking', () => {
  it('the questions whose student links reach a path, in any case; null when nothing links it', () => {
    const text = buildReport({ answers: { 14: '![a](figures/a.png)', 19: '![A](./figures/A.png)', 20: '![w](https://x.example/figures/a.png)' } });
    expect(questionsLinking(text, 'figures/a.png')).toEqual([14, 19]);
    expect(questionsLinking(text, 'figures/b.png')).toBeNull();
  });
});
