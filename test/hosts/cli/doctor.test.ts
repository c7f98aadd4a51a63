import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../../src/core/checkReport';
import { doctor, type Finding } from '../../../src/core/doctor';
import { resolveProfile } from '../../../src/core/templateVersion';
import { expectWordsKept } from '../../core/doctorSupport';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { corpusAvailable, corpusReports } from '../../support/corpus';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const readme = (repo: string) => readFileSync(join(repo, 'reports/README.md'), 'utf8');
const backups = (repo: string) => readdirSync(join(repo, 'reports')).filter((f) => f.endsWith('.bak')).sort();

describe.skipIf(!corpusAvailable)('report-editor doctor --fix on every real report (the issue\'s "done when")', () => {
  it.each(corpusReports().map((r) => [r.name, r] as const))('%s', (_name, file) => {
    const repo = tempRepo({ 'reports/README.md': file.text });
    const run = runCliProcess(['doctor', repo, '--fix', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const repaired = readme(repo);
    const { profile } = resolveProfile(file.text);

    // The course's split finds the right number of answers (31 or 27), without an error.
    const check = checkReport(repaired, profile);
    expect(check.error).toBeNull();
    expect(check.answers).toBe(profile.expectedAnswers);
    expect(result.checker).toEqual({ answers: profile.expectedAnswers, expected: profile.expectedAnswers, error: null });
    // Every question's answer (by heading) has the same words as before.
    expectWordsKept(file.text, repaired, profile.generation);
    // The original is kept next to the file, byte for byte, when anything changed.
    if (repaired === file.text) expect(backups(repo)).toEqual([]);
    else {
      expect(backups(repo)).toEqual(['README.md.bak']);
      expect(readFileSync(join(repo, 'reports/README.md.bak'))).toEqual(Buffer.from(file.text, 'utf8'));
      expect(result.backup).toBe(join(repo, 'reports/README.md.bak'));
    }
    // A second doctor finds nothing that breaks the checker (what --fix reported is that second run).
    expect(result.findings).toEqual(doctor(repaired, profile));
    expect((result.findings as Finding[]).filter((f) => f.severity === 'breaks-checker')).toEqual([]);
  });
});

describe('report-editor doctor, run as a process', () => {
  const broken = buildReport({ dropMarker: [5], answers: { 5: words(120), 6: `${words(50)}\n\n#### Details\n\n${words(60)}` } });

  it('lists findings by severity with line numbers and fixes, and exits 1 while the checker breaks', () => {
    const repo = tempRepo({ 'reports/README.md': broken });
    const run = runCliProcess(['doctor'], repo);
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).toMatch(/^reports\/README\.md: 31-question template/);
    expect(out).toMatch(/Breaks the course's checker \(1\):\n {2}line \d+ +Q5 +Question 5 has no "> Answer:" line/);
    expect(out).toMatch(/fix: insert "> Answer:" after question 5's prompt/);
    expect(out).toMatch(/Changes what is graded or how the graded page shows it \(\d+\):/);
    expect(out).toMatch(/Q6 +The heading "#### Details" inside question 6's answer/);
    expect(out).toMatch(/fix: make the heading bold text \(or: move it below the answer\)/);
    expect(out.indexOf('Breaks the course')).toBeLessThan(out.indexOf('Changes what is graded'));
    expect(out).toMatch(/can be repaired without changing your words: report-editor doctor --fix/);
    expect(readme(repo)).toBe(broken);
  });

  it('says before a fix when it changes the verdict', () => {
    const answers = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(120)]));
    const text = buildReport({ answers: { ...answers, 12: `${words(80)}\n\n## Details\n\n${words(85, 'more')}` } });
    const repo = tempRepo({ 'reports/README.md': text });
    const out = runCliProcess(['doctor'], repo).stdout;
    // The checker counts the 80 words above the "##"; the repair lets the rest count too.
    expect(out).toMatch(
      /Q12 +The heading "## Details" inside question 12's answer[^\n]*\n.*fix: make the heading bold text[^\n]*\n +after this, question 12 counts 166 words: over 100\n/,
    );
  });

  it('--fix never makes the verdict worse: a fix that would is not applied, and it says so', () => {
    const answers = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(120)]));
    const text = buildReport({ answers: { ...answers, 12: `${words(80)}\n\n## Details\n\n${words(85, 'more')}` } });
    const repo = tempRepo({ 'reports/README.md': text });
    const run = runCliProcess(['doctor', '--fix'], repo);
    // Question 12 passes with the 80 words the checker counts; bold, the heading would add 86 more.
    expect(run.stdout).toContain('Nothing was repaired; the file is unchanged.');
    expect(run.stdout).toMatch(
      /Not applied \(1\): each would make the course's checker's verdict worse[^\n]*\n +✗ line \d+ +Q12 +make the heading bold text: after this, question 12 counts 166 words: over 100\n/,
    );
    expect(readme(repo)).toBe(text);
    expect(backups(repo)).toEqual([]);
    const json = JSON.parse(runCliProcess(['doctor', '--fix', '--json'], repo).stdout);
    expect(json.notApplied).toEqual([
      expect.objectContaining({ kind: 'heading-in-answer', question: 12, effect: 'after this, question 12 counts 166 words: over 100' }),
    ]);
  });

  it('--fix repairs, keeps a backup, says what it changed, and exits 0', () => {
    const repo = tempRepo({ 'reports/README.md': broken });
    const run = runCliProcess(['doctor', '--fix', '--headings', 'move'], repo);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Repaired 2 findings \(\d+ lines? added, \d+ removed; every answer keeps its words\):/);
    expect(run.stdout).toMatch(/✓ line \d+ +Q5 +insert "> Answer:"/);
    expect(run.stdout).toMatch(/✓ line \d+ +Q6 +move the heading below the answer$/m); // says what --headings move did
    expect(run.stdout).toContain('Backup of the original: reports/README.md.bak');
    expect(run.stdout).toContain("The course's checker finds 31 of 31 answers.");
    expect(readFileSync(join(repo, 'reports/README.md.bak'), 'utf8')).toBe(broken);
    const fixed = readme(repo);
    expect(fixed).toContain(`${words(60)}\n\n#### Details`); // --headings move
    expect(checkReport(fixed, resolveProfile(fixed).profile).error).toBeNull();
  });

  it('never overwrites an earlier backup, and writes nothing when there is nothing to repair', () => {
    const repo = tempRepo({ 'reports/README.md': broken, 'reports/README.md.bak': 'an older backup' });
    expect(runCliProcess(['doctor', repo, '--fix']).code).toBe(0);
    expect(readFileSync(join(repo, 'reports/README.md.bak'), 'utf8')).toBe('an older backup');
    const [stamped] = backups(repo).filter((f) => f !== 'README.md.bak');
    expect(stamped).toMatch(/^README\.md\.\d{8}-\d{6}\.bak$/);
    expect(readFileSync(join(repo, 'reports', stamped), 'utf8')).toBe(broken);

    const fixed = readme(repo);
    const again = runCliProcess(['doctor', repo, '--fix']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/the file is unchanged|nothing to repair/);
    expect(readme(repo)).toBe(fixed);
    expect(backups(repo)).toHaveLength(2);
  });

  it('keeps CRLF line endings on disk', () => {
    const crlf = broken.replace(/\n/g, '\r\n');
    const repo = tempRepo({ 'reports/README.md': crlf });
    expect(runCliProcess(['doctor', repo, '--fix']).code).toBe(0);
    const fixed = readme(repo);
    expect(fixed).not.toBe(crlf);
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('prints JSON: the findings, and with --fix what was fixed', () => {
    const repo = tempRepo({ 'reports/README.md': broken });
    const json = JSON.parse(runCliProcess(['doctor', repo, '--json']).stdout);
    expect(Object.keys(json).sort()).toEqual(['checker', 'findings', 'generation', 'report', 'version']);
    expect(json.checker.error).toMatch(/expected 31/);
    const marker = json.findings.find((f: Finding) => f.kind === 'missing-answer-marker');
    expect(marker).toMatchObject({ id: 'missing-answer-marker:5:0', severity: 'breaks-checker', question: 5, fix: { label: expect.any(String) } });
    expect(typeof marker.line).toBe('number');
    const fixed = JSON.parse(runCliProcess(['doctor', repo, '--json', '--fix']).stdout);
    expect(Object.keys(fixed).sort()).toEqual(['backup', 'checker', 'findings', 'fixed', 'generation', 'report', 'version']);
    expect(fixed.fixed.map((f: Finding) => f.kind).sort()).toEqual(['heading-in-answer', 'missing-answer-marker']);
    expect(fixed.findings.every((f: Finding) => f.kind === 'unanswered')).toBe(true);
  });

  it('exits 2 with a one-line reason when the input cannot be used', () => {
    const repo = tempRepo({ 'reports/README.md': broken, 'notes.md': '# Just notes\n' });
    const cases: [string[], RegExp][] = [
      [['doctor', join(repo, 'missing')], /does not exist/],
      [['doctor', join(repo, 'notes.md')], /does not hold the 02476 exam template/],
      [['doctor', repo, '--headings', 'delete'], /--headings must be "bold" .* or "move"/],
      [['doctor', repo, '--frobnicate'], /Unknown option/],
    ];
    for (const [args, reason] of cases) {
      const run = runCliProcess(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).toBe('');
    }
    expect(readme(repo)).toBe(broken);
    expect(existsSync(join(repo, 'reports/README.md.bak'))).toBe(false);
  });

  it('is listed in the help', () => {
    expect(runCliProcess(['--help']).stdout).toMatch(/doctor \[PATH\] \[--json\] \[--fix\] +where the report drifted/);
  });
});
