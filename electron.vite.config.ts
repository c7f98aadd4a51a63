import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The React Fast Refresh preamble is an inline <script>, which the renderer's CSP
 * (`script-src 'self'`) rightly blocks. Relax it for the dev server only; builds keep the strict CSP.
 */
function devOnlyInlineScripts(): Plugin {
  return {
    name: 'report-editor:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

/**
 * The insights worker has no `document`. `decode-named-character-reference` (remark's entity
 * decoder, used by the graded-page scan) picks its DOM build under the "browser" condition, which
 * the worker bundle resolves with too: that build calls `document.createElement` when it loads,
 * so the worker died at once and the heavy passes fell back to the main thread, where typing
 * waits for them. The worker takes the package's plain build, as its "worker" condition says.
 */
function workerWithoutDom(): Plugin {
  const plain = createRequire(import.meta.url).resolve('decode-named-character-reference');
  return {
    name: 'report-editor:worker-without-dom',
    enforce: 'pre',
    resolveId(source) {
      return source === 'decode-named-character-reference' ? plain : null;
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // ESM, because package.json has "type": "module" (Electron >= 28 loads ESM main).
      rolldownOptions: {
        input: { index: resolve(root, 'src/hosts/electron/index.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can `require('electron')` and nothing else: bundle every dependency.
      externalizeDeps: false,
      // The channel allow-list is derived from the contract's zod schemas, so zod comes along:
      // minified it is a third of the size to parse at every window start.
      minify: true,
      // A sandboxed preload cannot be an ES module: force CommonJS and a .cjs name, otherwise
      // electron-vite follows "type": "module" and emits out/preload/index.mjs.
      rolldownOptions: {
        input: { index: resolve(root, 'src/hosts/electron/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: 'chunks/[name]-[hash].cjs',
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), devOnlyInlineScripts()],
    // The insights worker imports like any module (and may share chunks with the page).
    worker: { format: 'es', plugins: () => [workerWithoutDom()] },
    build: {
      // A 1.35 MB unminified bundle cost 240-320 ms before DOMContentLoaded on a cold open.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
  },
});
