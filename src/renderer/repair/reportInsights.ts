/**
 * What the doctor and the graded-page scan say about the open report, kept up to date while the
 * app is idle: an idle task of the session's scheduler (never on the keystroke path), so the
 * latest document is examined once — in a Web Worker, off the main thread (on the main thread
 * when no worker can run). The banner, the problems panel and the whole-report preview read the
 * result from `store`.
 */
import type { Diagnostic } from '../../core/diagnostics';
import type { Finding } from '../../core/doctor';
import type { GradedPageDifference } from '../../core/gradedPage';
import { serializeReport, type ReportDocument } from '../../core/reportModel';
import type { ReportSession } from '../state/reportSession';
import { createStore, type Store } from '../document/store';
import { insightsWorker } from './insightsWorker';

export interface InsightsState {
  /** The document the findings are about; null until the first examination. */
  readonly doc: ReportDocument | null;
  readonly findings: readonly Finding[];
  /** The findings as diagnostics (same order), for the one aggregated problems list. */
  readonly drift: readonly Diagnostic[];
  readonly graded: readonly GradedPageDifference[];
}

type Compute = typeof import('./insightsCompute');

export class ReportInsights {
  readonly store: Store<InsightsState> = createStore<InsightsState>({ doc: null, findings: [], drift: [], graded: [] });
  private compute: Promise<Compute> | null = null;
  private stopped = false;

  constructor(private readonly session: ReportSession) {}

  /**
   * Starts following the session (an idle task of its scheduler: examined once for the document
   * as it is, then after each change when idle); returns the stop function (an effect and its cleanup).
   */
  start(): () => void {
    this.stopped = false;
    const stop = this.session.scheduler.onIdle('insights', () => this.run());
    return () => {
      this.stopped = true;
      stop();
    };
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    // The scheduler's idle stage runs after its pause stage: the analysed document is the current one.
    const doc = this.session.state.doc;
    if (doc === this.store.getState().doc) return;
    try {
      const inWorker = insightsWorker();
      const profile = this.session.report.profile;
      let insights: Awaited<ReturnType<NonNullable<typeof inWorker>>> | null = null;
      if (inWorker) {
        insights = await inWorker(serializeReport(doc), profile).catch(() => null);
      }
      if (!insights) {
        this.compute ??= import('./insightsCompute');
        const { computeInsights } = await this.compute;
        // The document changed while the code loaded: the scheduler runs this again for it.
        if (this.session.state.doc === doc && !this.stopped) insights = computeInsights(doc, profile);
      }
      // The document changed meanwhile: the scheduler runs this again for it.
      if (insights && this.session.state.doc === doc && !this.stopped) {
        const { findings, drift, graded } = insights;
        this.store.setState({ doc, findings, drift, graded });
      }
    } catch {
      // The code could not be loaded (an app update replaced it?): try again on the next change.
      this.compute = null;
    }
  }
}
