/**
 * The built `check` runs as one script whose compiled code V8 keeps between runs (Node 20 has no
 * module compile cache). A real script in a temp folder, a real cache folder: the second run takes
 * the code of the first; a changed script, a damaged cache file or a cache folder that cannot be
 * written only cost the speed-up, never the result.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeCacheDir,
  codeCacheFile,
  loadCompiledScript,
  SELF_WRAPPED_HEAD,
  SELF_WRAPPED_TAIL,
} from '../../../src/hosts/cli/compiledScript';

const builtIn = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function script(body = 'exports.answer = () => 6 * 7;'): { path: string; cacheDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'compiled-script-'));
  const path = join(dir, 'check.cjs');
  writeFileSync(path, `const { join } = require('node:path');\nexports.joined = join('a', 'b');\n${body}\n`);
  return { path, cacheDir: join(dir, 'cache') };
}

describe.skipIf(builtIn)('a script with its compiled code kept between runs (Node without a compile cache)', () => {
  it('runs the script, stores the code after the run, and takes it on the next run', () => {
    const { path, cacheDir } = script();
    const first = loadCompiledScript<{ answer: () => number; joined: string }>(path, cacheDir);
    expect(first.fromCache).toBe(false);
    expect(first.exports.answer()).toBe(42);
    expect(first.exports.joined).toBe(join('a', 'b')); // require works inside the script
    first.save();
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^check\.cjs-.*\.v8$/)]);

    const second = loadCompiledScript<{ answer: () => number }>(path, cacheDir);
    expect(second.fromCache).toBe(true);
    expect(second.exports.answer()).toBe(42);
  });

  it('runs a script written inside its wrapper (as check.cjs is built) the same way, and Node can still require it', () => {
    const { path, cacheDir } = script();
    const body = `const { join } = require('node:path');\nexports.joined = join('a', 'b');\nexports.file = __filename;\nexports.answer = () => 6 * 7;`;
    writeFileSync(path, `${SELF_WRAPPED_HEAD}${body}${SELF_WRAPPED_TAIL}`);
    const first = loadCompiledScript<{ answer: () => number; joined: string; file: string }>(path, cacheDir);
    expect([first.exports.answer(), first.exports.joined, first.exports.file]).toEqual([42, join('a', 'b'), path]);
    first.save();
    const second = loadCompiledScript<{ answer: () => number }>(path, cacheDir);
    expect(second.fromCache).toBe(true);
    expect(second.exports.answer()).toBe(42);
    // Node's own loader (Node >= 22.1, worker threads) runs the body once, with the module's own exports.
    const required = nodeModule.createRequire(path)(path) as { answer: () => number; file: string };
    expect([required.answer(), required.file]).toEqual([42, path]);
  });

  it('compiles afresh when the script changed, and keeps only the new cache', () => {
    const { path, cacheDir } = script();
    loadCompiledScript(path, cacheDir).save();
    writeFileSync(path, 'exports.answer = () => "changed, and longer than before";\n');
    const changed = loadCompiledScript<{ answer: () => string }>(path, cacheDir);
    expect(changed.fromCache).toBe(false);
    expect(changed.exports.answer()).toBe('changed, and longer than before');
    changed.save();
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(loadCompiledScript(path, cacheDir).fromCache).toBe(true);
  });

  it('ignores a damaged cache file and replaces it', () => {
    // A source this process never compiled: V8 would otherwise reuse its own in-memory copy.
    const { path, cacheDir } = script(`exports.answer = () => 42; // ${process.hrtime.bigint()}`);
    mkdirSync(cacheDir);
    writeFileSync(codeCacheFile(path, cacheDir), 'not what V8 wrote');
    const run = loadCompiledScript<{ answer: () => number }>(path, cacheDir);
    expect(run.fromCache).toBe(false);
    expect(run.exports.answer()).toBe(42);
    run.save();
    expect(loadCompiledScript(path, cacheDir).fromCache).toBe(true);
  });

  it('runs without a cache when the cache folder cannot be made', () => {
    const { path, cacheDir } = script();
    writeFileSync(cacheDir, 'a file where the cache folder would go');
    const run = loadCompiledScript<{ answer: () => number }>(join(path), join(cacheDir, 'report-editor'));
    expect(run.exports.answer()).toBe(42);
    expect(() => run.save()).not.toThrow();
    expect(existsSync(join(cacheDir, 'report-editor'))).toBe(false);
    const none = loadCompiledScript<{ answer: () => number }>(path, null);
    expect(none.exports.answer()).toBe(42);
    expect(() => none.save()).not.toThrow();
  });
});

describe('where the code cache lives', () => {
  it("is the platform's per-user cache folder, or REPORT_EDITOR_CACHE_DIR", () => {
    expect(codeCacheDir({ REPORT_EDITOR_CACHE_DIR: '/somewhere' }, 'linux')).toBe('/somewhere');
    expect(codeCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'report-editor'));
    expect(codeCacheDir({}, 'linux')).toMatch(/\.cache[\\/]report-editor$/);
    expect(codeCacheDir({}, 'darwin')).toMatch(/Library[\\/]Caches[\\/]report-editor$/);
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toMatch(/Local[\\/]report-editor[\\/]Cache$/);
  });
});
