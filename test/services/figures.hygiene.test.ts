import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import type { FigureFinding, FigureFix } from '../../src/core/figures/figureFindings';
import { resolveProfile } from '../../src/core/templateVersion';
import { applyEdits } from '../../src/core/textEdit';
import { relinkEdits } from '../../src/core/figures/figureLinkEdits';
import type { TextEdit } from '../../src/core/textEdit';
import {
  carryOutFigureFix,
  FigureError,
  figureHygiene,
  figureWarnings,
  sniffImageFormat,
} from '../../src/services/figures';
import { git, gitInit, insideGitRepo, png, reportRepo, svg } from './figuresSupport';

function only(findings: readonly FigureFinding[], kind: FigureFinding['kind']): FigureFinding {
  const matching = findings.filter((f) => f.kind === kind);
  expect(matching, kind).toHaveLength(1);
  return matching[0];
}

function kinds(findings: readonly FigureFinding[]) {
  return findings.map((f) => [f.kind, f.question, f.target]);
}

/**
 * A fix as the app carries it out: a text edit is the caller's own; any other fix is the service's
 * file work, whose relink the caller turns into edits of the text it holds.
 */
async function applyFigureFix(request: { reportPath: string; text: string; fix: FigureFix }): Promise<{ edits: readonly TextEdit[] }> {
  if (request.fix.kind === 'edit') return { edits: request.fix.edits };
  const outcome = await carryOutFigureFix(request.reportPath, request.fix);
  return { edits: outcome.relink ? relinkEdits(request.text, outcome.relink) : [] };
}

async function fixed(reportPath: string, text: string, fix: FigureFix): Promise<string> {
  // The report as the student would save it:
  return applyEdits(text, (await applyFigureFix({ reportPath, text, fix })).edits);
}

const readText = (path: string) => readFileSync(path, 'utf8');

describe('figureHygiene: link checks', () => {
  it('a figure linked without "!" is an error; the fix adds it and the checker then counts it', async () => {
    const repo = reportRepo({ 19: '[GCP bucket](figures/bucket.png)' }, { 'reports/figures/bucket.png': await png() });
    const text = readText(repo.reportPath);
    const { findings } = await figureHygiene({ reportPath: repo.reportPath, text });
    const finding = only(findings, 'image-without-bang');
    expect(finding).toMatchObject({ severity: 'error', question: 19, target: 'figures/bucket.png' });
    const after = await fixed(repo.reportPath, text, finding.fixes[0]);
    expect(after).toBe(text.replace('[GCP bucket]', '![GCP bucket]'));
    expect(checkReport(after, resolveProfile(after).profile).perAnswer[18].images).toBe(1);
    expect((await figureHygiene({ reportPath: repo.reportPath, text: after })).findings).toEqual([]);
  });

  it('an image in backticks: the fix unwraps it', async () => {
    const repo = reportRepo({ 14: '`![WandB](figures/wandb.png)`' }, { 'reports/figures/wandb.png': await png() });
    const text = readText(repo.reportPath);
    const finding = only((await figureHygiene({ reportPath: repo.reportPath, text })).findings, 'image-in-backticks');
    expect(await fixed(repo.reportPath, text, finding.fixes[0])).toBe(
      text.replace('`![WandB](figures/wandb.png)`', '![WandB](figures/wandb.png)'),
    );
  });

  it('a missing file is an error; when a file of that name is in figures/, the fix links it', async () => {
    const repo = reportRepo(
      { 19: '![a](figures/nothere.png)', 20: '![b](bucket.png)' },
      { 'reports/figures/bucket.png': await png() },
    );
    const text = readText(repo.reportPath);
    const missing = (await figureHygiene({ reportPath: repo.reportPath, text })).findings.filter(
      (f) => f.kind === 'missing-file',
    );
    expect(kinds(missing)).toEqual([
      ['missing-file', 19, 'figures/nothere.png'],
      ['missing-file', 20, 'bucket.png'],
    ]);
    expect(missing[0].message).toMatch(/no such file: graders will see a broken image/);
    expect(missing[0].fixes).toEqual([]);
    expect(await fixed(repo.reportPath, text, missing[1].fixes[0])).toBe(
      text.replace('![b](bucket.png)', '![b](figures/bucket.png)'),
    );
  });

  it('a path whose case differs from the disk is an error (broken on GitHub and Linux); the fix uses the disk case', async () => {
    const repo = reportRepo({ 14: '![w](Figures/WandB.PNG)' }, { 'reports/figures/wandb.png': await png() });
    const text = readText(repo.reportPath);
    const { findings } = await figureHygiene({ reportPath: repo.reportPath, text });
    const finding = only(findings, 'case-mismatch');
    expect(finding.message).toContain('the file is figures/wandb.png');
    expect(findings.filter((f) => f.kind === 'unused-file' || f.kind === 'missing-file')).toEqual([]);
    const after = await fixed(repo.reportPath, text, finding.fixes[0]);
    expect(after).toBe(text.replace('Figures/WandB.PNG', 'figures/wandb.png'));
    expect((await figureHygiene({ reportPath: repo.reportPath, text: after })).findings).toEqual([]);
  });

  it('a disallowed extension: the fix converts the file to PNG and relinks it, keeping the original', async () => {
    const repo = reportRepo({ 29: '![arch](figures/architecture.svg)' }, { 'reports/figures/architecture.svg': svg() });
    const text = readText(repo.reportPath);
    const finding = only((await figureHygiene({ reportPath: repo.reportPath, text })).findings, 'disallowed-extension');
    expect(finding.message).toMatch(/only \.png, \.jpg and \.jpeg.*not \.svg/);
    expect(finding.fixes.map((f) => f.kind)).toEqual(['convert-to-png']);
    const after = await fixed(repo.reportPath, text, finding.fixes[0]);
    expect(after).toBe(text.replace('figures/architecture.svg', 'figures/architecture.png'));
    expect(sniffImageFormat(readFileSync(join(repo.figures, 'architecture.png')))).toBe('png');
    expect(existsSync(join(repo.figures, 'architecture.svg'))).toBe(true);
    // The original is now unused: the next check offers to delete it.
    const next = (await figureHygiene({ reportPath: repo.reportPath, text: after })).findings;
    expect(kinds(next)).toEqual([['unused-file', null, 'figures/architecture.svg']]);
  });

  it('a path with spaces: the recommended fix renames the file and relinks; %20 is the other fix', async () => {
    const repo = reportRepo({ 14: '![s](figures/My Shot.png)' }, { 'reports/figures/My Shot.png': await png() });
    const text = readText(repo.reportPath);
    const finding = only((await figureHygiene({ reportPath: repo.reportPath, text })).findings, 'path-with-spaces');
    expect(finding.severity).toBe('error');
    expect(finding.fixes.map((f) => f.label)).toEqual(['Rename the file to my-shot.png', 'Write the spaces as %20']);
    const after = await fixed(repo.reportPath, text, finding.fixes[0]);
    expect(after).toBe(text.replace('figures/My Shot.png', 'figures/my-shot.png'));
    expect(readdirSync(repo.figures)).toEqual(['my-shot.png']);
    expect((await figureHygiene({ reportPath: repo.reportPath, text: after })).findings).toEqual([]);
  });

  it('a backslash path is an error with a "/" fix', async () => {
    const repo = reportRepo({ 19: '![a](figures\\a.png)' }, { 'reports/figures/a.png': await png() });
    const text = readText(repo.reportPath);
    const finding = only((await figureHygiene({ reportPath: repo.reportPath, text })).findings, 'backslash-path');
    expect(await fixed(repo.reportPath, text, finding.fixes[0])).toBe(text.replace('figures\\a.png', 'figures/a.png'));
  });

  it('a path outside the report folder: the fix copies the file into figures/ and relinks', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'desktop-'));
    const shot = await png(20, 20);
    writeFileSync(join(elsewhere, 'Screen Shot.png'), shot);
    const repo = reportRepo(
      {
        21: `![build](${elsewhere}/Screen%20Shot.png)`,
        25: '![d](../docs/diagram.png)',
        26: '![x](../nowhere.png)',
        27: '![y](../README.png)',
      },
      { 'docs/diagram.png': await png(30, 30), 'README.png': 'text, not an image' },
    );
    const text = readText(repo.reportPath);
    const outside = (await figureHygiene({ reportPath: repo.reportPath, text })).findings.filter(
      (f) => f.kind === 'outside-report',
    );
    expect(outside.map((f) => [f.question, f.fixes.map((x) => x.kind)])).toEqual([
      [21, ['copy-into-figures']],
      [25, ['copy-into-figures']],
      [26, []],
      // Only images are ever copied in.
      [27, []],
    ]);
    expect(outside[0].message).toContain('a path on this computer');
    let after = await fixed(repo.reportPath, text, outside[0].fixes[0]);
    expect(after).toContain('![build](figures/q21-screen-shot.png)');
    expect(readFileSync(join(repo.figures, 'q21-screen-shot.png')).equals(shot)).toBe(true);
    const again = (await figureHygiene({ reportPath: repo.reportPath, text: after })).findings.filter(
      (f) => f.kind === 'outside-report',
    );
    after = await fixed(repo.reportPath, after, again[0].fixes[0]);
    expect(after).toContain('![d](figures/q25-diagram.png)');
  });

  it('<img> and reference-style images: counted by nobody but shown; fixes rewrite them', async () => {
    const repo = reportRepo(
      { 14: '<img src="figures/a.png" width="50%">\n\n![b][b]\n\n[b]: figures/b.png' },
      { 'reports/figures/a.png': await png(), 'reports/figures/b.png': await png(10, 10) },
    );
    const text = readText(repo.reportPath);
    const { findings } = await figureHygiene({ reportPath: repo.reportPath, text });
    expect(findings.map((f) => f.kind)).toEqual(['html-image', 'reference-image']);
    const after = await fixed(repo.reportPath, text, findings[0].fixes[0]);
    expect(after).toContain('![](figures/a.png)\n\n![b][b]');
  });

  it('files in figures/ that nothing links: info, with a delete fix that refuses once the saved report links the file', async () => {
    const repo = reportRepo(
      { 19: '![a](figures/a.png)' },
      {
        'reports/figures/a.png': await png(),
        'reports/figures/old.png': await png(10, 10),
        'reports/figures/.gitkeep': '',
      },
    );
    const text = readText(repo.reportPath);
    const finding = only((await figureHygiene({ reportPath: repo.reportPath, text })).findings, 'unused-file');
    expect(finding).toMatchObject({ severity: 'info', target: 'figures/old.png', line: null });
    const relinked = text.replace('![a](figures/a.png)', '![a](figures/a.png)\n![o](figures/old.png)');
    writeFileSync(repo.reportPath, relinked);
    await expect(
      applyFigureFix({ reportPath: repo.reportPath, text: relinked, fix: finding.fixes[0] }),
    ).rejects.toMatchObject({ problem: 'stale-fix' });
    expect(existsSync(join(repo.figures, 'old.png'))).toBe(true);
    writeFileSync(repo.reportPath, text);
    await applyFigureFix({ reportPath: repo.reportPath, text, fix: finding.fixes[0] });
    expect(readdirSync(repo.figures).sort()).toEqual(['.gitkeep', 'a.png']);
  });

  it('refuses a fix it did not propose (a renderer cannot delete an arbitrary file)', async () => {
    const repo = reportRepo({ 19: '![a](figures/a.png)' }, { 'reports/figures/a.png': await png() });
    const text = readText(repo.reportPath);
    const forged: FigureFix = { kind: 'delete-file', label: 'Delete the file', target: 'figures/a.png' };
    const error = await applyFigureFix({ reportPath: repo.reportPath, text, fix: forged }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FigureError);
    expect(existsSync(join(repo.figures, 'a.png'))).toBe(true);
  });

  it('refuses file fixes the disk does not call for (a rename to another name, a convert of a PNG, a copy from inside)', async () => {
    const repo = reportRepo({ 19: '![a](figures/my plot.png)' }, { 'reports/figures/my plot.png': await png(), 'reports/figures/b.png': await png(4, 4) });
    const forged: FigureFix[] = [
      { kind: 'rename-file', label: 'x', from: 'figures/my plot.png', to: 'figures/b.png' },
      { kind: 'rename-file', label: 'x', from: 'figures/b.png', to: 'figures/c.png' },
      { kind: 'convert-to-png', label: 'x', target: 'figures/b.png' },
      { kind: 'copy-into-figures', label: 'x', source: 'figures/b.png', question: 19 },
      { kind: 'git-add', label: 'x', target: 'figures/nothere.png', force: false },
    ];
    for (const fix of forged) {
      await expect(carryOutFigureFix(repo.reportPath, fix), JSON.stringify(fix)).rejects.toMatchObject({ problem: 'stale-fix' });
    }
    expect(readdirSync(repo.figures).sort()).toEqual(['b.png', 'my plot.png']);
    // The rename the check proposes runs.
    const { findings } = await figureHygiene({ reportPath: repo.reportPath, text: readText(repo.reportPath) });
    const rename = findings.flatMap((f) => f.fixes).find((f) => f.kind === 'rename-file')!;
    expect(await carryOutFigureFix(repo.reportPath, rename)).toMatchObject({ relink: { from: 'figures/my plot.png', to: 'figures/my-plot.png' } });
  });

  it('ignores remote images and reports nothing for a clean report', async () => {
    const repo = reportRepo(
      { 14: '![w](figures/w.png)', 19: '![remote](https://github.com/user-attachments/assets/x.png)' },
      { 'reports/figures/w.png': await png() },
    );
    expect((await figureHygiene({ reportPath: repo.reportPath, text: readText(repo.reportPath) })).findings).toEqual(
      [],
    );
  });
});

describe('figureHygiene: git', () => {
  it('in a real git repo: untracked and .gitignore-excluded figures are errors; tracked ones are fine', async () => {
    const repo = reportRepo(
      { 14: '![t](figures/tracked.png)', 19: '![u](figures/untracked.png)', 20: '![i](figures/secret.jpg)' },
      {
        'reports/figures/tracked.png': await png(),
        'reports/figures/untracked.png': await png(11, 10),
        'reports/figures/secret.jpg': await png(12, 10),
        '.gitignore': '# build output\n*.jpg\n',
      },
    );
    gitInit(repo.root);
    git(repo.root, 'add', '.gitignore', 'reports/README.md', 'reports/figures/tracked.png');
    git(repo.root, 'commit', '-q', '-m', 'report');
    const text = readText(repo.reportPath);
    const result = await figureHygiene({ reportPath: repo.reportPath, text });
    expect(result.git).toMatchObject({ checked: true });
    const gitFindings = result.findings.filter((f) => f.kind === 'untracked-file' || f.kind === 'ignored-file');
    expect(kinds(gitFindings)).toEqual([
      ['untracked-file', 19, 'figures/untracked.png'],
      ['ignored-file', 20, 'figures/secret.jpg'],
    ]);
    expect(gitFindings[1].message).toContain('.gitignore:2:*.jpg');
    expect(gitFindings.map((f) => f.fixes[0])).toMatchObject([
      { kind: 'git-add', force: false },
      { kind: 'git-add', force: true },
    ]);

    // The fixes stage the files (nothing is committed), after which git sees them.
    for (const f of gitFindings) await applyFigureFix({ reportPath: repo.reportPath, text, fix: f.fixes[0] });
    expect(git(repo.root, 'ls-files', 'reports/figures').trim().split('\n').sort()).toEqual([
      'reports/figures/secret.jpg',
      'reports/figures/tracked.png',
      'reports/figures/untracked.png',
    ]);
    expect(git(repo.root, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
    const after = await figureHygiene({ reportPath: repo.reportPath, text });
    expect(after.findings.filter((f) => f.kind === 'untracked-file' || f.kind === 'ignored-file')).toEqual([]);
  });

  it('handles figure names git would read as globs or quote', async () => {
    const repo = reportRepo(
      { 19: '![a](figures/a[1]*.png)\n![b](figures/ø.png)' },
      {
        'reports/figures/a[1]*.png': await png(),
        'reports/figures/ø.png': await png(9, 9),
        'reports/figures/a1x.png': await png(8, 8),
      },
    );
    gitInit(repo.root);
    git(repo.root, 'add', 'reports/figures/a1x.png', 'reports/figures/ø.png');
    git(repo.root, 'commit', '-q', '-m', 'figures');
    const { findings } = await figureHygiene({ reportPath: repo.reportPath, text: readText(repo.reportPath) });
    expect(kinds(findings.filter((f) => f.kind === 'untracked-file'))).toEqual([
      ['untracked-file', 19, 'figures/a[1]*.png'],
    ]);
  });

  it.skipIf(insideGitRepo(tmpdir()))(
    'outside a git repo the git checks are skipped, and the result says so',
    async () => {
      const repo = reportRepo({ 19: '![u](figures/untracked.png)' }, { 'reports/figures/untracked.png': await png() });
      const result = await figureHygiene({ reportPath: repo.reportPath, text: readText(repo.reportPath) });
      expect(result.git).toEqual({ checked: false, reason: 'the report is not inside a git repository' });
      expect(result.findings).toEqual([]);
    },
  );
});

describe('figureWarnings (for report-editor check)', () => {
  it("returns core's ReportWarning shape, in line order", async () => {
    const repo = reportRepo(
      { 19: '[a](figures/a.png)', 20: '![b](figures/missing.png)' },
      { 'reports/figures/a.png': await png() },
    );
    const warnings = await figureWarnings(repo.reportPath, readText(repo.reportPath));
    expect(warnings.map((w) => Object.keys(w).sort())).toEqual([
      ['kind', 'line', 'message', 'question'],
      ['kind', 'line', 'message', 'question'],
    ]);
    expect(warnings.map((w) => [w.kind, w.question])).toEqual([
      ['image-without-bang', 19],
      ['missing-file', 20],
    ]);
    const lines = readText(repo.reportPath).split('\n');
    expect(lines[warnings[0].line! - 1]).toBe('[a](figures/a.png)');
    expect(lines[warnings[1].line! - 1]).toBe('![b](figures/missing.png)');
  });
});
