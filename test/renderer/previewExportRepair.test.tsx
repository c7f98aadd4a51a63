/**
 * The pure parts of the previews, the export panel and the repair flow: the graded-page scan the
 * panel and previews share (cached per answer, same result as the core's), the whole-report
 * pieces, which insights become problems, figure paths, and a repair saved through the session.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiChannels, Channel, OpenedReport, ReportApi, RequestOf, ResponseOf } from '../../src/api/contract';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { doctor, applyFixes } from '../../src/core/doctor';
import { findGradedPageDifferences } from '../../src/core/gradedPage';
import { renderedDifferencesInMarkdown } from '../../src/core/gradedDifferencesRendered';
import { lineCounter } from '../../src/core/lineIndex';
import { applyEdits } from '../../src/core/textEdit';
import { parseReport } from '../../src/core/parseReport';
import { reportBodyMarkdown } from '../../src/core/render';
import { findQuestion } from '../../src/core/reportModel';
import { ExportPanel, shownPath } from '../../src/renderer/export/ExportPanel';
import type { Exporter } from '../../src/renderer/export/exportRun';
import { differencesInMarkdown, differencesInReport } from '../../src/renderer/model/gradedDifferences';
import { figureUrlFor, insideReportFolder } from '../../src/renderer/preview/reportAssets';
import { piecesOf } from '../../src/renderer/preview/reportPieces';
import { aggregateDiagnostics as problemsOf } from '../../src/core/diagnostics';
import { doctorDiagnostics } from '../../src/core/diagnostics';
import { analyzeReport } from '../../src/core/analyzeReport';
import { ReportSession } from '../../src/renderer/state/reportSession';
import { filledTemplate, words } from './support/filledTemplate';

/** The shared corpus's real reports, read in place (none when ../shared is absent). */
const corpus = Object.entries(
  import.meta.glob('../../../shared/corpus/reports/*.md', { query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => ({ name: path.split('/').pop()!, text: text as string }));
if (corpus.length === 0) console.log('[corpus] ../shared/corpus not found: corpus-based preview tests are skipped');
const eachReport = corpus.length > 0 ? it.each(corpus) : it.skip.each([{ name: '(no corpus)', text: '' }]);

describe('graded-page differences for the previews and the problems panel', () => {
  eachReport('$name: the same places as the core finds, per answer cached', ({ text }) => {
    const doc = parseReport(text);
    const found = differencesInReport(doc);
    // Each answer's differences from the two renderings, at file lines.
    const lineOf = lineCounter(text);
    const expected = doc.questions.flatMap((q) => {
      const segment = doc.segments[q.answerSegment];
      if (!segment || segment.text.trim() === '') return [];
      return renderedDifferencesInMarkdown(segment.text).map((d) => ({ kind: d.kind, line: lineOf(segment.start) + d.line - 1 }));
    });
    expect(found.map((d) => ({ kind: d.kind, line: d.line }))).toEqual(expected.sort((a, b) => a.line - b.line));
    // The inline kinds are the remark-based finder's, unchanged.
    const inline = (list: readonly { kind: string }[]) => list.filter((d) => ['strikethrough', 'task-list', 'bare-url'].includes(d.kind));
    expect(inline(found)).toEqual(inline(findGradedPageDifferences(text, doc)));
    // A second scan of the same answers takes the cached results.
    const answer = doc.segments[doc.questions[3].answerSegment].text;
    expect(differencesInMarkdown(answer)).toBe(differencesInMarkdown(answer));
  });

  it('counts lines of CRLF reports like the core', () => {
    const text = filledTemplate({ answers: { 5: 'Our setup:\n- uv\n- ruff\n\n```\nuv sync\n```' }, eol: '\r\n' });
    const doc = parseReport(text);
    const found = differencesInReport(doc);
    expect(found.map((d) => d.kind)).toEqual(['list-needs-blank-line', 'fenced-code']);
    expect(found.map(({ kind, line, question }) => ({ kind, line, question }))).toEqual(
      findGradedPageDifferences(text, doc).map(({ kind, line, question }) => ({ kind, line, question })),
    );
    // Each fix is an edit of the file (CRLF kept), and the graded page then shows what was meant.
    const fixed = applyEdits(text, found.flatMap((d) => d.fixes?.[0]?.edits ?? []));
    expect(fixed).toContain('Our setup:\r\n\r\n- uv\r\n- ruff\r\n\r\n    uv sync\r\n');
    expect(differencesInReport(parseReport(fixed))).toEqual([]);
  });
});

describe('the whole-report preview in pieces', () => {
  eachReport('$name: the pieces are the rendered body, each starting on its own file line', ({ text }) => {
    const doc = parseReport(text);
    const pieces = piecesOf(doc);
    expect(pieces.map((p) => p.markdown).join('')).toBe(reportBodyMarkdown(text));
    let line = 1;
    for (const piece of pieces) {
      expect(piece.firstLine).toBe(line);
      line += (piece.markdown.match(/\r\n|\r|\n/g) ?? []).length;
    }
    // Each question starts a piece of its own: an edit renders one question again.
    for (const q of doc.questions) {
      expect(pieces.some((p) => p.firstLine === q.headingLine)).toBe(true);
    }
  });
});

describe('insights as problems', () => {
  it('lists template drift the checker does not, worst first, and graded-page places by question', () => {
    const text = filledTemplate({
      answers: { 4: `${words(120)}\n\n#### Details\n\n${words(10)}`, 6: 'TODO' },
      dropMarker: [9],
    });
    const findings = doctor(text, COURSE_PROFILE_31);
    const kinds = new Set(findings.map((f) => f.kind));
    expect(kinds.has('missing-answer-marker')).toBe(true);
    expect(kinds.has('heading-in-answer')).toBe(true);
    const problems = problemsOf({
      analysis: analyzeReport(text, COURSE_PROFILE_31),
      profile: COURSE_PROFILE_31,
      drift: doctorDiagnostics(text, COURSE_PROFILE_31),
      graded: [
        { kind: 'table', line: 10, question: 4, message: 'Tables are not rendered' },
        { kind: 'bare-url', line: 20, question: 99, message: 'x' },
      ],
    });
    // The checker's own warnings already name missing markers and cutting headings: listed once,
    // with the doctor's fix.
    const marker = problems.filter((p) => p.question === 9 && p.code === 'missing-answer-marker');
    expect(marker).toHaveLength(1);
    expect(marker[0].fixes.length).toBe(1);
    expect(problems.filter((p) => p.question === 4 && /heading|cut/.test(p.code))).toHaveLength(1);
    expect(problems.find((p) => p.code === 'todo')).toMatchObject({ question: 6, severity: 'warning', fixes: [] });

    const graded = problems.filter((p) => p.source === 'graded-page');
    expect(graded.map((p) => [p.code, p.question, p.line])).toEqual([
      ['bare-url', null, 20],
      ['table', 4, 10],
    ]);
  });
});

describe('figures in the preview', () => {
  it('serves only paths inside the report folder', () => {
    expect(insideReportFolder('figures/loss curve.png')).toBe('figures/loss curve.png');
    expect(insideReportFolder('./figures/../figures/a.png')).toBe('figures/a.png');
    expect(insideReportFolder('figures\\a.png')).toBe('figures/a.png');
    for (const outside of [
      '../a.png',
      'figures/../../a.png',
      '/home/s/a.png',
      'C:\\Users\\a.png',
      'c:/a.png',
      '.',
      '',
    ]) {
      expect(insideReportFolder(outside), outside).toBeNull();
    }
    // Relative, so it resolves below the page's private /t/<token>/ path.
    expect(figureUrlFor('browser')('figures/loss curve.png')).toBe('report-files/figures/loss%20curve.png');
    expect(figureUrlFor('electron')('figures/a#1.png')).toBe('report-file://report/figures/a%231.png');
    expect(figureUrlFor('browser')('../secret.png')).toBeNull();
  });
});

describe('the export panel', () => {
  const exporter = (state: Exporter['state']): Exporter => ({
    state,
    start: () => undefined,
    open: () => undefined,
    dismiss: () => undefined,
    openError: null,
    openedUrl: null,
  });
  const report = { repoRoot: '/home/s/repo' };

  it('shows the output path in the repo, the count and every missing image with its line and reason', () => {
    expect(shownPath(report, '/home/s/repo/reports/report.html')).toBe('reports/report.html');
    expect(shownPath(report, '/home/s/repository/report.html')).toBe('/home/s/repository/report.html');
    const html = renderToStaticMarkup(
      <ExportPanel
        report={report as OpenedReport}
        exporter={exporter({
          kind: 'finished',
          outcome: {
            kind: 'exported',
            outputPath: '/home/s/repo/reports/report.html',
            rendering: 'graded',
            imageCount: 3,
            bytes: 2_500_000,
            missingImages: [{ src: 'figures/Wandb%20shot.png', line: 350, reason: 'file not found' }],
          },
        })}
      />,
    );
    expect(html).toContain(
      'Exported to <code class="export-panel__path" title="/home/s/repo/reports/report.html">reports/report.html</code>',
    );
    expect(html).toContain('2 of 3 images included');
    expect(html).toContain('2.4 MB');
    expect(html).toMatch(
      /<li[^>]*data-src="figures\/Wandb%20shot.png"><code>figures\/Wandb%20shot.png<\/code><span[^>]*> \(line 350\)<\/span>: file not found<\/li>/,
    );
    expect(html).toContain('data-testid="export-open"');
    // It says which rendering the file holds and offers the other one.
    expect(html).toContain('As graded: the page the grader sees (python report.py html), figures inlined.');
    expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*data-testid="export-as-graded"/);
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*data-testid="export-as-github"/);
  });

  it('shows a progress bar only once the export has taken a moment', () => {
    const quick = renderToStaticMarkup(
      <ExportPanel
        report={report as OpenedReport}
        exporter={exporter({ kind: 'running', rendering: 'graded', showProgress: false, done: 0, total: 0 })}
      />,
    );
    expect(quick).not.toContain('<progress');
    const slow = renderToStaticMarkup(
      <ExportPanel
        report={report as OpenedReport}
        exporter={exporter({ kind: 'running', rendering: 'graded', showProgress: true, done: 3, total: 12 })}
      />,
    );
    expect(slow).toMatch(/<progress data-testid="export-progress" max="12" value="3"/);
    expect(slow).toContain('3 of 12 figures');
  });
});

describe('a repair goes through the session like any edit', () => {
  function host(initial: string) {
    const disk = { text: initial, stamp: 1 };
    const saves: ApiChannels['saveReport']['request'][] = [];
    const api: ReportApi = {
      async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
        const save = request as ApiChannels['saveReport']['request'];
        saves.push(save);
        let result: ResponseOf<'saveReport'>;
        if (save.baseStamp !== `s${disk.stamp}` && !save.force) {
          result = { kind: 'conflict', diskText: disk.text, stamp: `s${disk.stamp}` };
        } else {
          disk.text = save.text;
          disk.stamp += 1;
          result = { kind: 'saved', stamp: `s${disk.stamp}` };
        }
        expect(channel).toBe('saveReport');
        return result as ResponseOf<C>;
      },
      on: () => () => undefined,
    };
    const report: OpenedReport = {
      repoRoot: '/repo',
      reportPath: '/repo/reports/README.md',
      relativePath: 'reports/README.md',
      text: initial,
      stamp: 's1',
      profile: COURSE_PROFILE_31,
      template: null,
      differences: [],
      reportPyPath: null,
    };
    return { api, disk, saves, report };
  }

  it('saves the repaired text against the stamp it was opened with, typing folded in first, editors reloaded', async () => {
    const broken = filledTemplate({ answers: { 4: words(120) }, dropMarker: [9] });
    const h = host(broken);
    const session = new ReportSession(h.api, h.report);
    expect(session.state.analysis.check.error).not.toBeNull();
    const synced: number[] = [];
    session.attachEditors({
      mount: () => null,
      receive: () => false,
      resync: () => synced.push(session.state.doc.questions.length),
    });
    session.editAnswer(4, `${words(120)} typed`);
    const repaired = applyFixes(session.text, COURSE_PROFILE_31, 'all');
    expect(await session.replaceText(repaired)).toBe('saved');
    expect(h.saves).toHaveLength(1);
    expect(h.saves[0]).toMatchObject({ baseStamp: 's1', text: repaired });
    expect(h.disk.text).toBe(repaired);
    expect(findQuestion(session.state.doc, 4)!.answer).toBe(`${words(120)} typed`);
    expect(findQuestion(session.state.doc, 9)!.hasAnswerMarker).toBe(true);
    expect(session.state.analysis.check.error).toBeNull();
    expect(synced.length).toBeGreaterThan(0);
    expect(session.state.saveState).toBe('saved');
  });

  it('a file changed on disk meanwhile in an answer also typed here becomes a conflict, nothing overwritten', async () => {
    const broken = filledTemplate({ answers: { 4: words(120) }, dropMarker: [9] });
    const theirs = broken.replace(words(120), 'their answer');
    const h = host(broken);
    const session = new ReportSession(h.api, h.report);
    session.editAnswer(4, `${words(120)} typed`);
    h.disk.text = theirs;
    h.disk.stamp = 7;
    expect(await session.replaceText(applyFixes(session.text, COURSE_PROFILE_31, 'all'))).toBe('conflict');
    expect(h.disk.text).toBe(theirs);
    expect(session.state.conflict).toMatchObject({ cause: 'save', diskText: h.disk.text });
  });

  it('a file changed on disk meanwhile elsewhere is merged with the repair and saved', async () => {
    const broken = filledTemplate({ dropMarker: [9] });
    const h = host(broken);
    const session = new ReportSession(h.api, h.report);
    h.disk.text = `${broken}\nchanged elsewhere\n`;
    h.disk.stamp = 7;
    const repaired = applyFixes(broken, COURSE_PROFILE_31, 'all');
    expect(await session.replaceText(repaired)).toBe('saved');
    expect(h.disk.text).toBe(`${repaired}\nchanged elsewhere\n`);
    expect(session.state.conflict).toBeNull();
  });
});
