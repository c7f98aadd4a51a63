/**
 * Loads a command bundled as one classic script (dist/cli/check.cjs) with V8's compiled code kept
 * between runs. `check` starts again for every commit (pre-commit, CI): compiling its ~230 kB of
 * JavaScript, and compiling each function again the first time it runs, was a third of its CPU.
 *
 * Node ≥ 22.1 has this built in (`module.enableCompileCache`, which main.ts turns on): there the
 * script is simply required. Node 20 has no such cache, so the script is compiled through
 * `vm.Script` with the code V8 produced on an earlier run (`cachedData`), kept in the user's cache
 * folder. V8 checks that data against its own version, flags and the source, and rejects it when
 * stale; the file name also carries the bundle's size and time stamp and this Node's version, so
 * an update never even tries an old one. Any failure to read or write the cache (a read-only home,
 * a full disk, two runs at once) only costs the speed-up: it is never reported.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CompiledScript<T> {
  readonly exports: T;
  /** Whether V8 took the code of an earlier run (false: compiled from the source now). */
  readonly fromCache: boolean;
  /**
   * Stores V8's code for the next run when there was none or it was stale. Called after the
   * command ran, so the functions it used are compiled and go into the cache too.
   */
  save(): void;
}

/** Where code caches live: the platform's per-user cache folder, or REPORT_EDITOR_CACHE_DIR. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  if (env.REPORT_EDITOR_CACHE_DIR) return env.REPORT_EDITOR_CACHE_DIR;
  let home: string;
  try {
    home = homedir();
  } catch {
    return null;
  }
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'report-editor', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'report-editor');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'report-editor');
}

const hasBuiltInCache = (): boolean =>
  typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/**
 * The cache file of the script at `path`: named by the script's size and time stamp and this Node,
 * so that a new build or another Node never even reads the code of an old one.
 */
export function codeCacheFile(path: string, cacheDir: string): string {
  const { size, mtimeMs } = statSync(path);
  return join(cacheDir, `${basename(path)}-${size}-${Math.floor(mtimeMs)}-${process.version}-${process.arch}.v8`);
}

/** A CommonJS script's wrapper, as Node's own loader writes it. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/**
 * How a script built to be loaded here starts (`SELF_WRAPPED_HEAD` ... `SELF_WRAPPED_TAIL`, what
 * vite.check.config.ts writes around check.cjs): its body already inside the wrapper, as a function
 * that the script evaluates to, and that runs itself when Node's own loader `require`s the file
 * (Node >= 22.1, worker threads). Its source is then handed to V8 as read: wrapping 350 kB of
 * text made V8 copy it whole into fresh memory on every run (~90 page faults, -0.3 to -0.5 ms of a
 * check's CPU).
 */
export const SELF_WRAPPED_HEAD = '{const runScript = function (exports, require, module, __filename, __dirname) {';
export const SELF_WRAPPED_TAIL =
  '\n};\nif (typeof module === "object" && typeof __filename === "string") runScript(exports, require, module, __filename, __dirname);\nrunScript}\n';

/**
 * Runs the CommonJS script at `path` and returns its exports. `cacheDir` null (or unusable) runs
 * it without a cache.
 */
export function loadCompiledScript<T>(path: string, cacheDir: string | null = codeCacheDir()): CompiledScript<T> {
  const require = createRequire(path);
  if (hasBuiltInCache() || process.env.REPORT_EDITOR_CODE_CACHE === 'off') {
    return { exports: require(path) as T, fromCache: false, save: () => {} };
  }
  const source = readFileSync(path, 'utf8');
  const cacheFile = cacheDir === null ? null : codeCacheFile(path, cacheDir);
  const stem = `${basename(path)}-`;
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(source.startsWith(SELF_WRAPPED_HEAD) ? source : wrap(source), { filename: path, cachedData });
  const fresh = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, path, dirname(path));
  return {
    exports: module.exports,
    fromCache: fresh,
    save() {
      if (fresh || cacheFile === null) return;
      try {
        const data = script.createCachedData();
        mkdirSync(dirname(cacheFile), { recursive: true });
        // Written whole under another name, then renamed: a run starting meanwhile reads either
        // no cache or a complete one.
        const partial = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(partial, data);
        renameSync(partial, cacheFile);
        // Caches of other builds or other Node versions are of no more use.
        for (const name of readdirSync(dirname(cacheFile))) {
          if (name.startsWith(stem) && name.endsWith('.v8') && join(dirname(cacheFile), name) !== cacheFile) {
            unlinkSync(join(dirname(cacheFile), name));
          }
        }
      } catch {
        // No cache this time; the command itself already succeeded.
      }
    },
  };
}
