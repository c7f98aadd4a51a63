import { chmodSync, chownSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritable, writableHint } from '../../src/services/writePermission';

describe('how a read-only report is made writable, in one line', () => {
  it('is chmod u+w for its owner (and for root), which chmod allows', () => {
    expect(writableHint('reports/README.md', 1000, 'linux', 1000)).toBe('chmod u+w reports/README.md');
    expect(writableHint('reports/README.md', 1000, 'linux', 0)).toBe('chmod u+w reports/README.md');
    expect(writableHint('reports/README.md', null, 'darwin', 501)).toBe('chmod u+w reports/README.md');
  });

  it('says the file is someone else’s when chmod would only fail with "Operation not permitted"', () => {
    expect(writableHint('reports/README.md', 1001, 'linux', 1000)).toBe(
      'it belongs to another user (uid 1001), so only they can change that; or work in a clone of your own',
    );
  });

  it('names the Windows way on Windows, which has no chmod', () => {
    expect(writableHint('reports\\README.md', null, 'win32', undefined)).toBe(
      'clear its Read-only attribute: attrib -r "reports\\README.md"',
    );
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)(
    'reads the owner from the disk (a file chowned to another user, as root)',
    async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'writable-hint-')), 'README.md');
      writeFileSync(path, 'x');
      chmodSync(path, 0o444);
      chownSync(path, 4242, 4242);
      const refusedAs = (uid: number) =>
        assertWritable(path, (owner) => writableHint('README.md', owner, 'linux', uid)).then(
          () => 'writable',
          (error: Error) => error.message,
        );
      expect(await refusedAs(1000)).toContain('another user (uid 4242)');
      expect(await refusedAs(4242)).toBe('chmod u+w README.md');
    },
  );
});
