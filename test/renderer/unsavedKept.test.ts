/**
 * The page and the disk: the echo of our own save (the host tells every page of every change) is
 * no news, early or late; a merge that would take the focus while the student types waits for the
 * pause; edits that cannot be saved are kept in the page's storage and come back on the next open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiChannels, Channel, ReportApi, RequestOf, ResponseOf } from '../../src/api/contract';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { findQuestion, serializeReport } from '../../src/core/reportModel';
import { ReportSession } from '../../src/renderer/state/reportSession';
import { filledTemplate, words } from './support/filledTemplate';
import { openedReport } from './support/openedReport';

const stampOf = (text: string) => `stamp-${text.length}-${[...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}`;
const original = filledTemplate({ answers: { 4: words(30), 5: words(40) } });
const withAnswer = (text: string, n: number, value: string) => serializeReport(setAnswer(parseReport(text), n, value));

/** The disk in memory; saves answered as the workspace does; `hold` keeps answers back. */
function fakeHost(initial: string) {
  const disk = { text: initial };
  let gate: Promise<void> | null = null;
  const api: ReportApi = {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const save = request as ApiChannels['saveReport']['request'];
      let result: ResponseOf<'saveReport'>;
      if (disk.text === save.text) result = { kind: 'unchanged', stamp: stampOf(disk.text) };
      else if (stampOf(disk.text) !== save.baseStamp && !save.force) result = { kind: 'conflict', diskText: disk.text, stamp: stampOf(disk.text) };
      else {
        disk.text = save.text;
        result = { kind: 'saved', stamp: stampOf(save.text) };
      }
      if (gate) await gate;
      void channel;
      return result as ResponseOf<C>;
    },
    on: () => () => undefined,
  };
  const hold = () => {
    let release!: () => void;
    gate = new Promise((done) => (release = done));
    return () => {
      gate = null;
      release();
    };
  };
  return { api, disk, hold };
}

const open = (host: ReturnType<typeof fakeHost>) =>
  new ReportSession(host.api, openedReport(host.disk.text, stampOf(host.disk.text)), { flushDelayMs: 200, autosaveDelayMs: 1000 });
const answerOf = (session: ReportSession, n: number) => findQuestion(parseReport(session.text), n)!.answer;

const stored = new Map<string, string>();
beforeEach(() => {
  vi.useFakeTimers();
  stored.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the echo of our own save', () => {
  it('arriving before the save is answered, while typing goes on, changes nothing', async () => {
    const host = fakeHost(original);
    const session = open(host);
    session.editAnswer(5, 'saved by us');
    const release = host.hold();
    const saving = session.save();
    await vi.advanceTimersByTimeAsync(0);
    session.editAnswer(5, 'saved by us, and more');
    session.diskChanged(host.disk.text, stampOf(host.disk.text));
    expect(session.state.conflict).toBeNull();
    expect(answerOf(session, 5)).toBe('saved by us, and more');
    release();
    expect(await saving).toBe('saved');
    expect(await session.save()).toBe('saved');
    expect(host.disk.text).toBe(withAnswer(original, 5, 'saved by us, and more'));
  });

  it('arriving after a newer save of ours was answered changes nothing', async () => {
    const host = fakeHost(original);
    const session = open(host);
    session.editAnswer(5, 'first');
    await session.save();
    const first = host.disk.text;
    session.editAnswer(5, 'second');
    await session.save();
    session.diskChanged(first, stampOf(first));
    expect(answerOf(session, 5)).toBe('second');
    expect(session.state.saveState).toBe('saved');
  });
});

describe('a merge while the student types', () => {
  it('waits for the pause, then asks about the text as it is by then', async () => {
    const host = fakeHost(original);
    const session = open(host);
    session.editAnswer(5, 'mine');
    host.disk.text = withAnswer(original, 5, 'theirs');
    session.diskChanged(host.disk.text, stampOf(host.disk.text));
    expect(session.state.conflict).toMatchObject({ waiting: true });
    session.editAnswer(5, 'mine, typed on');
    await vi.advanceTimersByTimeAsync(1500);
    expect(session.state.conflict).toMatchObject({ waiting: false, dismissed: false, mine: withAnswer(original, 5, 'mine, typed on') });
    expect(await session.merge.resolve(['mine'])).toBe('saved');
    expect(host.disk.text).toBe(withAnswer(original, 5, 'mine, typed on'));
  });
});

describe('edits that cannot be saved', () => {
  it('are kept through a reload and come back through the merge; saved, they are gone', async () => {
    const host = fakeHost(original);
    const session = open(host);
    session.editAnswer(5, 'mine');
    host.disk.text = withAnswer(original, 5, 'theirs');
    session.diskChanged(host.disk.text, stampOf(host.disk.text));
    session.merge.cancel();
    session.editAnswer(4, 'typed after cancel');
    await vi.advanceTimersByTimeAsync(1500);
    session.dispose();
    const reopened = open(host);
    expect(reopened.state.conflict).toMatchObject({ cause: 'kept', dismissed: false });
    expect(answerOf(reopened, 4)).toBe('typed after cancel');
    expect(await reopened.merge.resolve(['mine'])).toBe('saved');
    expect(host.disk.text).toBe(withAnswer(withAnswer(original, 5, 'mine'), 4, 'typed after cancel'));
    expect(stored.size).toBe(0);
  });

  it('where the file did not change meanwhile, come back quietly and are saved', async () => {
    const host = fakeHost(original);
    const session = open(host);
    session.editAnswer(5, 'typed, then the tab closed');
    session.keepUnsaved();
    session.dispose();
    const reopened = open(host);
    expect(reopened.state.conflict).toBeNull();
    expect(reopened.state.mergeNotice?.text).toMatch(/are back/);
    await vi.advanceTimersByTimeAsync(1500);
    expect(host.disk.text).toBe(withAnswer(original, 5, 'typed, then the tab closed'));
    expect(stored.size).toBe(0);
  });
});
