/**
 * A full garbage collection between the phases of a command on a very large report.
 *
 * V8 collects its old generation lazily: after a collection it lets the heap grow to up to four
 * times what was live before collecting again. `doctor --fix` on 2 MB of `### Question N` headings
 * (117,000 questions) builds ~100 MB per diagnosis, twice, and each diagnosis is garbage once its
 * round ends; left to V8, the process peaked at 450-580 MB although never more than ~115 MB was
 * live. Collecting where a phase's structures have just died keeps the peak near what is live.
 *
 * `gc` is not exposed without `--expose-gc`; setting that flag at run time exposes it to contexts
 * made afterwards, so one new context hands it over. Where that fails (another runtime), nothing
 * is collected and the command is only as lean as V8 makes it.
 */
import { runInNewContext } from 'node:vm';
// Not node:v8 itself: loading it costs every `check` ~2.5 ms, and `check` imports this module too.
import { setV8Flags } from './v8Flags';

/** Below this many characters a report's phases are small enough for V8's own schedule. */
const LARGE_REPORT_CHARS = 1_000_000;

let collector: (() => void) | null | undefined;

function findCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  try {
    setV8Flags('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** Collects garbage now (a few tens of ms per 50 MB live). */
export function collectGarbage(): void {
  collector ??= findCollector();
  collector?.();
}

/**
 * Collects garbage now when `text` is a report over LARGE_REPORT_CHARS, whose last phase (finding,
 * recognising and parsing it, a doctor's round) has just left ~100 MB behind; else leaves V8 be.
 */
export function collectGarbageAfterPhaseOf(text: string): void {
  if (text.length > LARGE_REPORT_CHARS) collectGarbage();
}
