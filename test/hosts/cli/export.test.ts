import { chmodSync, existsSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { corpusAvailable, corpusReports } from '../../support/corpus';
import { buildReport } from '../../support/reportBuilder';

let png: Buffer;

beforeAll(async () => {
  assertCliBuilt();
  png = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 10, g: 160, b: 60 } } }).png().toBuffer();
});

describe('report-editor export, run as a process', () => {
  it('writes reports/report.html as graded, with the figures inlined, and prints where', () => {
    const repo = tempRepo({
      'reports/README.md': buildReport({ answers: { 4: 'Our answer text.', 19: '![bucket](figures/bucket.png)' } }),
      'reports/figures/bucket.png': png,
    });
    const run = runCliProcess(['export'], repo);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote reports\/report\.html \(as graded, \d+ kB, 1 of 1 image inlined\)\n$/);
    const html = readFileSync(join(repo, 'reports', 'report.html'), 'utf8');
    // The course page's own image tag, its source inlined.
    expect(html).toContain(`<img alt="bucket" src="data:image/png;base64,${png.toString('base64')}" />`);
    expect(html).toContain('<p>Our answer text.</p>');
    expect(html).not.toMatch(/<(img|script|link)\b[^>]*\s(src|href)="https?:/i);
    expect(run.stdout).toBe(runCliProcess(['export', '--graded'], repo).stdout);
  });

  it('--github writes the GitHub rendering to reports/report.github.html; -o names the file', () => {
    const repo = tempRepo({
      'reports/README.md': buildReport({ answers: { 4: '```\ncode\n```', 19: '![bucket](figures/bucket.png)' } }),
      'reports/figures/bucket.png': png,
    });
    const run = runCliProcess(['export', '--github'], repo);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Wrote reports\/report\.github\.html \(as GitHub shows it, \d+ kB, 1 of 1 image inlined\)\n$/);
    const html = readFileSync(join(repo, 'reports', 'report.github.html'), 'utf8');
    expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="bucket">`);
    expect(html).toContain('<pre><code>code\n</code></pre>');
    expect(existsSync(join(repo, 'reports', 'report.html'))).toBe(false);
    expect(runCliProcess(['export', '--github', '-o', 'gh.html'], repo).code).toBe(0);
    expect(readFileSync(join(repo, 'gh.html'), 'utf8')).toContain('<pre><code>code\n</code></pre>');
    const both = runCliProcess(['export', '--github', '--graded'], repo);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^report-editor export: choose one of --graded and --github\n/);
  });

  it('accepts a repo root, reports/ folder or file, and -o FILE', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    for (const [args, output] of [
      [[repo], join(repo, 'reports', 'report.html')],
      [[join(repo, 'reports'), '-o', 'a.html'], join(repo, 'a.html')],
      [[join(repo, 'reports', 'README.md'), '--output', join(repo, 'b.html')], join(repo, 'b.html')],
    ] as const) {
      const run = runCliProcess(['export', ...args], repo);
      expect(run.code, args.join(' ')).toBe(0);
      expect(existsSync(output), output).toBe(true);
      expect(run.stdout).toContain(output.slice(repo.length + 1));
    }
  });

  it('exits 0 with a warning per missing image, and the page shows a placeholder', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 19: '![a](figures/a.png)', 20: '![b](../b.png)' } }) });
    const run = runCliProcess(['export'], repo);
    expect(run.code).toBe(0);
    const warnings = run.stderr.trim().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^warning: reports\/README\.md:\d+: image figures\/a\.png not included \(file not found\); a placeholder stands in its place$/);
    expect(warnings[1]).toMatch(/image \.\.\/b\.png not included \(outside the report's folder/);
    expect(run.stdout).toMatch(/0 of 2 images inlined/);
    expect(readFileSync(join(repo, 'reports', 'report.html'), 'utf8')).toContain('Missing image: figures/a.png');
  });

  it('exits 2 with a reason when the input cannot be used', () => {
    const repo = tempRepo({ 'notes.md': '# Just notes\n', 'reports/README.md': buildReport() });
    const cases = [
      ['export', join(repo, 'missing')],
      ['export', join(repo, 'notes.md')],
      ['export', repo, '-o', join(repo, 'no-such-folder', 'x.html')],
      ['export', repo, '-o', join(repo, 'reports', 'README.md')],
      ['export', repo, '--bogus'],
    ];
    for (const args of cases) {
      const run = runCliProcess(args, repo);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^report-editor export: .+/);
    }
    expect(readFileSync(join(repo, 'reports', 'README.md'), 'utf8')).toBe(buildReport());
  });

  it('never writes over the report through a symlink, a file that is not HTML, or a read-only page: one line, exit 2, nothing changed', () => {
    const report = buildReport({ answers: { 4: 'My own words.' } });
    const repo = tempRepo({ 'reports/README.md': report, 'reports/figures/q1.png': 'png bytes', 'reports/page.html': '<!doctype html><p>old</p>' });
    symlinkSync('README.md', join(repo, 'reports', 'report.html'));
    chmodSync(join(repo, 'reports', 'page.html'), 0o444);
    for (const [args, reason] of [
      [[], /refusing to write the HTML export to .*report\.html: it is the report itself$/],
      [['-o', 'reports/figures/q1.png'], /only a \.html or \.htm file can be written/],
      [['-o', 'reports/page.html'], /page\.html is read-only$/],
    ] as const) {
      const run = runCliProcess(['export', ...args], repo);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^report-editor export: /);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr.trim(), args.join(' ')).toMatch(reason);
    }
    expect(readFileSync(join(repo, 'reports', 'README.md'), 'utf8')).toBe(report);
    expect(readlinkSync(join(repo, 'reports', 'report.html'))).toBe('README.md');
    expect(readFileSync(join(repo, 'reports', 'figures', 'q1.png'), 'utf8')).toBe('png bytes');
    expect(readFileSync(join(repo, 'reports', 'page.html'), 'utf8')).toBe('<!doctype html><p>old</p>');
    expect(readdirSync(join(repo, 'reports')).sort()).toEqual(['README.md', 'figures', 'page.html', 'report.html']);
  });

  it.skipIf(!corpusAvailable)('exports a real report, warning once per figure that was not copied', () => {
    const file = corpusReports().find((f) => f.name.startsWith('seed-002'))!;
    const repo = tempRepo({ 'reports/README.md': file.text });
    const run = runCliProcess(['export', repo]);
    expect(run.code).toBe(0);
    // As many figures as the course's graded page shows.
    const figures = (readFileSync(file.expectedHtmlPath, 'utf8').match(/<img\b/g) ?? []).length;
    expect(figures).toBeGreaterThan(5);
    expect(run.stderr.trim().split('\n')).toHaveLength(figures);
    const html = readFileSync(join(repo, 'reports', 'report.html'), 'utf8');
    expect(html).toContain('<h3>Question 14</h3>');
    // The graded page's images, each a placeholder box (an SVG saying which image and why).
    expect((html.match(/src=.data:image\/svg\+xml;charset=utf-8,%3Csvg /g) ?? []).length).toBe(figures);
    // --github: the same warnings, and the GitHub page's placeholder boxes.
    const github = runCliProcess(['export', '--github', repo]);
    expect(github.stderr.trim().split('\n')).toHaveLength(figures);
    const githubHtml = readFileSync(join(repo, 'reports', 'report.github.html'), 'utf8');
    expect((githubHtml.match(/class="missing-image"/g) ?? []).length).toBe(figures);
  });
});
