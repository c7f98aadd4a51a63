/**
 * Who runs what when, per document version. Everything shown of the report is a function of
 * (document, version); a keystroke makes a new version, and this decides when each view of it is
 * brought up to date:
 *
 * - **now**: what the key itself needs (the typed answer's meter) is computed by the caller, on
 *   the key; nothing here runs on it — a new version only re-arms one timer.
 * - **pause** tasks run, in the order registered, once typing has paused for `pauseMs` (the
 *   re-analysis, then what reads it: the navigator's git marks, …). `settle()` runs them at once
 *   (before a save, after a structural change); they never run twice for one version.
 * - **idle** tasks run after the pause stage, once the document has been quiet for `idleMs`, when
 *   the browser is idle (requestIdleCallback, with a timeout so a busy page still gets them): the
 *   doctor and the graded-page scan (which send the text to a Web Worker), the figure checks.
 *   An idle task may be asynchronous: its `signal` aborts when a newer version arrives (the
 *   result is then not wanted), and it is not started again while a run of it is in flight —
 *   a version that arrived meanwhile gets its run when the previous one ends.
 *
 * One timer and at most one idle callback are pending at a time, whatever the number of tasks.
 */

export interface TaskRun {
  /** The document version this run is for. */
  readonly version: number;
  /** Aborted when a newer version arrives (or the scheduler is disposed): the result is stale. */
  readonly signal: AbortSignal;
}

export type Task = (run: TaskRun) => void | Promise<unknown>;

export interface SchedulerTimers {
  /** Milliseconds, for deadlines. */
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `run` when the browser is idle, at the latest after `timeoutMs`; returns a cancel. */
  requestIdle(run: () => void, timeoutMs: number): () => void;
}

export interface SchedulerOptions {
  /** Quiet time after the newest version before the pause tasks run. */
  readonly pauseMs: number;
  /** Quiet time after the newest version before the idle tasks are offered to the browser's idle time. */
  readonly idleMs?: number;
  /** The longest an idle task waits for the browser to be idle. */
  readonly idleTimeoutMs?: number;
  readonly timers?: SchedulerTimers;
}

/** The browser's timers; requestIdleCallback where there is one (not in jsdom or Node), else a timer. */
export const browserTimers: SchedulerTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  requestIdle(run, timeoutMs) {
    if (typeof globalThis.requestIdleCallback === 'function') {
      const handle = globalThis.requestIdleCallback(run, { timeout: timeoutMs });
      return () => globalThis.cancelIdleCallback(handle);
    }
    const handle = globalThis.setTimeout(run, 0);
    return () => globalThis.clearTimeout(handle);
  },
};

interface IdleEntry {
  readonly name: string;
  readonly task: Task;
  /** The version a run is in flight for (null: none). */
  inFlight: number | null;
  /** The newest version it ran for (its result is up to date when that is the current version). */
  ranFor: number | null;
}

export class DocumentScheduler {
  private ver: number;
  private readonly pauseTasks: { readonly name: string; readonly task: Task }[] = [];
  private readonly idleTasks: IdleEntry[] = [];
  /** The version the pause stage last ran for. */
  private settledFor: number;
  private timer: unknown = null;
  private timerFor: 'pause' | 'idle' | null = null;
  private cancelIdle: (() => void) | null = null;
  /** When the pause stage is due (`timers.now()`): a key moves it without touching the timer. */
  private pauseDue = 0;
  /** Made when a run is handed out; aborted (and dropped) by the next version. */
  private abort: AbortController | null = null;
  private disposed = false;
  private readonly pauseMs: number;
  private readonly idleMs: number;
  private readonly idleTimeoutMs: number;
  private readonly timers: SchedulerTimers;

  constructor(version: number, options: SchedulerOptions) {
    this.ver = version;
    this.settledFor = version;
    this.pauseMs = options.pauseMs;
    this.idleMs = Math.max(options.idleMs ?? options.pauseMs, options.pauseMs);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 1000;
    this.timers = options.timers ?? browserTimers;
  }

  get version(): number {
    return this.ver;
  }

  /** True while a pause stage is waiting (the shown state is behind the document). */
  get pending(): boolean {
    return this.settledFor !== this.ver;
  }

  /** Runs `task` in the pause stage of every version (after the tasks registered before it). */
  onPause(name: string, task: Task): () => void {
    const entry = { name, task };
    this.pauseTasks.push(entry);
    return () => remove(this.pauseTasks, entry);
  }

  /**
   * Runs `task` when idle after every version, and once soon for the current one (a view that
   * starts follows the document from where it is).
   */
  onIdle(name: string, task: Task): () => void {
    const entry: IdleEntry = { name, task, inFlight: null, ranFor: null };
    this.idleTasks.push(entry);
    if (!this.disposed && this.timerFor === null && this.cancelIdle === null) this.armIdle(0);
    return () => remove(this.idleTasks, entry);
  }

  /** A new version of the document: runs for older ones are stale, and both stages are re-armed. */
  advance(version: number): void {
    if (this.disposed || version === this.ver) return;
    this.ver = version;
    this.abort?.abort();
    this.abort = null;
    this.pauseDue = this.timers.now() + this.pauseMs;
    // The pause timer is already set (typing goes on): it waits out the rest when it fires. This
    // is all a keystroke costs here.
    if (this.timerFor === 'pause') return;
    this.clear();
    this.armPause(this.pauseMs);
  }

  /** Runs the pause stage now if the current version has not had it (the idle stage stays armed). */
  settle(): void {
    if (this.disposed || this.settledFor === this.ver) return;
    this.settledFor = this.ver;
    const run = this.runFor();
    for (const { task } of [...this.pauseTasks]) void task(run);
  }

  /** Runs the idle tasks that are behind, now, instead of waiting for idle time (tests, export). */
  runIdleNow(): void {
    this.settle();
    this.idleStage();
  }

  dispose(): void {
    this.disposed = true;
    this.abort?.abort();
    this.clear();
    this.pauseTasks.length = 0;
    this.idleTasks.length = 0;
  }

  private armPause(delayMs: number): void {
    this.timer = this.timers.setTimeout(() => this.pauseStage(), delayMs);
    this.timerFor = 'pause';
  }

  private pauseStage(): void {
    this.timer = null;
    this.timerFor = null;
    const left = this.pauseDue - this.timers.now();
    if (left > 0) {
      this.armPause(left);
      return;
    }
    this.settle();
    this.armIdle(this.idleMs - this.pauseMs);
  }

  private armIdle(delayMs: number): void {
    const offer = () => {
      this.timer = null;
      this.timerFor = null;
      this.cancelIdle = this.timers.requestIdle(() => {
        this.cancelIdle = null;
        this.idleStage();
      }, this.idleTimeoutMs);
    };
    if (delayMs <= 0) {
      offer();
      return;
    }
    this.timer = this.timers.setTimeout(offer, delayMs);
    this.timerFor = 'idle';
  }

  private idleStage(): void {
    if (this.disposed) return;
    this.settle();
    for (const entry of [...this.idleTasks]) this.runIdle(entry);
  }

  private runIdle(entry: IdleEntry): void {
    // Up to date, or a run is in flight (the version that arrived meanwhile gets its turn after it).
    if (entry.ranFor === this.ver || entry.inFlight !== null) return;
    const run = this.runFor();
    entry.inFlight = run.version;
    const done = () => {
      entry.inFlight = null;
      entry.ranFor = run.version;
      // Behind again, and no stage is waiting to catch up: catch up when idle.
      if (!this.disposed && run.version !== this.ver && this.timerFor === null && this.cancelIdle === null) {
        this.armIdle(0);
      }
    };
    let result: void | Promise<unknown>;
    try {
      result = entry.task(run);
    } catch (error) {
      done();
      throw error;
    }
    if (result instanceof Promise) result.then(done, done);
    else done();
  }

  private runFor(): TaskRun {
    this.abort ??= new AbortController();
    return { version: this.ver, signal: this.abort.signal };
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerFor = null;
    this.cancelIdle?.();
    this.cancelIdle = null;
  }
}

function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
