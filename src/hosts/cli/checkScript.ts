/**
 * What dist/cli/check.cjs exports (vite.check.config.ts): the `check` command (alone, and as the
 * whole process for the bin), and the entry of the worker threads a large batch uses
 * (batchWorkers.ts), which load this same script.
 */
export { runCheckCommand } from './checkCommand';
export { runCheckAsProcess, shortCheckRun } from './checkShortRun';
export { inspectShareInWorker } from './batchCheck';
