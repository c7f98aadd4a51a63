/**
 * A batch (`report-editor check FOLDER-OF-REPOS`, ~100 groups for course staff) inspected on every
 * core: the reports are dealt out round-robin to this thread and to worker threads, each of which
 * loads the same check script (dist/cli/check.cjs) and sends its reports back whole (structured
 * clone). Worth it only when there are enough reports to pay for a worker's start and cold run
 * (see WORKERS_FROM_REPORTS); from the sources (tests) and for smaller batches everything runs in
 * this thread. A worker that fails leaves its share to this thread.
 */
import { availableParallelism, loadavg } from 'node:os';

/**
 * node:worker_threads, loaded only where a thread is started or served: most runs check one report,
 * and loading the module is CPU they do not need. Both happen only in the check script, CommonJS,
 * whose own `require` this is (a dynamic `import()` is not available to a script V8 compiled from
 * its code cache).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads');

/**
 * Below this many reports a batch stays in one thread. A worker starts Node again and runs its
 * share cold, with `check.cjs` compiled anew (a worker's `require` has no code cache on Node 20):
 * ~8 ms a report against ~3 ms in the warm main thread. Measured with 100 reports, two threads
 * took longer than one on a quiet machine (1.12 against 0.98 s) and at load ~3 (0.78–0.89 against
 * 0.53–0.65 s once the summary asks only for verdicts); only a much larger batch can repay a
 * worker's start.
 */
export const WORKERS_FROM_REPORTS = 500;
/** Threads in all (this one included), at most. */
const MAX_THREADS = 4;
/**
 * Reports inspected at once per thread: where reads are asynchronous (the sources), one report's
 * reads overlap another's parsing; the check script reads synchronously, and they take turns.
 */
const CONCURRENCY_PER_THREAD = 4;

/** Runs `work` over `items`, a few at a time, results in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY_PER_THREAD, items.length) }, lane));
  return results;
}

/**
 * How many threads a batch of `count` reports gets: 1 unless the batch is large and cores are idle.
 * On a busy machine (load average at or above the cores) a second thread only adds its own start and
 * JIT warm-up: measured on the 2-core development box at load 20, 100 reports took 3.6 s in two
 * threads against 2.9 s in one. REPORT_EDITOR_BATCH_THREADS sets the number.
 */
export function threadsFor(
  count: number,
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
  load = loadavg()[0],
): number {
  if (env.REPORT_EDITOR_BATCH_THREADS !== undefined) return Math.max(1, Number(env.REPORT_EDITOR_BATCH_THREADS) || 1);
  if (count < WORKERS_FROM_REPORTS) return 1;
  // The cores the rest of the machine leaves idle (rounded: a load of 0.2 leaves both of two).
  return Math.max(1, Math.min(Math.round(cores - load), MAX_THREADS));
}

interface ShareRequest<T> {
  readonly reportEditorBatchShare: true;
  readonly items: readonly T[];
  readonly options: unknown;
}

/**
 * `items` inspected by `inspect`, spread over threads when `script` (the check script's path, which
 * exports `inspectShareInWorker`) is given and the batch is large.
 */
export async function inspectOnAllCores<T, R>(
  items: readonly T[],
  inspect: (item: T) => Promise<R>,
  script: string | null,
  options: unknown,
): Promise<R[]> {
  const threads = script === null ? 1 : threadsFor(items.length);
  if (threads <= 1) return mapConcurrently(items, inspect);
  const { Worker } = workerThreads();
  const shares = Array.from({ length: threads }, (_, k) => items.map((_, i) => i).filter((i) => i % threads === k));
  const results: R[] = new Array(items.length);
  const fromWorker = (share: readonly number[]) =>
    new Promise<R[]>((resolve, reject) => {
      const request: ShareRequest<T> = { reportEditorBatchShare: true, items: share.map((i) => items[i]), options };
      const worker = new Worker(`require(${JSON.stringify(script)}).inspectShareInWorker();`, {
        eval: true,
        workerData: request,
        stdout: false,
        stderr: true,
      });
      worker.once('message', (message: R[]) => resolve(message));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a batch worker ended with code ${code}`)));
    });
  await Promise.all(
    shares.map(async (share, k) => {
      let done: R[];
      if (k === 0) done = await mapConcurrently(share.map((i) => items[i]), inspect);
      else {
        try {
          done = await fromWorker(share);
        } catch {
          done = await mapConcurrently(share.map((i) => items[i]), inspect);
        }
      }
      share.forEach((i, j) => (results[i] = done[j]));
    }),
  );
  return results;
}

/**
 * The worker's side: inspects the share it was given with `inspect` and posts the results back.
 * Does nothing outside a batch worker.
 */
export async function inspectShare<T, R>(inspect: (item: T, options: unknown) => Promise<R>): Promise<void> {
  const { parentPort, workerData } = workerThreads();
  const request = workerData as ShareRequest<T> | null;
  if (!parentPort || !request?.reportEditorBatchShare) return;
  const results = await mapConcurrently(request.items, (item) => inspect(item, request.options));
  parentPort.postMessage(results);
}
