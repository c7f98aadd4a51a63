/**
 * The renderer's session saving a read-only report through the real API handlers and real files:
 * the save writes nothing and the session asks (the read-only dialog); "Cancel" keeps the edits and
 * stops the asking; "Make it writable and save" does chmod u+w and saves.
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenResult, ReportApi } from '../../src/api/contract';
import { dispatch } from '../../src/main/services/apiHandlers';
import type { ReportWorkspace } from '../../src/main/services/reportWorkspace';
import { ReportSession } from '../../src/renderer/state/reportSession';
import { tempRepo } from '../support/cli';
import { buildReport } from '../support/reportBuilder';
import { testHandlers } from '../support/testHost';

const workspaces: ReportWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((w) => w.close()));
});

async function openSession() {
  const repo = tempRepo({ 'reports/README.md': buildReport() });
  const { handlers, workspace } = testHandlers();
  workspaces.push(workspace);
  const saves: unknown[] = [];
  const api: ReportApi = {
    invoke: async (channel, request) => {
      if (channel === 'saveReport') saves.push(request);
      return dispatch(handlers, channel, request) as never;
    },
    on: () => () => undefined,
  };
  const opened = (await api.invoke('openPath', { path: repo })) as OpenResult;
  if (opened.kind !== 'opened') throw new Error(JSON.stringify(opened));
  const session = new ReportSession(api, opened.report, { flushDelayMs: 10_000, autosaveDelayMs: 10_000 });
  return { session, file: join(repo, 'reports/README.md'), saves };
}

describe('saving a read-only report from the app', () => {
  it('asks instead of writing; Cancel keeps the edits and quiets autosave; "Make it writable and save" saves', async () => {
    const { session, file, saves } = await openSession();
    const before = readFileSync(file);
    chmodSync(file, 0o444);
    session.editAnswer(1, 'Group 21');
    expect(await session.save()).toBe('read-only');
    expect(session.state.readOnly).toMatchObject({ asking: true, message: expect.stringMatching(/README\.md is read-only/) });
    expect(session.state.saveState).toBe('unsaved');
    expect(session.dirty).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(true);
    // While the question is open, autosave does not knock again.
    expect(await session.save()).toBe('read-only');
    expect(saves).toHaveLength(1);

    session.keepReadOnly();
    expect(session.state.readOnly).toMatchObject({ asking: false });
    // Later saves still meet the read-only file, but do not ask again (the banner shows it).
    expect(await session.save()).toBe('read-only');
    expect(session.state.readOnly).toMatchObject({ asking: false });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);

    expect(await session.makeWritableAndSave()).toBe('saved');
    expect(readFileSync(file, 'utf8')).toContain('Group 21');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(session.state).toMatchObject({ readOnly: null, saveError: null, saveState: 'saved' });
    expect(session.dirty).toBe(false);
    session.dispose();
  });
});
