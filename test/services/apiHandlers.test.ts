import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/services/apiHandlers';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';
import { testHandlers } from '../support/testHost';

function handlersFor() {
  const events: { event: string; payload: unknown }[] = [];
  const { handlers, workspace } = testHandlers({
    host: { showExport: async () => ({ url: '/exported/x/report.html' }) },
    emit: (event, payload) => events.push({ event, payload }),
  });
  return { handlers, events, workspace };
}

describe('the API handlers act only on the open report', () => {
  it('imports a dropped image into figures/ next to the open report, and nowhere else', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const other = tempRepo({ 'reports/README.md': buildReport() });
    const { handlers } = handlersFor();
    await dispatch(handlers, 'openPath', { path: repo });
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#990000' } }).png().toBuffer();
    const files = [{ fileName: 'GCP Bucket.png', base64: png.toString('base64') }];
    const [outcome] = (await dispatch(handlers, 'importFigures', { question: 19, files })) as { ok: boolean; relativeLink: string }[];
    expect(outcome).toMatchObject({ ok: true, relativeLink: 'figures/q19-gcp-bucket.png' });
    expect(readFileSync(join(repo, 'reports/figures/q19-gcp-bucket.png'))).toEqual(png);
    // The request names no report: one that tries to name another is refused, and nothing lands there.
    await expect(dispatch(handlers, 'importFigures', { reportPath: join(other, 'reports/README.md'), question: 19, files })).rejects.toThrow(/Invalid request/);
    expect(existsSync(join(other, 'reports/figures'))).toBe(false);
    await expect(dispatch(handlers, 'importFigures', { question: 19, files: [] })).rejects.toThrow(/Invalid request/);
  });

  it('a page cannot delete a figure the saved report links, or have a linked one renamed by a forged fix; it learns facts only about paths, never gets a text', async () => {
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#990000' } }).png().toBuffer();
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 19: '![a](figures/a.png)' } }), 'reports/figures/a.png': png });
    const { handlers } = handlersFor();
    await dispatch(handlers, 'openPath', { path: repo });
    // The renderer would not ask (its text links the file); a page that asks anyway is refused by the saved report.
    expect(await dispatch(handlers, 'deleteFigure', { target: 'figures/a.png' })).toEqual({ deleted: false, linkedBy: [19] });
    await expect(
      dispatch(handlers, 'applyFigureFix', { fix: { kind: 'delete-file', label: 'Delete the file', target: 'figures/a.png' } }),
    ).rejects.toThrow(/no longer matches/);
    await expect(
      dispatch(handlers, 'applyFigureFix', { fix: { kind: 'rename-file', label: 'Rename', from: 'figures/a.png', to: 'figures/b.png' } }),
    ).rejects.toThrow(/no longer matches/);
    expect(readFileSync(join(repo, 'reports/figures/a.png'))).toEqual(png);
    // Facts about the linked path; a path climbing out of the report's folder finds nothing (a page cannot probe the disk).
    const facts = (await dispatch(handlers, 'figureFacts', { local: ['figures/a.png', '../reports/README.md'], outside: [] })) as {
      targets: { path: string; state: string }[];
      figureFiles: string[];
    };
    expect(facts.targets.map((t) => [t.path, t.state])).toEqual([
      ['figures/a.png', 'exact'],
      ['../reports/README.md', 'missing'],
    ]);
    expect(facts.figureFiles).toEqual(['figures/a.png']);
    expect(JSON.stringify(facts)).not.toContain('Question');
  });

  it('refuses figure operations while no report is open', async () => {
    const { handlers } = handlersFor();
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#990000' } }).png().toBuffer();
    const files = [{ fileName: 'a.png', base64: png.toString('base64') }];
    await expect(dispatch(handlers, 'importFigures', { question: 19, files })).rejects.toThrow(/open a report first/);
    await expect(dispatch(handlers, 'listFigures', {})).rejects.toThrow(/open a report first/);
    expect(await dispatch(handlers, 'exportHtml', { text: 'x' })).toMatchObject({ kind: 'error' });
  });

  it('exports the open report with progress events, and only shows files it exported', async () => {
    const repo = tempRepo({ 'reports/README.md': buildReport() });
    const { handlers, events } = handlersFor();
    await dispatch(handlers, 'openPath', { path: repo });
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer();
    await dispatch(handlers, 'importFigures', { question: 19, files: [{ fileName: 'a.png', base64: png.toString('base64') }] });
    const text = buildReport({ answers: { 19: '![bucket](figures/q19-a.png)' } });
    const result = (await dispatch(handlers, 'exportHtml', { text })) as { kind: string; outputPath: string };
    expect(result).toMatchObject({ kind: 'exported', outputPath: join(repo, 'reports/report.html') });
    expect(readFileSync(result.outputPath, 'utf8')).toContain('data:image/png;base64,');
    expect(events.some((e) => e.event === 'exportProgress')).toBe(true);
    expect(await dispatch(handlers, 'openExport', { outputPath: result.outputPath })).toEqual({ url: '/exported/x/report.html' });
    await expect(dispatch(handlers, 'openExport', { outputPath: '/etc/passwd' })).rejects.toThrow(/exported in this session/);
    const elsewhere = (await dispatch(handlers, 'exportHtml', { text, outputPath: '/tmp/../etc/report.html' })) as { kind: string; message: string };
    expect(elsewhere.kind).toBe('error');
    expect(elsewhere.message).toMatch(/outside/);
  });
});
