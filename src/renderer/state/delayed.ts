/**
 * A run of `run` that waits `delayMs` after the last `schedule` (a debounce); `cancel` drops it.
 * Scheduled on every keystroke (autosave), so a later `schedule` only moves the deadline: the
 * pending timer, when it fires early, waits out the rest instead of being cleared and set again.
 */
export class Delayed {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending timer fires, and when the run is due (`Date.now()` ms). */
  private firesAt = 0;
  private dueAt = 0;

  constructor(private readonly run: () => void) {}

  schedule(delayMs: number): void {
    const now = Date.now();
    this.dueAt = now + delayMs;
    // A timer firing at or before the new deadline can stay: it waits out the rest when it fires.
    if (this.timer !== null && this.firesAt <= this.dueAt) return;
    this.arm(now, delayMs);
  }

  /** A run is waiting (for the autosave: something changed within its delay). */
  get pending(): boolean {
    return this.timer !== null;
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(now: number, delayMs: number): void {
    this.cancel();
    this.firesAt = now + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      const left = this.dueAt - Date.now();
      if (left > 0) this.arm(Date.now(), left);
      else this.run();
    }, delayMs);
  }
}
