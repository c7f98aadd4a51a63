/**
 * What the doctor and the graded-page scan say about the open report, kept up to date while the
 * app is idle: a short while after the document last changed (never on the keystroke path), the
 * latest document is examined once — in a Web Worker, off the main thread (on the main thread
 * when no worker can run). The banner, the problems panel and the whole-report preview read the
 * result from `store`.
 */
import type { Diagnostic } from '../../core/diagnostics';
import type { Finding } from '../../core/doctor';
import type { GradedPageDifference } from '../../core/gradedPage';
import { serializeReport, type ReportDocument } from '../../core/reportModel';
import type { ReportSession } from '../state/reportSession';
import { createStore, type Store } from '../state/store';
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

const requestIdle = (callback: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 0);
  return () => window.clearTimeout(handle);
};

export class ReportInsights {
  readonly store: Store<InsightsState> = createStore<InsightsState>({ doc: null, findings: [], drift: [], graded: [] });
  private cancel: (() => void) | null = null;
  private compute: Promise<Compute> | null = null;
  private running = false;
  private stopped = false;

  constructor(
    private readonly session: ReportSession,
    /** Quiet time after the last change of the document before it is examined. */
    private readonly delayMs = 400,
  ) {}

  /** Starts following the session; returns the stop function (an effect and its cleanup). */
  start(): () => void {
    let doc = this.session.state.doc;
    const unsubscribe = this.session.store.subscribe(() => {
      if (this.session.state.doc === doc) return;
      doc = this.session.state.doc;
      this.schedule(this.delayMs);
    });
    this.stopped = false;
    this.schedule(0);
    return () => {
      this.stopped = true;
      unsubscribe();
      this.cancel?.();
      this.cancel = null;
    };
  }

  private schedule(delay: number): void {
    this.cancel?.();
    let cancelIdle: (() => void) | null = null;
    const timer = window.setTimeout(() => {
      cancelIdle = requestIdle(() => {
        this.cancel = null;
        void this.run();
      });
    }, delay);
    this.cancel = () => {
      window.clearTimeout(timer);
      cancelIdle?.();
    };
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    const doc = this.session.state.doc;
    if (doc === this.store.getState().doc) return;
    this.running = true;
    let failed = false;
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
        // The document changed while the code loaded: its own run is scheduled already.
        if (this.session.state.doc === doc && !this.stopped) insights = computeInsights(doc, profile);
      }
      // The document changed meanwhile: its own run is scheduled already.
      if (insights && this.session.state.doc === doc && !this.stopped) {
        const { findings, drift, graded } = insights;
        this.store.setState({ doc, findings, drift, graded });
      }
    } catch {
      // The code could not be loaded (an app update replaced it?): try again on the next change.
      this.compute = null;
      failed = true;
    } finally {
      this.running = false;
    }
    const behind = this.session.state.doc !== this.store.getState().doc;
    if (behind && !failed && !this.stopped && this.cancel === null) this.schedule(this.delayMs);
  }
}
