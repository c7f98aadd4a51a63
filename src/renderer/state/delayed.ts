/** A run of `run` that waits `delayMs` after the last `schedule` (a debounce); `cancel` drops it. */
export class Delayed {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly run: () => void) {}

  schedule(delayMs: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
