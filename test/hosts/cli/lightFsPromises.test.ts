/**
 * The check script reads the disk through lightFsPromises.ts instead of `node:fs/promises` (which
 * is slow to load): every call must give what Node's own module gives, files and errors alike,
 * or check would word a missing report, a folder or a symlink differently.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import * as real from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as light from '../../../src/hosts/cli/lightFsPromises';

/** What a promise gives: its value, or the error's class, code, syscall, path and message. */
async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await promise };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { error: [e.constructor.name, e.code, e.syscall, e.path, e.message] };
  }
}

describe('the light node:fs/promises of the check script', () => {
  const root = mkdtempSync(join(tmpdir(), 'light-fs-'));
  mkdirSync(join(root, 'reports', 'figures'), { recursive: true });
  writeFileSync(join(root, 'reports', 'README.md'), 'ø report\n');
  writeFileSync(join(root, 'reports', 'figures', 'a.png'), 'png');
  symlinkSync(join(root, 'reports'), join(root, 'link'));
  const paths = [
    join(root, 'reports', 'README.md'),
    join(root, 'reports'),
    join(root, 'link'),
    join(root, 'link', 'README.md'),
    join(root, 'missing.md'),
    join(root, 'reports', 'README.md', 'below-a-file'),
  ];

  it('reads, stats, lists and resolves exactly as Node does', async () => {
    for (const path of paths) {
      expect(await outcome(light.readFile(path, 'utf8')), path).toEqual(await outcome(real.readFile(path, 'utf8')));
      expect(await outcome(light.readFile(path)), path).toEqual(await outcome(real.readFile(path)));
      const stats = async (p: Promise<{ isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; size: number; mtimeMs: number }>) =>
        outcome(p.then((s) => [s.isFile(), s.isDirectory(), s.isSymbolicLink(), s.size, s.mtimeMs]));
      expect(await stats(light.stat(path)), path).toEqual(await stats(real.stat(path)));
      expect(await stats(light.lstat(path)), path).toEqual(await stats(real.lstat(path)));
      expect(await outcome(light.readdir(path)), path).toEqual(await outcome(real.readdir(path)));
      const entries = (p: Promise<{ name: string; isFile(): boolean; isDirectory(): boolean }[]>) =>
        outcome(p.then((list) => list.map((e) => [e.name, e.isFile(), e.isDirectory()])));
      expect(await entries(light.readdir(path, { withFileTypes: true })), path).toEqual(
        await entries(real.readdir(path, { withFileTypes: true })),
      );
      expect(await outcome(light.realpath(path)), path).toEqual(await outcome(real.realpath(path)));
    }
  });

  it('hands the rest to Node\'s own module', async () => {
    const handle = await light.open(join(root, 'reports', 'README.md'), 'r');
    try {
      expect((await handle.readFile('utf8'))).toBe('ø report\n');
    } finally {
      await handle.close();
    }
    await light.mkdir(join(root, 'new', 'folder'), { recursive: true });
    await light.appendFile(join(root, 'new', 'folder', 'summary.md'), 'one');
    expect(await real.readFile(join(root, 'new', 'folder', 'summary.md'), 'utf8')).toBe('one');
    expect(await outcome(light.mkdir(join(root, 'reports')))).toEqual(await outcome(real.mkdir(join(root, 'reports'))));
  });
});
