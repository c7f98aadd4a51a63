import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, words } from '../../support/reportBuilder';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { corpusAvailable, corpusFiles } from '../../support/corpus';

beforeAll(assertCliBuilt);

describe('report-editor check, run as a process', () => {
  it.skipIf(!corpusAvailable)(
    'prints the course verdict as JSON for every real report, with matching exit codes',
    () => {
      for (const file of corpusFiles().filter((f) => f.kind === 'report')) {
        const repo = tempRepo({ 'reports/README.md': file.text });
        const run = runCliProcess(['check', repo, '--json']);
        const json = JSON.parse(run.stdout);
        const e = file.expected;
        expect(
          {
            generation: json.generation,
            error: json.error,
            answers: json.answers,
            passed: json.passed,
            failures: json.failures,
          },
          file.name,
        ).toEqual({
          generation: e.generation,
          error: e.error,
          answers: e.answers,
          passed: e.passed,
          failures: e.failures,
        });
        expect(Object.keys(json).sort()).toEqual([
          'answers',
          'diagnostics',
          'error',
          'failures',
          'generation',
          'passed',
          'questions',
          'warnings',
        ]);
        // Every failure of the checker is one error diagnostic.
        const failures = json.diagnostics.filter(
          (d: { source: string; code: string }) => d.source === 'checker' && d.code !== 'checker-error',
        );
        expect(failures.length, file.name).toBe(e.error === null ? e.failures.length : failures.length);
        expect(
          json.diagnostics.some((d: { code: string }) => d.code === 'checker-error'),
          file.name,
        ).toBe(e.error !== null);
        expect(run.code, file.name).toBe(e.error === null && e.failures.length === 0 ? 0 : 1);
      }
    },
    180_000,
  ); // 35 process starts; a loaded 2-core machine needs the headroom

  it('accepts a repo root, a reports/ folder or the file, and defaults to the current folder', () => {
    const answers = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, words(110)]));
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { ...answers, 7: words(60), 12: words(60), 11: words(210), 14: `${words(210)} ![a](figures/a.png)`, 29: `${words(210)} ![a](figures/a.png)`, 30: words(210), 19: '![a](figures/a.png)', 20: '![a](figures/a.png)', 21: '![a](figures/a.png)' } }) });
    for (const args of [['check', repo], ['check', `${repo}/reports`], ['check', `${repo}/reports/README.md`]]) {
      const run = runCliProcess(args);
      expect(run.stdout).toContain('passed 31/31');
      expect(run.code).toBe(0);
    }
    expect(runCliProcess(['check'], repo).code).toBe(0);
  });

  it('lists failing questions, warnings and the pass count in human output', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 4: `${words(30)}\n\n### Oops\n\n${words(90)}` } }) });
    const run = runCliProcess(['check', repo]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Question 4 \(line \d+\): 30 words, needs 100–200/);
    expect(run.stdout).toMatch(/Q4, line \d+: In question 4, the heading "### Oops" inside the answer cuts it short: the 92 words after it are not counted/);
    // Q1, Q2 and the 0–200-word Q3 and Q28 pass even with placeholders.
    expect(run.stdout).toMatch(/passed 4\/31$/m);
  });

  it('prints 30 000 identical warnings in one question as one line with a count', () => {
    const pasted = Array.from({ length: 30_000 }, () => '### Question 1\n').join('\n');
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 14: `${words(50)}\n\n${pasted}` } }) });
    const run = runCliProcess(['check', repo]);
    const twice = run.stdout.split('\n').filter((l) => l.includes('Question 1 appears twice'));
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatch(/^ {2}⚠ Q1, line \d+: Question 1 appears twice; the checker counts both\. \(30000 times: lines \d+, \d+, \d+ and 29997 more\)$/);
    expect(run.stdout).not.toContain('more (report-editor check --json lists every one)');
  });

  it('explains the error when the checker stops', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ dropMarker: [5] }) });
    const run = runCliProcess(['check', repo]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Number of answers are different from the expected 31');
    expect(run.stdout).toMatch(/Q5, line \d+: Question 5 has no "Answer:" line/);
  });

  it('lists a link without "!" to a missing file once, with the fix for the "!"', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 19: '[bucket](figures/bucket.png)' } }) });
    const run = runCliProcess(['check', repo]);
    const figures = run.stdout.split('Figures:')[1] ?? '';
    // One problem, one item: the missing file is what graders will see, the "!" is its fix.
    expect(figures.match(/Q19, line \d+:/g)).toHaveLength(1);
    expect(figures).toMatch(/Q19, line \d+: Question 19 links figures\/bucket\.png, but there is no such file/);
    expect(figures).toMatch(/fix: Add the "!"/);
    const json = JSON.parse(runCliProcess(['check', repo, '--json']).stdout);
    // `warnings` keeps listing every check; `diagnostics` lists the problem once.
    expect(
      json.warnings.filter((w: { question: number }) => w.question === 19).map((w: { kind: string }) => w.kind),
    ).toEqual(expect.arrayContaining(['image-without-bang', 'missing-file']));
    const q19 = json.diagnostics.filter(
      (d: { source: string; question: number }) => d.source === 'figures' && d.question === 19,
    );
    expect(q19).toEqual([
      {
        source: 'figures',
        code: 'missing-file',
        severity: 'error',
        question: 19,
        line: expect.any(Number),
        range: { start: expect.any(Number), end: expect.any(Number) },
        message: expect.stringMatching(/no such file/),
        fixes: ['Add the "!"'],
      },
    ]);
  });

  it('lists where the graded page will differ, apart from the checker warnings', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 6: 'We ran:\n\n```bash\nuv sync\n```\n' } }) });
    const run = runCliProcess(['check', repo]);
    const graded = run.stdout.split('Where the graded page (python report.py html) will differ from GitHub:')[1];
    expect(graded).toMatch(/Q6, line \d+: .*fenced code block/i);
    const json = JSON.parse(runCliProcess(['check', repo, '--json']).stdout);
    expect(json.warnings.some((w: { kind: string; question: number }) => w.kind === 'fenced-code' && w.question === 6)).toBe(true);
  });

  it("uses the repo's own report.py table and says so", () => {
    const reportPy = [
      'def check():',
      '    per_question.pop(0)',
      '    question_constraints = {',
      ...Array.from({ length: 31 }, (_, i) => `        "question_${i + 1}": LengthConstraints(min_length=0, max_length=10),`),
      '    }',
      '    if len(answers) != 31:',
      '        raise ValueError("Number of answers are different from the expected 31.")',
    ].join('\n');
    const repo = tempRepo({ 'reports/README.md': buildReport(), 'reports/report.py': reportPy });
    const run = runCliProcess(['check', repo]);
    expect(run.stdout).toContain('constraints from reports/report.py');
    expect(run.stdout).toContain('passed 31/31');
    expect(run.code).toBe(0);
  });

  it('exits 2 with a one-line reason when the input cannot be used', () => {
    const repo = tempRepo({
      'notes.md': '# Just notes\n\nNothing to see.\n',
      'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
    });
    const cases: [string[], RegExp][] = [
      [['check', `${repo}/missing`], /does not exist/],
      [['check', `${repo}/notes.md`], /does not hold the 02476 exam template/],
      [['check', repo], /no report found/],
      [['check', `${repo}/binary.md`], /binary file/],
      [['check', `${repo}/latin1.md`], /not valid UTF-8/],
      [['check', '--bogus'], /Unknown option/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, reason] of cases) {
      const run = runCliProcess(args, repo);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.trim().split('\n')[0]).toMatch(reason);
    }
  });

  it('checks a report with a stray NUL byte in an answer, as the course checker reads it', () => {
    // Python reads the file as UTF-8 text; NUL is no whitespace to str.split(), so "in\0side" is one word.
    const report = buildReport({ answers: { 4: `${words(99)} in\u0000side` } });
    const repo = tempRepo({ 'reports/README.md': new TextEncoder().encode(report) });
    const run = runCliProcess(['check', '--json', repo]);
    expect(run.stderr).toBe('');
    const counted = JSON.parse(run.stdout).questions.find((q: { number: number }) => q.number === 4);
    expect(counted.words).toBe(100);
  });

  it('asks which file when several hold the template', () => {
    const repo = tempRepo({ 'reports/report.md': buildReport(), 'reports/old.md': buildReport() });
    const run = runCliProcess(['check', repo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('reports/old.md, reports/report.md');
  });
});
