import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'out/**', 'dist/**', 'release/**', '**/node_modules/**'],
    environment: 'node',
    // Property tests (fast-check) over the real reports can take a while on a 2-core box.
    testTimeout: 30_000,
    // One test file per core. Vitest's default is one fewer than the cores, which on the 2-core
    // machines this runs on meant one file at a time and a core idle for most of the run.
    maxWorkers: availableParallelism(),
  },
});
