/**
 * `check` reads a plain command line itself instead of loading Node's parseArgs (plainArgs.ts):
 * for every command line it reads, the result must be parseArgs's own, and every other command
 * line must go to parseArgs (which then reads or rejects it with its own message).
 */
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHECK_OPTIONS } from '../../../src/hosts/cli/checkCommand';
import { plainArgs } from '../../../src/hosts/cli/plainArgs';

const official = (args: string[]) => {
  const { values, positionals } = parseArgs({ args, options: CHECK_OPTIONS, allowPositionals: true });
  return { values: { ...values }, positionals };
};

describe('a plain check command line', () => {
  it('reads to exactly what parseArgs reads', () => {
    const lines = [
      [],
      ['.'],
      ['reports/README.md'],
      ['a', 'b', 'c'],
      ['--json'],
      ['-v'],
      ['--verbose', 'repo'],
      ['repo', '--skip-graded-page', '--only-reports', 'x.md'],
      ['-v', '-v', '--json', '--json'],
      ['naïve path/with space', '--verbose'],
    ];
    for (const args of lines) {
      const plain = plainArgs(args, CHECK_OPTIONS);
      expect(plain, args.join(' ')).not.toBeNull();
      expect({ values: { ...plain!.values }, positionals: plain!.positionals }, args.join(' ')).toEqual(official(args));
    }
  });

  it('leaves everything else to parseArgs: values, groups, --, -, unknown options', () => {
    const lines = [
      ['--format', 'github'],
      ['--format=github'],
      ['--json=true'],
      ['-vv'],
      ['--', '--json'],
      ['-'],
      ['--bogus'],
      ['-x'],
      ['-1'],
      ['repo', '--'],
    ];
    for (const args of lines) expect(plainArgs(args, CHECK_OPTIONS), args.join(' ')).toBeNull();
    // parseArgs reads some of them and rejects the others, as it did before.
    expect(official(['--format=github']).values.format).toBe('github');
    expect(official(['--', '--json']).positionals).toEqual(['--json']);
    expect(() => official(['--bogus'])).toThrow(/Unknown option '--bogus'/);
  });
});
