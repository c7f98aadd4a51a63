/**
 * One writer at a time per file within this process: two browser tabs (or a tab and the app's own
 * autosave) saving the same report run one after the other, so the second sees the first's write
 * and its stale base becomes a conflict instead of a second "saved". Keyed by the report's absolute
 * path, so two workspaces that opened the same file share the queue.
 */
const queues = new Map<string, Promise<unknown>>();

export function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(path, tail);
  void tail.then(() => {
    // The last one out removes the entry, so the map does not grow with every file ever saved.
    if (queues.get(path) === tail) queues.delete(path);
  });
  return run;
}
