/**
 * What dist/cli/check.cjs exports (vite.check.config.ts): the `check` command, and the entry of
 * the worker threads a large batch uses (batchWorkers.ts), which load this same script.
 */
export { runCheckCommand } from './checkCommand';
export { inspectShareInWorker } from './batchCheck';
