import { chmod } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { cliScriptConfig } from './vite.check.config';

/**
 * The `report-editor` bin: dist/cli/report-editor.cjs (src/hosts/cli/launcher.ts), a small
 * CommonJS script built after vite.node.config.ts and vite.check.config.ts into the same folder.
 * It runs `check` from dist/cli/check.cjs and hands every other command to the ES-module CLI
 * (dist/cli/report-editor.js), which it never bundles: both are found beside it at run time.
 */
const root = import.meta.dirname;
const SHEBANG = '#!/usr/bin/env node';

/** The shebang line and the executable bit (npm sets the bit on install; this is for a checkout). */
function executable(): Plugin {
  return {
    name: 'report-editor:executable-bin',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry && !file.code.startsWith('#!')) file.code = `${SHEBANG}\n${file.code}`;
      }
    },
    async writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry && options.dir) await chmod(resolve(options.dir, file.fileName), 0o755);
      }
    },
  };
}

export default defineConfig(
  cliScriptConfig({
    name: 'report-editor',
    entry: resolve(root, 'src/hosts/cli/launcher.ts'),
    fileName: 'report-editor.cjs',
    plugins: [executable()],
  }),
);
