import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { SELF_WRAPPED_HEAD, SELF_WRAPPED_TAIL } from './src/hosts/cli/compiledScript';

/**
 * `report-editor check` as one classic (CommonJS) script, dist/cli/check.cjs, built after
 * vite.node.config.ts into the same folder. One file instead of a dozen ES modules, and a script
 * rather than a module so that src/hosts/cli/compiledScript.ts can hand V8 the code it compiled on
 * the previous run (Node 20 has no module compile cache). Everything check uses is inside; the
 * other commands stay in the ES module build and are loaded only when they run.
 */
const root = import.meta.dirname;

/** `node:fs/promises` is slow to load: src/hosts/cli/lightFsPromises.ts stands in for it. */
export const lightFsPromises = { find: /^(node:)?fs\/promises$/, replacement: resolve(root, 'src/hosts/cli/lightFsPromises.ts') };

/**
 * Node's builtins stay imports (but for `node:fs/promises`, see above), and so does any package
 * (none is on the check path today).
 */
const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
export const scriptExternal = (id: string): boolean =>
  !lightFsPromises.find.test(id) &&
  (builtinModules.includes(id) || id.startsWith('node:') || packages.some((name) => id === name || id.startsWith(`${name}/`)));

/**
 * Node reads, decodes and compiles the whole of a script on every run: without the sources' doc
 * comments it is a third smaller, and all ASCII (escaped) it is a one-byte string for V8, half the
 * memory of the two-byte string a single `→` or `✗` would make it. For check.cjs and the bin.
 */
export const scriptOutput = { comments: { jsdoc: false, legal: false, annotation: true }, charset: 'ascii' };

/**
 * A CLI script of dist/cli as one CommonJS file: `name` built from `entry` into `fileName`, beside
 * the ES-module CLI (no emptying of the folder). vite.bin.config.ts builds the bin the same way.
 */
export function cliScriptConfig(options: {
  readonly name: string;
  readonly entry: string;
  readonly fileName: string;
  readonly output?: Record<string, unknown>;
  readonly plugins?: Plugin[];
}): UserConfig {
  return {
    root,
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    resolve: { alias: [lightFsPromises] },
    publicDir: false,
    build: {
      outDir: resolve(root, 'dist/cli'),
      emptyOutDir: false,
      target: 'node20',
      ssr: true,
      minify: false,
      // No map: the package ships none, and a stack trace names the bundle's own lines.
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: { [options.name]: options.entry },
        formats: ['cjs'],
        fileName: () => options.fileName,
      },
      rolldownOptions: {
        external: scriptExternal,
        output: { codeSplitting: false, ...options.output },
      },
    },
    ssr: { target: 'node' },
    plugins: options.plugins ?? [],
  };
}

export default defineConfig(
  cliScriptConfig({
    name: 'check',
    entry: resolve(root, 'src/hosts/cli/checkScript.ts'),
    fileName: 'check.cjs',
    // `--format github` is imported lazily in the sources; in one script it is simply there
    // (codeSplitting off). Written inside its wrapper, so that compiledScript.ts hands V8 the
    // source as read (see SELF_WRAPPED_HEAD there).
    output: { ...scriptOutput, postBanner: SELF_WRAPPED_HEAD, postFooter: SELF_WRAPPED_TAIL },
  }),
);
