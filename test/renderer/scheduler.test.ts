import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentScheduler, browserTimers, type SchedulerTimers, type TaskRun } from '../../src/renderer/document/scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The browser's timers (faked), with idle time that comes only when the test says the page is idle. */
function idleOnDemand() {
  const waiting: { run: () => void; timeoutMs: number }[] = [];
  const timers: SchedulerTimers = {
    now: browserTimers.now,
    setTimeout: browserTimers.setTimeout,
    clearTimeout: browserTimers.clearTimeout,
    requestIdle(run, timeoutMs) {
      const entry = { run, timeoutMs };
      waiting.push(entry);
      return () => waiting.splice(waiting.indexOf(entry), 1);
    },
  };
  return {
    timers,
    waiting,
    becomeIdle: () => {
      for (const entry of waiting.splice(0)) entry.run();
    },
  };
}

describe('DocumentScheduler', () => {
  it('runs the pause tasks once typing pauses, in order, for the newest version only', () => {
    const scheduler = new DocumentScheduler(0, { pauseMs: 250 });
    const ran: string[] = [];
    scheduler.onPause('analysis', (run) => void ran.push(`analysis@${run.version}`));
    scheduler.onPause('git', (run) => void ran.push(`git@${run.version}`));
    for (let version = 1; version <= 5; version++) {
      scheduler.advance(version);
      vi.advanceTimersByTime(100); // keys 100 ms apart: never a pause
    }
    expect(ran).toEqual([]);
    expect(scheduler.pending).toBe(true);
    vi.advanceTimersByTime(150);
    expect(ran).toEqual(['analysis@5', 'git@5']);
    expect(scheduler.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(ran).toHaveLength(2);
  });

  it('settle() runs the pause stage at once, and the timer does not run it again for that version', () => {
    const scheduler = new DocumentScheduler(0, { pauseMs: 250 });
    const versions: number[] = [];
    scheduler.onPause('analysis', (run) => void versions.push(run.version));
    scheduler.advance(1);
    scheduler.settle();
    scheduler.settle();
    expect(versions).toEqual([1]);
    vi.advanceTimersByTime(1000);
    expect(versions).toEqual([1]);
    scheduler.advance(2);
    vi.advanceTimersByTime(250);
    expect(versions).toEqual([1, 2]);
  });

  it('runs idle tasks after the quiet time only when the browser is idle, after the pause stage', () => {
    const idle = idleOnDemand();
    const scheduler = new DocumentScheduler(0, { pauseMs: 250, idleMs: 400, idleTimeoutMs: 1000, timers: idle.timers });
    const ran: string[] = [];
    scheduler.onPause('analysis', (run) => void ran.push(`analysis@${run.version}`));
    scheduler.onIdle('insights', (run) => void ran.push(`insights@${run.version}`));
    // Registered: it catches up with the current version at the next idle time.
    idle.becomeIdle();
    expect(ran).toEqual(['insights@0']);

    scheduler.advance(1);
    vi.advanceTimersByTime(250);
    expect(ran).toEqual(['insights@0', 'analysis@1']);
    vi.advanceTimersByTime(149);
    expect(idle.waiting).toHaveLength(0); // still inside the quiet time
    vi.advanceTimersByTime(1);
    expect(idle.waiting).toEqual([expect.objectContaining({ timeoutMs: 1000 })]);
    expect(ran).toHaveLength(2); // the page is busy: nothing yet
    idle.becomeIdle();
    expect(ran).toEqual(['insights@0', 'analysis@1', 'insights@1']);
  });

  it('a new version cancels the idle run waiting for an older one', () => {
    const idle = idleOnDemand();
    const scheduler = new DocumentScheduler(0, { pauseMs: 100, idleMs: 200, timers: idle.timers });
    const versions: number[] = [];
    scheduler.onIdle('insights', (run) => void versions.push(run.version));
    scheduler.advance(1);
    vi.advanceTimersByTime(200);
    expect(idle.waiting).toHaveLength(1);
    scheduler.advance(2);
    expect(idle.waiting).toHaveLength(0);
    vi.advanceTimersByTime(200);
    idle.becomeIdle();
    expect(versions).toEqual([2]);
  });

  it('aborts an async idle run when a newer version arrives, never runs it twice at once, and catches up after it', async () => {
    const idle = idleOnDemand();
    const scheduler = new DocumentScheduler(0, { pauseMs: 100, idleMs: 100, timers: idle.timers });
    const started: TaskRun[] = [];
    const finish: (() => void)[] = [];
    scheduler.onIdle('worker', (run) => {
      started.push(run);
      return new Promise<void>((done) => finish.push(done));
    });
    scheduler.advance(1);
    vi.advanceTimersByTime(100);
    idle.becomeIdle();
    expect(started.map((r) => r.version)).toEqual([1]);

    scheduler.advance(2);
    expect(started[0].signal.aborted).toBe(true);
    vi.advanceTimersByTime(100);
    idle.becomeIdle();
    expect(started).toHaveLength(1); // version 1's run is still in flight

    finish[0]();
    await vi.advanceTimersByTimeAsync(0);
    idle.becomeIdle();
    expect(started.map((r) => r.version)).toEqual([1, 2]);
    expect(started[1].signal.aborted).toBe(false);
    finish[1]();
    await vi.advanceTimersByTimeAsync(1000);
    idle.becomeIdle();
    expect(started).toHaveLength(2);
  });

  it('falls back to a timer where the browser has no requestIdleCallback, and stops everything when disposed', () => {
    const scheduler = new DocumentScheduler(0, { pauseMs: 50, idleMs: 80 });
    const ran: string[] = [];
    scheduler.onPause('analysis', (run) => void ran.push(`pause@${run.version}`));
    scheduler.onIdle('insights', (run) => void ran.push(`idle@${run.version}`));
    vi.advanceTimersByTime(1); // the stand-in for idle time: a timer
    scheduler.advance(1);
    vi.advanceTimersByTime(80);
    expect(ran).toEqual(['idle@0', 'pause@1']);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['idle@0', 'pause@1', 'idle@1']);
    scheduler.advance(2);
    scheduler.dispose();
    vi.advanceTimersByTime(10_000);
    scheduler.settle();
    expect(ran).toEqual(['idle@0', 'pause@1', 'idle@1']);
  });

  it('a task that stops following runs no more', () => {
    const scheduler = new DocumentScheduler(0, { pauseMs: 50 });
    const ran: number[] = [];
    const stop = scheduler.onPause('git', (run) => void ran.push(run.version));
    scheduler.advance(1);
    vi.advanceTimersByTime(50);
    stop();
    scheduler.advance(2);
    vi.advanceTimersByTime(50);
    expect(ran).toEqual([1]);
  });

  it('sets no timer on the keys while typing goes on: the pending one waits out the rest when it fires', () => {
    let timersSet = 0;
    const timers: SchedulerTimers = {
      ...browserTimers,
      setTimeout: (run, ms) => {
        timersSet++;
        return browserTimers.setTimeout(run, ms);
      },
    };
    const scheduler = new DocumentScheduler(0, { pauseMs: 250, timers });
    const versions: number[] = [];
    scheduler.onPause('analysis', (run) => void versions.push(run.version));
    for (let version = 1; version <= 20; version++) {
      scheduler.advance(version);
      vi.advanceTimersByTime(50);
    }
    // 20 keys over a second: the first set the timer, which fired after 250 ms and was set once more for the rest, …
    expect(timersSet).toBeLessThanOrEqual(6);
    expect(versions).toEqual([]);
    vi.advanceTimersByTime(199);
    expect(versions).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(versions).toEqual([20]);
  });
});
