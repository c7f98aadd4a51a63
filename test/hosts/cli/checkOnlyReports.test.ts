/**
 * `report-editor check --only-reports FILE...`, as the pre-commit hook runs it on every changed
 * markdown file: a file that holds no template is passed over whatever its encoding (PowerShell's
 * UTF-16 `>`, Latin-1, a stray NUL byte); a report the checker cannot read still stops the commit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { passingAnswers31 } from '../../support/passingAnswers';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

describe('report-editor check --only-reports', () => {
  it('passes over markdown files that hold no template, whatever their encoding', () => {
    const repo = tempRepo({
      'results.md': utf16le('# Results\n\nacc 0.91\n'),
      'results-be.md': utf16be('# Results\n\nacc 0.91\n'),
      'notes.md': Buffer.from('# Caf\xe9 notes\n', 'latin1'),
      'nul.md': Buffer.from('# notes\n\0\n'),
      'ok.md': '# plain notes\n',
    });
    for (const file of ['results.md', 'results-be.md', 'notes.md', 'nul.md', 'ok.md']) {
      const run = runCliProcess(['check', '--only-reports', file], repo);
      expect({ file, code: run.code, stderr: run.stderr }).toEqual({ file, code: 0, stderr: '' });
    }
    // Passed over next to a real report: the report alone decides.
    const failing = tempRepo({
      'results.md': utf16le('# Results\n'),
      'reports/README.md': buildReport({ answers: { ...passingAnswers31(), 4: words(30) } }),
    });
    const both = runCliProcess(['check', '--only-reports', 'results.md', 'reports/README.md'], failing);
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/✗ Question 4 \(line \d+\): 30 words/);
  });

  it('still stops on a file that holds the template but is not UTF-8, and without --only-reports on any such file', () => {
    const repo = tempRepo({
      'reports/README.md': utf16le(buildReport({ answers: passingAnswers31() })),
      'latin1.md': Buffer.from(buildReport({ answers: { ...passingAnswers31(), 4: 'caf\xe9' } }), 'latin1'),
      'results.md': utf16le('# Results\n'),
    });
    const report = runCliProcess(['check', '--only-reports', 'reports/README.md'], repo);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/reports\/README\.md is saved as UTF-16 text.*re-save it as UTF-8/);
    const latin1 = runCliProcess(['check', '--only-reports', 'latin1.md'], repo);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toMatch(/latin1\.md is not valid UTF-8 text/);
    const plain = runCliProcess(['check', 'results.md'], repo);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/results\.md is saved as UTF-16 text/);
  });
});
