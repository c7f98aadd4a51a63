/**
 * `node:fs/promises` for the `check` script and the `report-editor` bin (vite.check.config.ts and
 * vite.bin.config.ts put this module in its place). Node builds that module when it is first
 * loaded, together with the file watchers, directory streams and readline it carries; and each of
 * its calls is a round trip to libuv's thread pool (a `readFile` is five: open, fstat, two reads,
 * close), which a batch of 100 reports paid thousands of times in thread hand-offs. Here the calls
 * check makes on every report are Node's synchronous functions, their result or error handed back
 * as a promise: the same system calls, the same errors, and no thread pool at all. Blocking is
 * harmless in a command that has nothing else to do meanwhile (a read that never ends, from a
 * pipe named like a file, would hold up the promise version just the same). Anything else comes
 * from the real module, loaded only when called.
 */
// Named imports: a default import of node:fs makes the CommonJS bundle copy all ~100 of the module's
// properties into an ES-module stand-in on every start.
import { lstatSync, promises, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type * as fsp from 'node:fs/promises';

/** `fn(...args)` as a promise: its value, or the error it threw. */
function settled<F>(fn: (...args: never[]) => unknown): F {
  return ((...args: unknown[]) => {
    try {
      return Promise.resolve((fn as (...a: unknown[]) => unknown)(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  }) as F;
}

/** A function of the real `node:fs/promises`, which Node loads on the first call. */
function later<K extends keyof typeof fsp>(name: K): (typeof fsp)[K] {
  return ((...args: unknown[]) => (promises[name] as (...a: unknown[]) => unknown)(...args)) as (typeof fsp)[K];
}

export const readFile = settled<typeof fsp.readFile>(readFileSync);
export const stat = settled<typeof fsp.stat>(statSync);
export const lstat = settled<typeof fsp.lstat>(lstatSync);
export const readdir = settled<typeof fsp.readdir>(readdirSync);
// fs/promises' realpath is the system's realpath(3), as realpathSync.native is.
export const realpath = settled<typeof fsp.realpath>(realpathSync.native);

export const open = later('open');
export const opendir = later('opendir');
export const mkdir = later('mkdir');
export const appendFile = later('appendFile');
export const writeFile = later('writeFile');
export const rename = later('rename');
export const unlink = later('unlink');
export const link = later('link');
export const copyFile = later('copyFile');
export const access = later('access');
export const chmod = later('chmod');
