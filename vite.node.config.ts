import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * The Node side of the package: the `report-editor` CLI and the pure core as a library
 * (`mlops-report-editor/core`). Type declarations of the core come from tsconfig.core.json.
 */

const root = import.meta.dirname;
const CLI_CHUNK = 'cli/report-editor';
const SHEBANG = '#!/usr/bin/env node';

const packageNames = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

/** Node builtins (with and without `node:`) and every package, including deep imports. */
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  /^node:/,
  ...packageNames.map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`)),
];

/**
 * Gives the entry chunk `chunkName` its `#!/usr/bin/env node` banner and the executable bit (npm
 * sets the bit on install; this makes it runnable straight from a checkout): here the ES-module
 * CLI, dist/cli/report-editor.js; vite.bin.config.ts the bin, dist/cli/report-editor.cjs. Done after
 * rendering rather than with `output.banner` because rolldown keeps a shebang the entry may
 * already have, and two shebangs are a syntax error.
 */
export function executableEntry(chunkName: string): Plugin {
  return {
    name: `report-editor:executable:${chunkName}`,
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry || file.name !== chunkName || file.code.startsWith('#!')) continue;
        file.code = `${SHEBANG}\n${file.code}`;
        // One more line at the top: shift the source map by one line too.
        if (file.map) file.map.mappings = `;${file.map.mappings}`;
      }
    },
    async writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry && file.name === chunkName && options.dir)
          await chmod(resolve(options.dir, file.fileName), 0o755);
      }
    },
  };
}

export default defineConfig({
  root,
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __CHECK_SCRIPT__: JSON.stringify('./check.cjs') },
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: {
      entry: {
        [CLI_CHUNK]: resolve(root, 'src/hosts/cli/main.ts'),
        'core/index': resolve(root, 'src/core/index.ts'),
      },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      external,
      output: {
        chunkFileNames: 'shared/[name]-[hash].js',
      },
    },
  },
  ssr: {
    // Bundle nothing from node_modules; `external` above decides what stays an import.
    target: 'node',
  },
  plugins: [executableEntry(CLI_CHUNK)],
});
