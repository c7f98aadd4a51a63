/**
 * Per-question meter readings computed on each keystroke, between two full analyses. Each
 * question has its own listeners, so typing in one answer re-renders that answer's meters only.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { MeterReading } from '../model/meterReading';

export class LiveMeters {
  private readonly readings = new Map<number, MeterReading>();
  private readonly listeners = new Map<number, Set<() => void>>();

  get(number: number): MeterReading | undefined {
    return this.readings.get(number);
  }

  set(number: number, reading: MeterReading): void {
    const previous = this.readings.get(number);
    if (
      previous &&
      previous.words === reading.words &&
      previous.images === reading.images &&
      previous.status === reading.status &&
      previous.exact === reading.exact
    ) {
      return;
    }
    this.readings.set(number, reading);
    this.notify(number);
  }

  /** Drops the live readings (a fresh analysis now holds the truth). */
  clear(numbers?: Iterable<number>): void {
    for (const number of numbers ? [...numbers] : [...this.readings.keys()]) {
      if (this.readings.delete(number)) this.notify(number);
    }
  }

  subscribe(number: number, listener: () => void): () => void {
    let set = this.listeners.get(number);
    if (!set) this.listeners.set(number, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private notify(number: number): void {
    for (const listener of [...(this.listeners.get(number) ?? [])]) listener();
  }
}

export function useLiveReading(meters: LiveMeters, number: number): MeterReading | undefined {
  const subscribe = useCallback((listener: () => void) => meters.subscribe(number, listener), [meters, number]);
  const get = useCallback(() => meters.get(number), [meters, number]);
  return useSyncExternalStore(subscribe, get, get);
}
