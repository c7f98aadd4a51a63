/**
 * The open report's aggregated diagnostics and the question marks derived from them, kept in one
 * store so the navigator, the cards and the problems panel read the same list. Recomputed when the
 * analysis, the figure findings or the idle-time insights change (never on the keystroke itself).
 */
import { dequal } from 'dequal';
import type { QuestionStatus } from '../../core/analyzeReport';
import { aggregateDiagnostics, conflictDiagnostics, questionMarks, type Diagnostic } from '../../core/diagnostics';
import type { FigureController } from '../figures/figureController';
import type { ReportInsights } from '../repair/reportInsights';
import type { ReportSession } from '../state/reportSession';
import { createStore, type Store } from '../document/store';

export interface DiagnosticsState {
  readonly list: readonly Diagnostic[];
  readonly marks: ReadonlyMap<number, QuestionStatus>;
  /**
   * Whether every source has spoken for the current text: the idle-time insights examined this very
   * document and the figures' disk check came back. Until then more problems may still arrive.
   */
  readonly settled: boolean;
}

export class ReportDiagnostics {
  readonly store: Store<DiagnosticsState>;

  constructor(
    private readonly session: ReportSession,
    private readonly insights: ReportInsights,
    private readonly figures: FigureController,
  ) {
    this.store = createStore<DiagnosticsState>(this.compute());
  }

  /** Starts following the sources; returns the stop function (an effect and its cleanup). */
  start(): () => void {
    let analysis = this.session.state.analysis;
    let findings = this.figures.store.getState().findings;
    let insights = this.insights.store.getState();
    let disk = this.figures.store.getState().disk;
    const update = () => {
      const next = {
        analysis: this.session.state.analysis,
        findings: this.figures.store.getState().findings,
        insights: this.insights.store.getState(),
        disk: this.figures.store.getState().disk,
      };
      if (
        next.analysis === analysis &&
        next.findings === findings &&
        next.insights === insights &&
        next.disk === disk
      )
        return;
      ({ analysis, findings, insights, disk } = next);
      this.store.setState(this.compute());
    };
    const stops = [
      this.session.store.subscribe(update),
      this.figures.store.subscribe(update),
      this.insights.store.subscribe(update),
    ];
    this.store.setState(this.compute());
    return () => stops.forEach((stop) => stop());
  }

  private compute(): DiagnosticsState {
    const { analysis, markers, doc } = this.session.state;
    const insights = this.insights.store.getState();
    const list = aggregateDiagnostics({
      analysis,
      profile: this.session.report.profile,
      // Git's conflict markers, first in the list: until they are resolved, every count includes both versions.
      conflicts: markers.length > 0 ? conflictDiagnostics(this.session.text, doc) : [],
      figures: this.figures.store.getState().findings,
      drift: insights.drift,
      graded: insights.graded,
      // Template range notes stay on their cards: they ask nothing of the student.
    });
    const settled = insights.doc === doc && this.figures.store.getState().disk !== null;
    const marks = questionMarks(analysis.questions, list);
    // Most re-checks after a typing pause find the same problems: the panel, the overview and the
    // navigator keep what they show (no re-render, nothing in the way of the next key).
    const previous = this.store?.getState();
    return {
      list: previous && sameDiagnostics(previous.list, list) ? previous.list : list,
      marks: previous && sameMarks(previous.marks, marks) ? previous.marks : marks,
      settled,
    };
  }
}

/** Compared field by field: serialising both sides of every diagnostic at each pause was ~7 kB of garbage a key. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || dequal(d, b[i]));
}

function sameMarks(a: ReadonlyMap<number, QuestionStatus>, b: ReadonlyMap<number, QuestionStatus>): boolean {
  if (a.size !== b.size) return false;
  for (const [number, status] of a) if (b.get(number) !== status) return false;
  return true;
}
