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
  },
});
