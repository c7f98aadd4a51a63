/**
 * The insights' Web Worker, as a function that answers a promise. Where no worker can be started
 * (a page without Worker, a CSP that refuses it), null: the caller then computes on the main
 * thread while the browser is idle, as before.
 */
import type { CheckerProfile } from '../../core/constraints';
import type { Insights } from './insightsCompute';
import type { InsightsReply, InsightsRequest } from './insights.worker';

export type InsightsInWorker = (text: string, profile: CheckerProfile) => Promise<Insights>;

let shared: InsightsInWorker | null | undefined;

export function insightsWorker(): InsightsInWorker | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./insights.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let nextId = 0;
  const waiting = new Map<number, { resolve: (i: Insights) => void; reject: (e: Error) => void }>();
  worker.onmessage = ({ data }: MessageEvent<InsightsReply>) => {
    const entry = waiting.get(data.id);
    waiting.delete(data.id);
    if (!entry) return;
    if (data.ok) entry.resolve(data.insights);
    else entry.reject(new Error(data.message));
  };
  worker.onerror = (event) => {
    // The worker could not load (or died): every later run falls back to the main thread.
    event.preventDefault();
    shared = null;
    for (const entry of waiting.values()) entry.reject(new Error('The insights worker stopped'));
    waiting.clear();
    worker.terminate();
  };
  shared = (text, profile) =>
    new Promise<Insights>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, text, profile } satisfies InsightsRequest);
    });
  return shared;
}
