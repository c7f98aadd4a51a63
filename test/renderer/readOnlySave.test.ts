/**
 * The session's side of a read-only report: the save writes nothing and the session asks (the
 * read-only dialog); "Cancel" keeps the edits and stops the asking; "Make it writable and save"
 * saves with `makeWritable`. The host here answers as the workspace service does (its behaviour on
 * real files is tested in test/trust/hostileInput.test.ts; the whole path, UI and real host, in
 * e2e/app-readonly.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ApiChannels, OpenedReport, ReportApi, SaveResult } from '../../src/api/contract';
import { openedReport } from './support/openedReport';
import { ReportSession } from '../../src/renderer/state/reportSession';
import { filledTemplate, words } from './support/filledTemplate';

const stampOf = (text: string) => `stamp-${text.length}-${[...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}`;

/** A disk with a write bit: saves of a read-only file answer `read-only` unless `makeWritable`. */
function readOnlyHost(initial: string) {
  const disk = { text: initial, writable: false };
  const saves: ApiChannels['saveReport']['request'][] = [];
  const api: ReportApi = {
    invoke: (async (channel: string, request: ApiChannels['saveReport']['request']): Promise<SaveResult> => {
      if (channel !== 'saveReport') throw new Error(`unexpected ${channel}`);
      saves.push(request);
      if (disk.text === request.text) return { kind: 'unchanged', stamp: stampOf(disk.text) };
      if (stampOf(disk.text) !== request.baseStamp && !request.force) return { kind: 'conflict', diskText: disk.text, stamp: stampOf(disk.text) };
      if (!disk.writable && !request.makeWritable) return { kind: 'read-only', message: '/repo/reports/README.md is read-only, so your edits were not saved.' };
      disk.writable = true;
      disk.text = request.text;
      return { kind: 'saved', stamp: stampOf(request.text) };
    }) as ReportApi['invoke'],
    on: () => () => undefined,
  };
  return { api, disk, saves };
}

function opened(text: string): OpenedReport {
  return openedReport(text, stampOf(text));
}

describe('saving a read-only report from the app', () => {
  it('asks instead of writing; Cancel keeps the edits and quiets autosave; "Make it writable and save" saves', async () => {
    const original = filledTemplate({ answers: { 4: words(99) } });
    const host = readOnlyHost(original);
    const session = new ReportSession(host.api, opened(original), { flushDelayMs: 10_000, autosaveDelayMs: 10_000 });
    session.editAnswer(4, 'Group 21');
    expect(await session.save()).toBe('read-only');
    expect(session.state.readOnly).toMatchObject({ asking: true, message: expect.stringMatching(/README\.md is read-only/) });
    expect(session.state.saveState).toBe('unsaved');
    expect(session.state.saveError).toBeNull();
    expect(session.dirty).toBe(true);
    expect(host.disk.text).toBe(original);
    // While the question is open, autosave does not knock again.
    expect(await session.save()).toBe('read-only');
    expect(host.saves).toHaveLength(1);

    session.keepReadOnly();
    expect(session.state.readOnly).toMatchObject({ asking: false });
    // Later saves still meet the read-only file, but do not ask again (the banner shows it).
    expect(await session.save()).toBe('read-only');
    expect(host.saves).toHaveLength(2);
    expect(host.saves[1].makeWritable).toBeUndefined();
    expect(session.state.readOnly).toMatchObject({ asking: false });
    expect(host.disk.text).toBe(original);

    expect(await session.makeWritableAndSave()).toBe('saved');
    expect(host.saves[2]).toMatchObject({ makeWritable: true });
    expect(host.disk.text).toContain('Group 21');
    expect(session.state).toMatchObject({ readOnly: null, saveError: null, saveState: 'saved' });
    expect(session.dirty).toBe(false);
    session.dispose();
  });
});
