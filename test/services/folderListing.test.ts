/**
 * The browser host's folder completion on real temp folders: only sub-folders (never files or
 * contents), hidden ones last, bounded on huge folders, and refusals that say why.
 */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/services/apiHandlers';
import { listFolders, MAX_FOLDER_ENTRIES, MAX_SCANNED_ENTRIES, splitTyped } from '../../src/services/folderListing';
import { testHandlers } from '../support/testHost';

function tree(folders: string[], files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'report-editor-folders-'));
  for (const folder of folders) mkdirSync(join(root, folder), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

const names = (listing: { entries: readonly { name: string }[] }) => listing.entries.map((e) => e.name);

describe('folder completion for a typed path', () => {
  it('lists only the sub-folders of a folder typed with a trailing separator, hidden ones last', async () => {
    const root = tree(['zeta', 'Alpha', 'beta', '.git', '.venv', 'mlops-project/reports'], {
      'notes.md': 'secret words',
      'report.py': 'print()',
    });
    const listing = await listFolders(`${root}/`);
    expect(listing.folder).toBe(root);
    expect(names(listing)).toEqual(['Alpha', 'beta', 'mlops-project', 'zeta', '.git', '.venv']);
    expect(listing.entries.find((e) => e.name === '.git')).toMatchObject({ hidden: true, path: join(root, '.git') });
    expect(listing.entries.find((e) => e.name === 'beta')).toMatchObject({ hidden: false, path: join(root, 'beta') });
    expect(listing.problem).toBeNull();
    expect(JSON.stringify(listing)).not.toMatch(/notes\.md|report\.py|secret/);
  });

  it('narrows to names starting with the last part typed, case-insensitively', async () => {
    const root = tree(['mlops-group-7', 'MLOps-old', 'ml', 'data'], { 'mlops.txt': 'x' });
    expect(names(await listFolders(join(root, 'mlo')))).toEqual(['mlops-group-7', 'MLOps-old']);
    expect(names(await listFolders(join(root, 'mlops-g')))).toEqual(['mlops-group-7']);
    expect(names(await listFolders(join(root, 'nothing-like-it')))).toEqual([]);
    // A hidden folder is offered when its name is typed.
    mkdirSync(join(root, '.config'));
    expect(names(await listFolders(join(root, '.c')))).toEqual(['.config']);
  });

  it('offers a symlink to a folder, not one to a file or a dangling one', async () => {
    const root = tree(['real'], { 'file.txt': 'x' });
    symlinkSync(join(root, 'real'), join(root, 'link-to-folder'));
    symlinkSync(join(root, 'file.txt'), join(root, 'link-to-file'));
    symlinkSync(join(root, 'gone'), join(root, 'link-dangling'));
    expect(names(await listFolders(`${root}/`))).toEqual(['link-to-folder', 'real']);
  });

  it('resolves ~, relative paths, . and .. the way opening does', () => {
    expect(splitTyped('', '/work', '/home/anna')).toEqual({ folder: '/home/anna', prefix: '' });
    expect(splitTyped('~', '/work', '/home/anna')).toEqual({ folder: '/home/anna', prefix: '' });
    expect(splitTyped('~/pro', '/work', '/home/anna')).toEqual({ folder: '/home/anna', prefix: 'pro' });
    expect(splitTyped('repos/my', '/work', '/home/anna')).toEqual({ folder: '/work/repos', prefix: 'my' });
    expect(splitTyped('/srv/a/..', '/work', '/home/anna')).toEqual({ folder: '/srv', prefix: '' });
    expect(splitTyped('/srv/a/.', '/work', '/home/anna')).toEqual({ folder: '/srv/a', prefix: '' });
  });

  it('says why nothing is listed: a missing folder, a file, no permission', async () => {
    const root = tree(['locked'], { 'file.txt': 'x' });
    expect((await listFolders(join(root, 'missing/'))).problem).toMatch(/does not exist/);
    expect((await listFolders(join(root, 'file.txt/'))).problem).toMatch(/not a folder/);
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const locked = await listFolders(join(root, 'locked/'));
      // root reads everything regardless of the mode bits
      if (process.getuid?.() !== 0) expect(locked.problem).toMatch(/permission denied/);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('answers a bounded list, and stops reading a folder with many thousands of entries', async () => {
    // The bounds are lowered here so the test makes hundreds of entries, not thousands.
    const root = tree([]);
    for (let i = 0; i < 30; i++) mkdirSync(join(root, `run-${String(i).padStart(2, '0')}`));
    const many = await listFolders(`${root}/`, { maxEntries: 25 });
    expect(many.entries).toHaveLength(25);
    expect(many.truncated).toBe(true);
    expect((await listFolders(`${root}/run-1`, { maxEntries: 25 })).truncated).toBe(false);

    // Files do not count towards the answer, but the scan still stops: a data folder of files.
    const data = tree([]);
    for (let i = 0; i < 400; i++) writeFileSync(join(data, `sample-${i}.bin`), '');
    const scanned = await listFolders(`${data}/`, { maxScanned: 300 });
    expect(scanned.truncated).toBe(true);
    expect(scanned.entries).toEqual([]);
    expect((await listFolders(`${data}/`, { maxScanned: 1000 })).truncated).toBe(false);
    expect([MAX_FOLDER_ENTRIES, MAX_SCANNED_ENTRIES]).toEqual([100, 5000]);
  });

  it('is a channel of the API, validated like the others', async () => {
    const root = tree(['reports']);
    const { handlers } = testHandlers();
    const listing = (await dispatch(handlers, 'listFolders', { path: `${root}/` })) as { entries: { name: string }[] };
    expect(names(listing)).toEqual(['reports']);
    await expect(dispatch(handlers, 'listFolders', { path: `${root}\0/etc` })).rejects.toThrow(/Invalid request/);
    await expect(dispatch(handlers, 'listFolders', { path: root, depth: 3 })).rejects.toThrow(/Invalid request/);
  });
});
