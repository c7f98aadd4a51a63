/**
 * What runs when, around a keystroke: the session's re-analysis, the navigator's git marks and the
 * doctor/graded-page insights all follow the session's one scheduler — nothing of them on the key,
 * the re-analysis and git marks when typing pauses, the insights after that when idle.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Channel, GitReportStatus, OpenedReport, ReportApi, RequestOf, ResponseOf } from '../../src/api/contract';
import { openedReport } from './support/openedReport';
import { parseReport } from '../../src/core/parseReport';
import { findQuestion } from '../../src/core/reportModel';
import { FigureController } from '../../src/renderer/figures/figureController';
import { GitAwareness } from '../../src/renderer/git/gitAwareness';
import { ReportDiagnostics } from '../../src/renderer/diagnostics/reportDiagnostics';
import { ReportInsights } from '../../src/renderer/repair/reportInsights';
import { ReportSession } from '../../src/renderer/state/reportSession';
import { filledTemplate, words } from './support/filledTemplate';

const original = filledTemplate({ answers: { 4: words(99), 5: words(120) } });

function opened(text: string): OpenedReport {
  return openedReport(text, 'stamp-0');
}

/** A host whose git has `original` committed; saves are never due in these tests. */
function host(): ReportApi & { readonly asked: Channel[] } {
  const asked: Channel[] = [];
  const committed = parseReport(original).questions.map((q) => ({ question: q.number, answer: q.answer }));
  const status: GitReportStatus = {
    branch: 'main',
    path: 'reports/README.md',
    committed,
    uncommitted: false,
    upstream: null,
    behind: null,
    mergeDriver: false,
  };
  return {
    asked,
    async invoke<C extends Channel>(channel: C, _request: RequestOf<C>): Promise<ResponseOf<C>> {
      asked.push(channel);
      if (channel === 'gitStatus') return status as ResponseOf<C>;
      throw new Error(`unexpected ${channel}`);
    },
    on: () => () => undefined,
  };
}

const PAUSE_MS = 250;
const KEY_GAP_MS = 120;

beforeEach(() => {
  vi.useFakeTimers();
  // Git awareness listens for the window coming back to the front; Node has no window.
  vi.stubGlobal('window', Object.assign(new EventTarget(), { setInterval, clearInterval }));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Types `text` into question `number`'s answer one key at a time, `KEY_GAP_MS` apart. */
function typeKeys(session: ReportSession, number: number, text: string) {
  for (const key of text) {
    session.editAnswer(number, session.editorText(number) + key);
    vi.advanceTimersByTime(KEY_GAP_MS);
  }
}

describe('the session scheduler', () => {
  it('re-analyses once typing pauses, not on the keys', () => {
    const session = new ReportSession(host(), opened(original), { flushDelayMs: PAUSE_MS, autosaveDelayMs: 60_000 });
    const analysed: number[] = [];
    session.store.subscribe(() => analysed.push(session.document.version));
    const first = session.state.doc;
    typeKeys(session, 4, ' more words');
    expect(session.state.doc).toBe(first);
    // One store change on the keys: the "unsaved" mark, at the first key (version 1).
    expect(analysed).toEqual([1]);
    vi.advanceTimersByTime(PAUSE_MS);
    expect(findQuestion(session.state.doc, 4)?.answer).toBe(`${words(99)} more words`);
    expect(session.scheduler.pending).toBe(false);
    session.dispose();
  });

  it('marks the questions that differ from HEAD when typing pauses', async () => {
    const api = host();
    const session = new ReportSession(api, opened(original), { flushDelayMs: PAUSE_MS, autosaveDelayMs: 60_000 });
    const git = new GitAwareness(session, api);
    const stop = git.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(git.store.getState().status?.branch).toBe('main');
    expect(git.store.getState().changedKey).toBe('');

    typeKeys(session, 5, ' x');
    expect(git.store.getState().changedKey).toBe(''); // not on the keys
    vi.advanceTimersByTime(PAUSE_MS);
    expect(git.store.getState().changedKey).toBe('5');

    // Typed back to what HEAD has: the mark goes at the next pause.
    session.editAnswer(5, words(120));
    vi.advanceTimersByTime(PAUSE_MS);
    expect(git.store.getState().changedKey).toBe('');

    stop();
    session.editAnswer(4, 'gone after stop');
    vi.advanceTimersByTime(PAUSE_MS);
    expect(git.store.getState().changedKey).toBe('');
    session.dispose();
  });

  it('examines the report for the doctor and the graded page only when idle after a pause, once per pause', async () => {
    const session = new ReportSession(host(), opened(original), { flushDelayMs: PAUSE_MS, autosaveDelayMs: 60_000 });
    const insights = new ReportInsights(session);
    const examined: unknown[] = [];
    insights.store.subscribe(() => examined.push(insights.store.getState().doc));
    const stop = insights.start();
    await vi.waitFor(() => expect(insights.store.getState().doc).toBe(session.state.doc), { timeout: 20_000 });
    expect(examined).toHaveLength(1);

    // A heading typed into an answer: the doctor finds the answer cut by it, after the pause.
    const keys = '\n## Cut';
    for (const key of keys) {
      session.editAnswer(4, session.editorText(4) + key);
      await vi.advanceTimersByTimeAsync(KEY_GAP_MS);
    }
    expect(examined).toHaveLength(1);
    await vi.waitFor(() => expect(insights.store.getState().doc).toBe(session.state.doc), { timeout: 20_000 });
    expect(examined).toHaveLength(2);
    expect(findQuestion(session.state.doc, 4)?.answer).toContain('## Cut');
    expect(insights.store.getState().findings.length).toBeGreaterThan(0);

    stop();
    session.editAnswer(5, 'after stop');
    await vi.advanceTimersByTimeAsync(5000);
    expect(examined).toHaveLength(2);
    session.dispose();
  });

  it('keeps the problems list when a re-check after a pause finds the same problems, so the panel does not re-render', () => {
    const api = host();
    const session = new ReportSession(api, opened(original), { flushDelayMs: PAUSE_MS, autosaveDelayMs: 60_000 });
    const insights = new ReportInsights(session);
    const figures = new FigureController(api, null as never, session);
    const diagnostics = new ReportDiagnostics(session, insights, figures);
    const stop = diagnostics.start();
    const before = diagnostics.store.getState();
    expect(before.list.length).toBeGreaterThan(0); // the template's placeholders, Q4's 99 words
    typeKeys(session, 5, ' more');
    vi.advanceTimersByTime(PAUSE_MS);
    expect(findQuestion(session.state.doc, 5)?.answer).toContain('more');
    expect(diagnostics.store.getState().list).toBe(before.list);
    expect(diagnostics.store.getState().marks).toBe(before.marks);
    // A new problem: a new list.
    typeKeys(session, 5, '\n## Cut');
    vi.advanceTimersByTime(PAUSE_MS);
    expect(diagnostics.store.getState().list).not.toBe(before.list);
    expect(diagnostics.store.getState().list.length).toBeGreaterThan(before.list.length);
    stop();
    session.dispose();
  });
});
