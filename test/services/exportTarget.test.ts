/**
 * The export replaces only HTML files: never the report (also through a symlink), a figure, a git
 * hook, a script, or any file that does not already hold HTML — through the service and through
 * the API handlers the renderer calls. And "Open" shows only a file this session exported.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportOutcome } from '../../src/api/contract';
import { dispatch } from '../../src/services/apiHandlers';
import { exportReportHtml } from '../../src/services/exportHtml';
import { looksLikeHtml } from '../../src/services/exportTarget';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';
import { testHandlers } from '../support/testHost';

const HOOK = '#!/bin/sh\necho "the real pre-commit hook"\n';
/** What `python report.py html` writes: Python-Markdown's fragment, no doctype. */
const COURSE_PAGE = '<h1>Exam template for 02476 Machine Learning Operations</h1>\n<p>old page</p>\n';

function repo(extra: Record<string, string> = {}) {
  const root = tempRepo({ 'reports/README.md': buildReport({ answers: { 4: 'Exported words.' } }), ...extra });
  return { root, reportPath: join(root, 'reports/README.md'), report: buildReport({ answers: { 4: 'Exported words.' } }) };
}

describe('where the export may write', () => {
  it('refuses report.html when it is a symlink to the report: the report, the link and the folder stay as they were', async () => {
    const { root, reportPath, report } = repo();
    symlinkSync('README.md', join(root, 'reports/report.html'));
    await expect(exportReportHtml({ reportPath })).rejects.toThrow(/report\.html: it is the report itself/);
    expect(readFileSync(reportPath, 'utf8')).toBe(report);
    expect(readlinkSync(join(root, 'reports/report.html'))).toBe('README.md');
  });

  it('refuses names that are not .html, files inside .git (also through a linked folder), and an existing file that holds no HTML', async () => {
    const { root, reportPath } = repo({ '.git/hooks/pre-commit': HOOK, 'reports/figures/q1.png': 'PNG bytes', 'reports/notes.html': '#!/usr/bin/env python\nprint(1)\n' });
    symlinkSync(join(root, '.git/hooks'), join(root, 'reports/out'));
    const cases: [string, RegExp][] = [
      [join(root, '.git/hooks/pre-commit'), /only a \.html or \.htm file/],
      [join(root, 'reports/report.py'), /only a \.html or \.htm file/],
      [join(root, 'reports/figures/q1.png'), /only a \.html or \.htm file/],
      [join(root, '.git/hooks/page.html'), /inside a \.git folder/],
      [join(root, 'reports/out/page.html'), /leads into a \.git folder/],
      [join(root, 'reports/notes.html'), /does not hold HTML/],
      [join(root, 'reports'), /only a \.html/],
    ];
    for (const [outputPath, reason] of cases) {
      await expect(exportReportHtml({ reportPath, outputPath }), outputPath).rejects.toThrow(reason);
    }
    expect(readFileSync(join(root, '.git/hooks/pre-commit'), 'utf8')).toBe(HOOK);
    expect(readFileSync(join(root, 'reports/figures/q1.png'), 'utf8')).toBe('PNG bytes');
    expect(readFileSync(join(root, 'reports/notes.html'), 'utf8')).toMatch(/^#!/);
    expect(existsSync(join(root, 'reports/report.py'))).toBe(false);
    expect(existsSync(join(root, '.git/hooks/page.html'))).toBe(false);
  });

  it("replaces the course tool's own report.html (a fragment starting with <h1>) and an empty .html file", async () => {
    const { root, reportPath } = repo({ 'reports/report.html': COURSE_PAGE, 'reports/empty.htm': '' });
    await exportReportHtml({ reportPath });
    expect(readFileSync(join(root, 'reports/report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Exported words\./);
    await exportReportHtml({ reportPath, outputPath: join(root, 'reports/empty.htm') });
    expect(readFileSync(join(root, 'reports/empty.htm'), 'utf8')).toContain('Exported words.');
  });

  it('a symlink to another HTML page is replaced by the export itself; the page it pointed to is not written', async () => {
    const elsewhere = tempRepo({ 'site/index.html': '<!doctype html><p>someone else’s page</p>' });
    const { root, reportPath } = repo();
    symlinkSync(join(elsewhere, 'site/index.html'), join(root, 'reports/report.html'));
    await exportReportHtml({ reportPath });
    expect(lstatSync(join(root, 'reports/report.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(root, 'reports/report.html'), 'utf8')).toContain('Exported words.');
    expect(readFileSync(join(elsewhere, 'site/index.html'), 'utf8')).toBe('<!doctype html><p>someone else’s page</p>');
  });

  it('recognises HTML by its first tag, after a BOM and whitespace', () => {
    for (const html of ['<!DOCTYPE html>', '\uFEFF\n  <html lang="en">', '<!-- made by hand -->', '<h1>Title</h1>', '<p>', '']) {
      expect(looksLikeHtml(Buffer.from(html)), JSON.stringify(html)).toBe(true);
    }
    for (const other of ['#!/bin/sh', '# Exam report', 'import os', '< not a tag', '{"json": 1}', '\x89PNG\r\n']) {
      expect(looksLikeHtml(Buffer.from(other)), JSON.stringify(other)).toBe(false);
    }
  });
});

describe('exportHtml and openExport through the API handlers', () => {
  async function opened(extra: Record<string, string> = {}) {
    const r = repo(extra);
    const shown: string[] = [];
    const { handlers } = testHandlers({ host: { showExport: async (path) => (shown.push(path), { url: '/exported/x/report.html' }) } });
    await dispatch(handlers, 'openPath', { path: r.root });
    const exportTo = (outputPath?: string) =>
      dispatch(handlers, 'exportHtml', { text: r.report, ...(outputPath ? { outputPath } : {}) }) as Promise<ExportOutcome>;
    return { ...r, handlers, shown, exportTo };
  }

  it('{"outputPath": ".git/hooks/pre-commit"} leaves the hook as it was (bytes and mode), and reports/report.py is not created', async () => {
    const { root, exportTo } = await opened({ '.git/hooks/pre-commit': HOOK });
    chmodSync(join(root, '.git/hooks/pre-commit'), 0o755);
    for (const outputPath of ['.git/hooks/pre-commit', join(root, '.git/hooks/pre-commit'), 'reports/report.py', '.git/index.html']) {
      const result = await exportTo(outputPath);
      expect(result, outputPath).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Export failed: refusing to write the HTML export to /) });
    }
    expect(readFileSync(join(root, '.git/hooks/pre-commit'), 'utf8')).toBe(HOOK);
    expect(statSync(join(root, '.git/hooks/pre-commit')).mode & 0o777).toBe(0o755);
    expect(existsSync(join(root, 'reports/report.py'))).toBe(false);
    expect(existsSync(join(root, '.git/index.html'))).toBe(false);
  });

  it('opens only a file this session exported, and only while it still holds what was written', async () => {
    const { root, handlers, shown, exportTo } = await opened({ 'reports/other.html': '<!doctype html><p>not ours</p>' });
    const result = await exportTo();
    if (result.kind !== 'exported') throw new Error(JSON.stringify(result));
    await dispatch(handlers, 'openExport', { outputPath: result.outputPath });
    expect(shown).toEqual([result.outputPath]);

    await expect(dispatch(handlers, 'openExport', { outputPath: join(root, 'reports/other.html') })).rejects.toThrow(/exported in this session/);
    // Changed after the export (here: a script put in its place, then a link to one).
    writeFileSync(result.outputPath, '<!doctype html><script>alert(1)</script>');
    await expect(dispatch(handlers, 'openExport', { outputPath: result.outputPath })).rejects.toThrow(/changed since it was exported/);
    const original = await exportTo();
    if (original.kind !== 'exported') throw new Error(JSON.stringify(original));
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin/run.html'), readFileSync(original.outputPath));
    const { rmSync } = await import('node:fs');
    rmSync(original.outputPath);
    symlinkSync(join(root, 'bin/run.html'), original.outputPath);
    await expect(dispatch(handlers, 'openExport', { outputPath: original.outputPath })).rejects.toThrow(/not a file/);
    expect(shown).toHaveLength(1);
  });
});
