/**
 * A value computed from `input` while the browser is idle, never on the keystroke path: after an
 * edit the previous value stays on screen until the new one is ready. Null until the first one.
 */
import { useEffect, useState } from 'react';

export function useIdleValue<I, T>(input: I, compute: (input: I) => T): { value: T | null; stale: boolean } {
  const [state, setState] = useState<{ input: I; value: T } | null>(null);
  useEffect(() => {
    if (state !== null && Object.is(state.input, input)) return;
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      setState({ input, value: compute(input) });
    };
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: 500 });
      return () => {
        done = true;
        window.cancelIdleCallback(handle);
      };
    }
    const handle = window.setTimeout(run, 0);
    return () => {
      done = true;
      window.clearTimeout(handle);
    };
  }, [input, compute, state]);
  return { value: state?.value ?? null, stale: state === null || !Object.is(state.input, input) };
}
