/**
 * `node:fs/promises` for the `check` script and the `report-editor` bin (vite.check.config.ts and
 * vite.bin.config.ts put this module in its place). Node builds that module when it is first
 * loaded, together with the file watchers, directory streams and readline it carries: ~5 ms of CPU
 * of a `check` that runs at every commit, for the handful of calls check makes. Here the calls
 * check makes on every run are Node's callback functions wrapped in promises (the same system
 * calls, the same errors); anything else comes from the real module, loaded only when called.
 */
import fs from 'node:fs';
import type * as fsp from 'node:fs/promises';

type Callback = (error: NodeJS.ErrnoException | null, value?: unknown) => void;

/** `fn(...args)` of a callback-style function, as a promise. */
function promised<F>(fn: (...args: never[]) => void): F {
  return ((...args: unknown[]) =>
    new Promise((resolve, reject) => {
      (fn as (...a: unknown[]) => void)(...args, ((error, value) => (error ? reject(error) : resolve(value))) as Callback);
    })) as F;
}

/** A function of the real `node:fs/promises`, which Node loads on the first call. */
function later<K extends keyof typeof fsp>(name: K): (typeof fsp)[K] {
  return ((...args: unknown[]) => (fs.promises[name] as (...a: unknown[]) => unknown)(...args)) as (typeof fsp)[K];
}

export const readFile = promised<typeof fsp.readFile>(fs.readFile);
export const stat = promised<typeof fsp.stat>(fs.stat);
export const lstat = promised<typeof fsp.lstat>(fs.lstat);
export const readdir = promised<typeof fsp.readdir>(fs.readdir);
// fs/promises' realpath is the system's realpath(3), as fs.realpath.native is.
export const realpath = promised<typeof fsp.realpath>(fs.realpath.native);

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
