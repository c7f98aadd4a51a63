import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredViewPrefs } from '../../src/api/payloads';
import { createApiHandlers, dispatch } from '../../src/services/apiHandlers';
import { RecentRepos } from '../../src/services/recentRepos';
import { ReportWorkspace } from '../../src/services/reportWorkspace';
import { ViewPrefsStore } from '../../src/services/viewPrefsStore';
import { tempRepo } from '../support/cli';

const dark: StoredViewPrefs = { navigatorOpen: false, problemsOpen: true, textStep: 2, theme: 'dark' };

describe('the remembered view', () => {
  it('is read back by a later host on the same config folder; nothing stored reads as null', async () => {
    const dir = join(tempRepo({}), 'config (not yet created)');
    expect(await new ViewPrefsStore(dir).load()).toBeNull();
    await new ViewPrefsStore(dir).save(dark);
    expect(await new ViewPrefsStore(dir).load()).toEqual(dark);
  });

  it('ends with the last of several quick choices', async () => {
    const dir = tempRepo({});
    const store = new ViewPrefsStore(dir);
    const saves = [-1, 0, 1, 2, 3, 4].map((textStep) => store.save({ ...dark, textStep }));
    await Promise.all(saves);
    expect((await new ViewPrefsStore(dir).load())?.textStep).toBe(4);
  });

  it('treats a damaged or foreign file as nothing stored', async () => {
    const dir = tempRepo({});
    for (const contents of ['{not json', JSON.stringify({ ...dark, theme: 'neon' }), JSON.stringify({ ...dark, extra: 1 })]) {
      writeFileSync(join(dir, 'view-prefs.json'), contents);
      expect(await new ViewPrefsStore(dir).load(), contents).toBeNull();
    }
  });

  it('is kept through the API beside the recent list, and a malformed request is refused', async () => {
    const dir = tempRepo({});
    const recent = new RecentRepos(dir);
    const workspace = new ReportWorkspace(() => undefined, recent);
    const handlers = createApiHandlers(workspace, recent, {
      host: 'browser',
      version: 'test',
      initialPath: null,
      pickFolder: async () => null,
      pickReportFile: async () => null,
      mergeDriverCommand: () => 'true',
      openExternal: async () => undefined,
      showExport: async () => ({ url: '' }),
      readyToQuit: () => undefined,
    });
    try {
      expect(await dispatch(handlers, 'loadViewPrefs', {})).toBeNull();
      await dispatch(handlers, 'saveViewPrefs', dark);
      expect(await new ViewPrefsStore(dir).load()).toEqual(dark);
      expect(await dispatch(handlers, 'loadViewPrefs', {})).toEqual(dark);
      await expect(dispatch(handlers, 'saveViewPrefs', { ...dark, textStep: 1e9 })).rejects.toThrow();
      expect(await dispatch(handlers, 'loadViewPrefs', {})).toEqual(dark);
    } finally {
      await workspace.close();
    }
  });
});
