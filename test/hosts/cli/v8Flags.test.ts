/**
 * `check` turns V8's optimising compiler off for a short run (shortRun.ts) without loading
 * `node:v8` (v8Flags.ts): the flag must really reach V8, and the deprecated door it goes through
 * must not print Node's deprecation warning, not even where warnings are made errors.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bindingFlagSetter } from '../../../src/hosts/cli/v8Flags';

/** Runs `code` (CommonJS, given v8Flags.ts's setter as `set`) in a fresh Node with `nodeFlags`. */
function inFreshNode(code: string, nodeFlags: string[] = []) {
  const setter = `(${bindingFlagSetter.toString()})`;
  const r = spawnSync(process.execPath, [...nodeFlags, '-e', `const set = ${setter}(); ${code}`], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe('setting V8 flags without node:v8', () => {
  it('reaches V8: a flag set this way takes effect, and node:v8 is never loaded', () => {
    // --expose-gc set at run time shows as `gc` in any context made afterwards.
    const run = inFreshNode(
      "set('--expose-gc'); console.log(typeof require('node:vm').runInNewContext('gc'), process.moduleLoadList.includes('NativeModule v8'));",
    );
    expect(run).toEqual({ code: 0, stdout: 'function false', stderr: '' });
  });

  it('prints no deprecation warning, even with --throw-deprecation, and leaves warnings on for the rest', () => {
    const run = inFreshNode("set('--no-opt'); console.log(process.noDeprecation === undefined || process.noDeprecation === false);", [
      '--throw-deprecation',
    ]);
    expect(run).toEqual({ code: 0, stdout: 'true', stderr: '' });
  });
});
