/**
 * Locked down: every value from the renderer is validated before a service sees it, and every path
 * it names is resolved inside the open report's folder — `..`, absolute paths and symlinks that
 * point out are refused, and nothing outside is read, written, renamed or deleted.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, InvalidRequestError } from '../../src/api/schemas';
import { dispatch, type ApiHandlers } from '../../src/services/apiHandlers';
import { OutsideRootError, resolveInside } from '../../src/services/safePath';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';
import { testHandlers } from '../support/testHost';
import { noisePng } from './support/noisePng';

/** Symlinks need a privilege on Windows; where they cannot be made, those cases are skipped. */
function trySymlink(target: string, path: string, type: 'file' | 'dir'): boolean {
  try {
    symlinkSync(target, path, process.platform === 'win32' && type === 'dir' ? 'junction' : type);
    return true;
  } catch (error) {
    console.log(`[skip] cannot create symlinks here (${(error as NodeJS.ErrnoException).code}): symlink cases are skipped`);
    return false;
  }
}

/**
 * A repo whose report folder holds figures/ with a real image and three links: one to an image
 * inside, one to a secret image outside, one to a whole folder outside. Plus that outside folder.
 */
function hostileRepo() {
  const secret = noisePng(1);
  const outside = tempRepo({ 'secret.png': secret, 'notes.md': 'private' });
  const repo = tempRepo({ 'reports/README.md': buildReport(), 'reports/figures/a.png': noisePng(2) });
  const reports = join(repo, 'reports');
  const links =
    trySymlink(join(reports, 'figures/a.png'), join(reports, 'figures/in-link.png'), 'file') &&
    trySymlink(join(outside, 'secret.png'), join(reports, 'figures/file-out.png'), 'file') &&
    trySymlink(outside, join(reports, 'figures/dir-out'), 'dir');
  const snapshot = () => Object.fromEntries(readdirSync(outside).map((name) => [name, readFileSync(join(outside, name)).toString('base64')]));
  return { repo, reports, outside, secret, links, before: snapshot(), snapshot };
}

describe('resolveInside', () => {
  let r: ReturnType<typeof hostileRepo>;
  beforeAll(() => {
    r = hostileRepo();
  });

  it('refuses .., absolute paths elsewhere, and look-alike sibling folders', async () => {
    const refused = [
      '..',
      '../secret.png',
      'figures/../../secret.png',
      'figures/a/../../../x',
      join(r.outside, 'secret.png'),
      resolve('/'),
      `${r.reports}-evil/x.png`, // shares the prefix, is not inside
      `${r.reports}/../README.md`,
    ];
    for (const path of refused) await expect(resolveInside(r.reports, path), path).rejects.toBeInstanceOf(OutsideRootError);
  });

  it('accepts paths inside, existing or not, relative or absolute', async () => {
    const allowed: [string, string][] = [
      ['figures/a.png', join(r.reports, 'figures/a.png')],
      [join(r.reports, 'figures/a.png'), join(r.reports, 'figures/a.png')],
      ['figures/new.png', join(r.reports, 'figures/new.png')],
      ['figures/q19/deeper/new.png', join(r.reports, 'figures/q19/deeper/new.png')],
      ['figures/./x/../a.png', join(r.reports, 'figures/a.png')],
      ['', r.reports],
    ];
    for (const [path, expected] of allowed) expect(await resolveInside(r.reports, path), path).toBe(expected);
  });

  it('follows symlinks: a link to a file or folder outside is refused, also for new files under it', async () => {
    if (!r.links) return;
    expect(await resolveInside(r.reports, 'figures/in-link.png')).toBe(join(r.reports, 'figures/in-link.png'));
    for (const path of ['figures/file-out.png', 'figures/dir-out', 'figures/dir-out/secret.png', 'figures/dir-out/new.png', 'figures/dir-out/a/b/new.png']) {
      await expect(resolveInside(r.reports, path), path).rejects.toBeInstanceOf(OutsideRootError);
    }
    // A repo reached through a symlinked folder still has its own inside.
    const alias = `${r.repo}-alias`;
    if (trySymlink(r.repo, alias, 'dir')) {
      expect(await resolveInside(join(alias, 'reports'), 'figures/a.png')).toBe(join(alias, 'reports/figures/a.png'));
      await expect(resolveInside(join(alias, 'reports'), 'figures/dir-out/secret.png')).rejects.toBeInstanceOf(OutsideRootError);
    }
  });
});

function makeHandlers(): { handlers: ApiHandlers; workspace: ReturnType<typeof testHandlers>['workspace'] } {
  const { handlers, workspace } = testHandlers();
  return { handlers, workspace };
}

describe('figure requests naming a path outside the report folder', () => {
  it('are refused by every channel that takes one, and nothing outside changes', async () => {
    const r = hostileRepo();
    const { handlers, workspace } = makeHandlers();
    await dispatch(handlers, 'openPath', { path: r.repo });
    const hostile = [
      '../../secret.png',
      'figures/../../secret.png',
      join(r.outside, 'secret.png'),
      `figures/${'../'.repeat(12)}etc/passwd`,
      ...(r.links ? ['figures/file-out.png', 'figures/dir-out/secret.png', 'figures/dir-out/new.png'] : []),
    ];
    const attempts: [string, (target: string) => unknown][] = [
      ['figureThumbnail', (target) => ({ target })],
      ['deleteFigure', (target) => ({ target })],
      ['renameFigure', (target) => ({ from: target, to: 'renamed' })],
      ['renameFigure', (target) => ({ from: 'figures/a.png', to: target })],
      ['downscaleFigure', (target) => ({ target, maxWidth: 64 })],
      ['applyFigureFix', (target) => ({ fix: { kind: 'delete-file', label: 'Delete the file', target } })],
      ['applyFigureFix', (target) => ({ fix: { kind: 'convert-to-png', label: 'Convert', target } })],
      ['applyFigureFix', (target) => ({ fix: { kind: 'rename-file', label: 'Rename', from: target, to: 'figures/renamed.png' } })],
      ['applyFigureFix', (target) => ({ fix: { kind: 'git-add', label: 'Add', target, force: true } })],
    ];
    // The same requests with a figure inside work: the refusals below are about the paths.
    expect(await dispatch(handlers, 'figureThumbnail', { target: 'figures/a.png' })).toMatchObject({ width: 200 });
    for (const target of hostile) {
      for (const [channel, request] of attempts) {
        const outcome = await dispatch(handlers, channel, request(target)).then(
          (value) => ({ value }),
          (error: Error) => ({ error: error.message }),
        );
        const context = `${channel} ${JSON.stringify(request(target))}`;
        // Either refused outright, or (rename's new name) made into a plain name inside figures/.
        if ('value' in outcome) {
          expect(channel === 'renameFigure' && String((outcome.value as { path: string }).path).startsWith(join(r.reports, 'figures')), context).toBe(true);
        } else {
          // Refused by the service's path rule, not merely by a malformed request.
          expect(outcome.error, context).not.toMatch(/Invalid request/);
        }
        expect(r.snapshot(), context).toEqual(r.before);
      }
    }
    // A dropped file whose name climbs out still lands in figures/, under a plain name.
    const [imported] = (await dispatch(handlers, 'importFigures', {
      question: 19,
      files: [{ fileName: `../../${'../'.repeat(8)}tmp/evil.png`, base64: noisePng(3).toString('base64') }],
    })) as { ok: boolean; path: string }[];
    expect(imported.ok).toBe(true);
    expect(imported.path.startsWith(join(r.reports, 'figures') + (process.platform === 'win32' ? '\\' : '/'))).toBe(true);
    expect(r.snapshot()).toEqual(r.before);
    expect(existsSync(join(r.outside, 'evil.png'))).toBe(false);
    await workspace.close();
  });

  it('and a report path that is not the open report is refused for figures (which name none) and saving', async () => {
    const r = hostileRepo();
    const { handlers, workspace } = makeHandlers();
    await dispatch(handlers, 'openPath', { path: r.repo });
    mkdirSync(join(r.outside, 'reports'));
    writeFileSync(join(r.outside, 'reports/README.md'), buildReport());
    const elsewhere = join(r.outside, 'reports/README.md');
    const before = readFileSync(elsewhere, 'utf8');
    const text = buildReport({ answers: { 1: 'pwned' } });
    const files = [{ fileName: 'a.png', base64: noisePng(4).toString('base64') }];
    // Figure requests name no report (the host acts on the open one): naming one is malformed.
    await expect(dispatch(handlers, 'importFigures', { reportPath: elsewhere, question: 1, files })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(dispatch(handlers, 'listFigures', { reportPath: elsewhere })).rejects.toBeInstanceOf(InvalidRequestError);
    for (const reportPath of [elsewhere, join(r.reports, 'sub/../../reports/../', 'README.md'), join(r.reports, '../README.md')]) {
      const saved = (await dispatch(handlers, 'saveReport', { reportPath, text, baseStamp: '0'.repeat(64) })) as { kind: string };
      expect(saved.kind, reportPath).toBe('error');
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe(before);
    expect(existsSync(join(r.outside, 'reports/figures'))).toBe(false);
    await workspace.close();
  });
});

describe('every request from the renderer is validated before a handler runs', () => {
  /** Handlers that only record that they were reached. */
  function spies(): { handlers: ApiHandlers; reached: string[] } {
    const reached: string[] = [];
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, async () => void reached.push(c)])) as unknown as ApiHandlers;
    return { handlers, reached };
  }

  it.each([...CHANNELS])('%s: unknown keys, wrong types and prototype tricks are refused', async (channel) => {
    const { handlers, reached } = spies();
    const malformed: unknown[] = [
      { unexpected: true },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      'a string',
      42,
      [],
      true,
    ];
    for (const request of malformed) {
      await expect(dispatch(handlers, channel, request), JSON.stringify(request)).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(reached).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses unknown channels, including names every object has', async () => {
    const { handlers, reached } = spies();
    for (const channel of ['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      await expect(dispatch(handlers, channel, {}), channel).rejects.toThrow(/unknown channel/);
    }
    expect(reached).toEqual([]);
  });

  it('refuses NUL in paths, oversized text, and links that are not http(s)', async () => {
    const { handlers, reached } = spies();
    const stamp = 'a'.repeat(64);
    const bad: [string, unknown][] = [
      ['openPath', { path: '/tmp/repo\0/etc/passwd' }],
      ['openPath', { path: '' }],
      ['openPath', { path: 'x'.repeat(5000) }],
      ['saveReport', { reportPath: '/r/README.md', text: 'x'.repeat(25 * 1024 * 1024 + 1), baseStamp: stamp }],
      ['saveReport', { reportPath: '/r/README.md', text: 'ok', baseStamp: 'not-a-stamp' }],
      ['saveReport', { reportPath: '/r/README.md', text: 'ok', baseStamp: stamp, force: 'yes' }],
      ['importFigures', { question: 1.5, files: [{ fileName: 'a.png', base64: '' }] }],
      ['importFigures', { question: 1, files: Array.from({ length: 51 }, () => ({ fileName: 'a.png', base64: '' })) }],
      ['figureThumbnail', { target: 'figures/a.png\0.txt' }],
      ...['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'https:evil.example', ' https://x.example', 'ftp://x.example'].map(
        (url): [string, unknown] => ['openExternal', { url }],
      ),
    ];
    for (const [channel, request] of bad) {
      await expect(dispatch(handlers, channel, request), `${channel} ${JSON.stringify(request).slice(0, 120)}`).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(reached).toEqual([]);
    await dispatch(handlers, 'openExternal', { url: 'https://skaftenicki.github.io/dtu_mlops/' });
    expect(reached).toEqual(['openExternal']);
  });
});
