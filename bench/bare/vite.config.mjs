// Builds the bare-editor page of the UI bench. bench/ui.mjs runs it with --outDir set to a temp
// folder (a build inside the repo would be linted by `eslint .`).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: { emptyOutDir: true, minify: true },
});
