import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { aggregateDiagnostics, questionMarks } from '../../src/core/diagnostics';
import { groupThousands, overviewOf } from '../../src/renderer/layout/overview';
import {
  DEFAULT_PREFS,
  loadPrefs,
  nextTheme,
  savePrefs,
  textScale,
  type PrefsStorage,
} from '../../src/renderer/layout/viewPrefs';
import {
  CARD_CHROME,
  MIN_ANSWER_WIDTH,
  workspaceLayout,
  type PanelState,
} from '../../src/renderer/layout/workspaceLayout';
import { filledTemplate, words } from './support/filledTemplate';

function memoryStorage(initial: Record<string, string> = {}): PrefsStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('view preferences', () => {
  it('are remembered: what is saved is what the next start reads', () => {
    const storage = memoryStorage();
    const prefs = { navigatorOpen: false, problemsOpen: true, textStep: 2, theme: 'dark' as const };
    savePrefs(storage, prefs);
    expect(loadPrefs(storage)).toEqual(prefs);
  });

  it('fall back to the defaults for anything missing, unknown or broken', () => {
    expect(loadPrefs(null)).toEqual(DEFAULT_PREFS);
    expect(loadPrefs(memoryStorage({ 'report-editor:view': '{not json' }))).toEqual(DEFAULT_PREFS);
    expect(
      loadPrefs(
        memoryStorage({ 'report-editor:view': JSON.stringify({ theme: 'purple', textStep: 99, navigatorOpen: 'no' }) }),
      ),
    ).toEqual({ ...DEFAULT_PREFS, textStep: 6 });
  });

  it('cycle the theme system → light → dark → system, and scale text by about 10 % a step', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
    expect(textScale(0)).toBe(1);
    expect(textScale(1)).toBe(1.1);
    expect(textScale(-1)).toBeCloseTo(0.909, 3);
  });
});

/** The answer editor's width for a layout: the cards column minus its chrome, as the stylesheet lays it out. */
function answerWidth(width: number, panels: PanelState): number {
  const layout = workspaceLayout(width, panels);
  const fixed = layout.columns.match(/(?<![(,] ?)\b\d+px(?= |$)/g)?.map((px) => Number.parseInt(px, 10)) ?? [];
  const middle = width - fixed.reduce((a, b) => a + b, 0);
  const cards = layout.preview === 'side' ? Math.max(MIN_ANSWER_WIDTH + CARD_CHROME, middle / 2) : middle;
  return Math.min(cards, 860) - CARD_CHROME;
}

const STATES: PanelState[] = [];
for (const navigatorOpen of [true, false])
  for (const problemsOpen of [true, false])
    for (const previewOpen of [true, false]) STATES.push({ navigatorOpen, problemsOpen, previewOpen });

describe('the workspace layout', () => {
  it('keeps the answer editor at least 560 px wide at 1280 px in every panel state', () => {
    for (const panels of STATES) expect(answerWidth(1280, panels), JSON.stringify(panels)).toBeGreaterThanOrEqual(560);
  });

  it('puts the preview beside the answers only when both fit, else under them', () => {
    const all = { navigatorOpen: true, problemsOpen: true, previewOpen: true };
    expect(workspaceLayout(1280, all).preview).toBe('below');
    expect(workspaceLayout(1280, { ...all, navigatorOpen: false, problemsOpen: false }).preview).toBe('side');
    expect(workspaceLayout(1920, all).preview).toBe('side');
    expect(workspaceLayout(1920, { ...all, previewOpen: false }).preview).toBe('none');
  });
});

describe('the overview', () => {
  it('adds up the words, and counts failing questions and the images still missing, as the marks say', () => {
    const text = filledTemplate({
      answers: { 4: words(120), 5: words(20), 19: words(3), 14: `${words(250)} ![a](figures/a.png)` },
    });
    const analysis = analyzeReport(text, COURSE_PROFILE_31);
    const marks = questionMarks(analysis.questions, aggregateDiagnostics({ analysis, profile: COURSE_PROFILE_31 }));
    const overview = overviewOf(analysis.questions, marks);
    const expectedWords = analysis.questions.reduce((sum, q) => sum + q.words, 0);
    expect(overview.words).toBe(expectedWords);
    expect(overview.words).toBeGreaterThan(120 + 20 + 250);
    // Question 4 and 14 pass; 5 is too short; 19 has no image; the rest hold their placeholders.
    expect(overview.questionsLeft).not.toContain(4);
    expect(overview.questionsLeft).not.toContain(14);
    expect(overview.questionsLeft).toContain(5);
    expect(overview.questionsLeft).toContain(19);
    expect(overview.questionsLeft.length).toBe([...marks.values()].filter((m) => m !== 'ok' && m !== 'warning').length);
    // Images wanted: 19, 20, 21 at least 1 each, 29 exactly 1 (14 has its one).
    expect(overview.imagesMissing).toBe(4);
  });

  it('writes its counts with a comma between thousands, exactly as toLocaleString("en") does', () => {
    const samples = [0, 1, 7, 12, 999, 1000, 1001, 9999, 10000, 12345, 99999, 100000, 123456, 999999, 1000000, 1234567, 98765432, -1, -1234, -1234567];
    for (let n = 0; n < 3000; n += 7) samples.push(n, n * 997, n * 1_000_003);
    for (const n of samples) expect(groupThousands(n)).toBe(n.toLocaleString('en'));
  });
});
