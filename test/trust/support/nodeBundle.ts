/**
 * Child processes in these tests run the real services under plain Node. Node 20 cannot run
 * TypeScript itself (`--experimental-strip-types` arrived in Node 22.6), so a child's entry is
 * bundled with the project's own Vite (already a dev dependency) into one ES module first. The
 * bundle is written inside the project (node_modules/.cache) so that packages it leaves as imports
 * (sharp, chokidar) resolve exactly as they do for the app.
 */
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
const CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'report-editor-trust');

/**
 * Bundles `entry` (a .ts file) for Node into a fresh folder and returns the path of the runnable
 * .mjs (remove its folder when done). `forOtherUser`: the child runs as another user (root's tests
 * drop to `nobody`), who may not be able to enter the project at all (a clone under a 0700 temp
 * folder): every package goes into the bundle, which is written to a world-readable temp folder.
 */
export async function bundleForNode(entry: string, { forOtherUser = false } = {}): Promise<string> {
  const { build } = await import('vite');
  const name = `${basename(entry, extname(entry))}-`;
  let outDir: string;
  if (forOtherUser) {
    outDir = mkdtempSync(join(tmpdir(), `report-editor-trust-${name}`));
    chmodSync(outDir, 0o755);
  } else {
    mkdirSync(CACHE_DIR, { recursive: true });
    outDir = mkdtempSync(join(CACHE_DIR, name));
  }
  await build({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'silent',
    publicDir: false,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
    ssr: { target: 'node', ...(forOtherUser ? { noExternal: true } : {}) },
  });
  return join(outDir, `${basename(entry, extname(entry))}.mjs`);
}
