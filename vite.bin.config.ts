import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cliScriptConfig, scriptOutput } from './vite.check.config';
import { executableEntry } from './vite.node.config';

/**
 * The `report-editor` bin: dist/cli/report-editor.cjs (src/hosts/cli/launcher.ts), a small
 * CommonJS script built after vite.node.config.ts and vite.check.config.ts into the same folder.
 * It runs `check` from dist/cli/check.cjs and hands every other command to the ES-module CLI
 * (dist/cli/report-editor.js), which it never bundles: both are found beside it at run time.
 */
const root = import.meta.dirname;
export default defineConfig(
  cliScriptConfig({
    name: 'report-editor',
    entry: resolve(root, 'src/hosts/cli/launcher.ts'),
    fileName: 'report-editor.cjs',
    output: scriptOutput,
    plugins: [executableEntry('report-editor')],
  }),
);
