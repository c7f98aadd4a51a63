import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiChannels, Channel, OpenedReport, ReportApi, RequestOf, ResponseOf } from '../../src/api/contract';
import { openedReport } from './support/openedReport';
import { setAnswer, setChecked } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { findQuestion, placeholderFor, serializeReport, type ReportDocument } from '../../src/core/reportModel';
import { ReportSession } from '../../src/renderer/state/reportSession';
import { filledTemplate, words } from './support/filledTemplate';

const stampOf = (text: string) =>
  `stamp-${text.length}-${[...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}`;

/** A host that keeps "the disk" in memory and answers saves the way the workspace service does. */
function fakeHost(initial: string) {
  const disk = { text: initial };
  const saves: ApiChannels['saveReport']['request'][] = [];
  let failNext: string | null = null;
  let gate: Promise<void> | null = null;
  const api: ReportApi = {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      if (channel !== 'saveReport') throw new Error(`unexpected ${channel}`);
      const save = request as ApiChannels['saveReport']['request'];
      saves.push(save);
      if (gate) await gate;
      let result: ResponseOf<'saveReport'>;
      if (failNext) {
        result = { kind: 'error', message: failNext };
        failNext = null;
      } else if (disk.text === save.text) result = { kind: 'unchanged', stamp: stampOf(disk.text) };
      else if (stampOf(disk.text) !== save.baseStamp && !save.force) {
        result = { kind: 'conflict', diskText: disk.text, stamp: stampOf(disk.text) };
      } else {
        disk.text = save.text;
        result = { kind: 'saved', stamp: stampOf(save.text) };
      }
      return result as ResponseOf<C>;
    },
    on: () => () => undefined,
  };
  return {
    api,
    disk,
    saves,
    failNextSave: (message: string) => (failNext = message),
    holdSaves: () => {
      let release!: () => void;
      gate = new Promise((done) => (release = done));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

function opened(text: string): OpenedReport {
  return openedReport(text, stampOf(text));
}

const original = filledTemplate({ answers: { 4: words(99), 5: words(120) }, checked: [1] });

function setup(text = original) {
  const host = fakeHost(text);
  const session = new ReportSession(host.api, opened(text), { flushDelayMs: 200, autosaveDelayMs: 1000 });
  const synced: ReportDocument[] = [];
  // Editors not mounted yet: `synced` records each time they are told the document changed under them.
  session.attachEditors({
    mount: () => null,
    receive: () => {
      synced.push(session.state.doc);
      return false;
    },
    resync: () => synced.push(session.state.doc),
  });
  return { host, session, synced };
}

const answerOf = (session: ReportSession, n: number) => findQuestion(session.state.doc, n)!.answer;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('typing', () => {
  it('moves the meter on the keystroke and folds the text into the document when typing pauses', () => {
    const { session } = setup();
    session.editAnswer(4, `${words(99)} one`);
    expect(session.meters.get(4)).toMatchObject({ words: 100, status: 'ok', exact: true });
    expect(session.state.saveState).toBe('unsaved');
    expect(answerOf(session, 4)).toBe(words(99));
    vi.advanceTimersByTime(200);
    expect(answerOf(session, 4)).toBe(`${words(99)} one`);
    expect(session.meters.get(4)).toBeUndefined();
    expect(session.state.analysis.questions[3]).toMatchObject({ words: 100, status: 'ok' });
  });

  it('autosaves a moment after typing stops, changing only that answer', async () => {
    const { host, session } = setup();
    session.editAnswer(5, 'New answer');
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.saves).toHaveLength(1);
    expect(host.saves[0]).toMatchObject({ reportPath: '/repo/reports/README.md', baseStamp: stampOf(original) });
    expect(host.disk.text).toBe(serializeReport(setAnswer(parseReport(original), 5, 'New answer')));
    expect(session.state.saveState).toBe('saved');
    // The next save is based on what was just written.
    session.editAnswer(5, 'Newer answer');
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.saves[1].baseStamp).toBe(stampOf(host.saves[0].text));
    expect(host.disk.text).toContain('Newer answer');
  });

  it('saves at once when the field is left', async () => {
    const { host, session } = setup();
    session.editAnswer(5, 'Left behind');
    session.leaveField();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.disk.text).toContain('Left behind');
  });

  it('writes the placeholder back for an emptied answer', async () => {
    const { host, session } = setup();
    session.editAnswer(5, '');
    expect(session.meters.get(5)).toMatchObject({ words: 6, status: 'empty' });
    await session.save();
    expect(findQuestion(parseReport(host.disk.text), 5)!.answer).toBe(placeholderFor(5));
  });

  it('keeps typing that happens during a save, and saves it next', async () => {
    const { host, session } = setup();
    session.editAnswer(5, 'First');
    const release = host.holdSaves();
    const saving = session.save();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.state.saveState).toBe('saving');
    session.editAnswer(5, 'First and second');
    release();
    await saving;
    expect(host.disk.text).toContain('First\n');
    expect(session.state.saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.disk.text).toContain('First and second');
    expect(session.state.saveState).toBe('saved');
  });

  it('rebuilds the editors when typed text changes the report structure', () => {
    const { session, synced } = setup();
    session.editAnswer(5, 'Intro\n\n### Question 40\n\nmore');
    session.flush();
    expect(synced).toHaveLength(1);
    expect(answerOf(session, 5)).toBe('Intro');
  });
});

describe('the checklist', () => {
  it('ticks one box and autosaves', async () => {
    const { host, session } = setup();
    session.toggleChecklist(0, true);
    expect(session.state.doc.checklist[0].checked).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.disk.text).toBe(serializeReport(setChecked(parseReport(original), 0, true)));
  });
});

describe('saving problems', () => {
  it('keeps the edits and says why when a save fails', async () => {
    const { host, session } = setup();
    session.editAnswer(5, 'Precious words');
    host.failNextSave('Could not save: the disk is full');
    expect(await session.save()).toBe('error');
    expect(session.state.saveError).toContain('disk is full');
    expect(session.state.saveState).toBe('unsaved');
    expect(await session.save()).toBe('saved');
    expect(session.state.saveError).toBeNull();
    expect(host.disk.text).toContain('Precious words');
  });

  it('turns a save that finds the same answer changed on disk into a conflict, writing nothing', async () => {
    const { host, session } = setup();
    host.disk.text = original.replace(words(120), 'changed elsewhere');
    session.editAnswer(5, 'mine');
    expect(await session.save()).toBe('conflict');
    expect(session.state.conflict).toMatchObject({ cause: 'save', diskText: host.disk.text });
    expect(session.state.conflict?.regions.map((r) => r.insideAnswer)).toEqual([5]);
    expect(host.disk.text).not.toContain('mine');
    // No autosave runs over an open conflict.
    expect(await session.save()).toBe('conflict');
    expect(host.saves).toHaveLength(1);
  });

  it('a save that finds another answer changed on disk merges and saves both', async () => {
    const { host, session } = setup();
    const theirs = original.replace(words(120), 'changed elsewhere');
    host.disk.text = theirs;
    session.editAnswer(4, 'mine');
    expect(await session.save()).toBe('saved');
    expect(session.state.conflict).toBeNull();
    expect(host.disk.text).toBe(serializeReport(setAnswer(parseReport(theirs), 4, 'mine')));
  });
});

describe('changes on disk', () => {
  it('reload in place when there are no local edits', () => {
    const { session, synced } = setup();
    const changed = original.replace(words(120), 'edited in another editor');
    session.diskChanged(changed, stampOf(changed));
    expect(answerOf(session, 5)).toBe('edited in another editor');
    expect(synced).toHaveLength(1);
    expect(session.state.saveState).toBe('saved');
    expect(session.state.conflict).toBeNull();
  });

  it('merge a change to another answer silently, keeping the local edit, and save the merge', async () => {
    const { host, session } = setup();
    session.editAnswer(4, 'my words');
    const changed = original.replace(words(120), 'their words');
    host.disk.text = changed;
    session.diskChanged(changed, stampOf(changed));
    expect(session.state.conflict).toBeNull();
    expect(answerOf(session, 4)).toBe('my words');
    expect(answerOf(session, 5)).toBe('their words');
    expect(session.state.mergeNotice?.text).toBe('Question 5 changed on disk: merged with your edits.');
    expect(session.state.saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    // Saved against the disk's version: no conflict, the groupmate's answer kept.
    expect(host.saves.at(-1)?.baseStamp).toBe(stampOf(changed));
    expect(host.disk.text).toBe(serializeReport(setAnswer(parseReport(changed), 4, 'my words')));
    // The merge is one step to undo; undoing it takes only their answer back out of the text here.
    expect(session.undoGlobal()).toBe(true);
    session.flush();
    expect(answerOf(session, 5)).toBe(words(120));
    expect(answerOf(session, 4)).toBe('my words');
  });

  it('a merge that adds text at the end of another answer shows it in that answer, where typing goes after it', async () => {
    const { host, session } = setup();
    session.editAnswer(4, 'my words');
    const changed = original.replace(words(120), `${words(120)} THEIRS appended`);
    host.disk.text = changed;
    session.diskChanged(changed, stampOf(changed));
    expect(session.state.mergeNotice?.text).toBe('Question 5 changed on disk: merged with your edits.');
    // The answer's editor is a view of its span: the appended words must be in it, not after it.
    expect(session.editorText(5)).toBe(`${words(120)} THEIRS appended`);
    session.editAnswer(5, `${words(120)} THEIRS appended MINE`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(answerOf(session, 5)).toBe(`${words(120)} THEIRS appended MINE`);
    expect(host.disk.text).toBe(
      serializeReport(setAnswer(setAnswer(parseReport(changed), 4, 'my words'), 5, `${words(120)} THEIRS appended MINE`)),
    );
  });

  it('ask only about an answer changed on both sides; nothing is written until it is answered', async () => {
    const { host, session } = setup();
    session.editAnswer(5, 'my words');
    session.toggleChecklist(3, true);
    const changed = serializeReport(setAnswer(parseReport(original), 5, 'their words'));
    host.disk.text = changed;
    session.diskChanged(changed, stampOf(changed));
    const conflict = session.state.conflict!;
    expect(conflict).toMatchObject({ cause: 'external', dismissed: false });
    expect(conflict.regions).toHaveLength(1);
    expect(conflict.regions[0]).toMatchObject({ insideAnswer: 5, ours: 'my words\n', theirs: 'their words\n', base: `${words(120)}\n` });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await session.save()).toBe('conflict');
    expect(host.disk.text).toBe(changed);
    expect(answerOf(session, 5)).toBe('my words');
  });

  for (const [choice, expected] of [
    ['mine', 'my words'],
    ['theirs', 'their words'],
    ['both', 'my words\n\ntheir words'],
    [{ text: 'our words' }, 'our words'],
  ] as const) {
    it(`resolving with ${JSON.stringify(choice)} writes that answer over the disk's version, ticks merged`, async () => {
      const { host, session } = setup();
      session.editAnswer(5, 'my words');
      session.toggleChecklist(3, true);
      const changed = serializeReport(setAnswer(parseReport(original), 5, 'their words'));
      host.disk.text = changed;
      session.diskChanged(changed, stampOf(changed));
      expect(await session.merge.resolve([choice])).toBe('saved');
      expect(session.state.conflict).toBeNull();
      expect(host.disk.text).toBe(serializeReport(setChecked(setAnswer(parseReport(changed), 5, expected), 3, true)));
      expect(answerOf(session, 5)).toBe(expected);
    });
  }

  it('"cancel" keeps the local text here and the disk version on disk; the merge can be reopened', async () => {
    const { host, session } = setup();
    session.editAnswer(5, 'my words');
    const changed = serializeReport(setAnswer(parseReport(original), 5, 'their words'));
    host.disk.text = changed;
    session.diskChanged(changed, stampOf(changed));
    session.merge.cancel();
    expect(session.state.conflict?.dismissed).toBe(true);
    expect(await session.saveBeforeLeaving()).toBe(false);
    expect(host.disk.text).toBe(changed);
    expect(answerOf(session, 5)).toBe('my words');
    // Typed more after cancelling: the merge is made again from the text now.
    session.editAnswer(4, 'more');
    session.merge.review();
    expect(session.state.conflict).toMatchObject({ dismissed: false });
    expect(await session.merge.resolve(['theirs'])).toBe('saved');
    expect(host.disk.text).toBe(serializeReport(setAnswer(parseReport(changed), 4, 'more')));
  });

  it("git's conflict markers in an answer are found, and a choice writes just that region, undoable", async () => {
    const marked = original.replace(words(120), '<<<<<<< HEAD\nour answer\n=======\ntheir answer\n>>>>>>> origin/main');
    const { host, session } = setup(marked);
    expect(session.state.markers).toHaveLength(1);
    const region = session.state.markers[0];
    expect(region).toMatchObject({ insideAnswer: 5, ours: 'our answer\n', theirs: 'their answer\n', oursLabel: 'HEAD' });
    expect(session.merge.resolveMarkers(region.start + 1, 'theirs')).toBe(false);
    expect(session.merge.resolveMarkers(region.start, 'both')).toBe(true);
    expect(session.state.markers).toHaveLength(0);
    const expected = original.replace(words(120), 'our answer\n\ntheir answer');
    expect(session.text).toBe(expected);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.disk.text).toBe(expected);
    // One step back brings the markers back (and the next save writes them again).
    expect(session.undoGlobal()).toBe(true);
    session.flush();
    expect(session.text).toBe(marked);
    expect(session.state.markers).toHaveLength(1);
  });

  it('ignore the echo of our own save', async () => {
    const { host, session, synced } = setup();
    session.editAnswer(5, 'saved by us');
    await session.save();
    session.diskChanged(host.disk.text, stampOf(host.disk.text));
    expect(synced).toHaveLength(0);
    expect(session.state.conflict).toBeNull();
  });

  it('a deleted file is written again by the next save', async () => {
    const { session } = setup();
    session.diskRemoved();
    expect(session.state.removedOnDisk).toBe(true);
    expect(await session.saveBeforeLeaving()).toBe(true);
    expect(session.state.removedOnDisk).toBe(false);
  });
});

describe("only the student's bytes change", () => {
  /** The file after saving, and what `original` becomes with `insert` at `at`. */
  async function typedAndSaved(text: string, number: number, typed: (editor: string) => string) {
    const { host, session } = setup(text);
    session.editAnswer(number, typed(session.editorText(number)));
    expect(await session.save()).toBe('saved');
    return host.disk.text;
  }

  it('one keystroke at the end of an answer is that one character in the file, whatever the blank lines around it', async () => {
    // The blank line after `> Answer:` holds spaces, and there are two blank lines after the answer.
    const text = original.replace(`> Answer:\n\n${words(120)}\n\n`, `> Answer:\n   \n${words(120)}\n\n\n`);
    expect(text).not.toBe(original);
    const at = text.indexOf(words(120)) + words(120).length;
    expect(await typedAndSaved(text, 5, (editor) => `${editor}!`)).toBe(`${text.slice(0, at)}!${text.slice(at)}`);
  });

  it('an answer right under `> Answer:` (no blank line) keeps it so', async () => {
    const text = original.replace(`> Answer:\n\n${words(120)}`, `> Answer:\n${words(120)}`);
    const at = text.indexOf(words(120)) + words(120).length;
    expect(await typedAndSaved(text, 5, (editor) => `${editor} x`)).toBe(`${text.slice(0, at)} x${text.slice(at)}`);
  });

  it('a line typed in a CRLF file is written with CRLF, nothing else changes', async () => {
    const text = filledTemplate({ answers: { 5: 'first line\nsecond line' }, eol: '\r\n' });
    const at = text.indexOf('first line') + 'first line'.length;
    expect(await typedAndSaved(text, 5, (editor) => editor.replace('first line', 'first line\nnew line'))).toBe(
      `${text.slice(0, at)}\r\nnew line${text.slice(at)}`,
    );
  });

  it('typing into an empty answer replaces only the placeholder', async () => {
    const at = original.indexOf(placeholderFor(7));
    expect(await typedAndSaved(original, 7, () => 'Hello')).toBe(
      `${original.slice(0, at)}Hello${original.slice(at + placeholderFor(7).length)}`,
    );
  });
});

describe('changes from elsewhere (fixes, repairs) go through the same door', () => {
  it('a fix inside one answer is shown in that answer editor, in its undo history', () => {
    const { session } = setup();
    const received: [number, unknown, boolean][] = [];
    const mounted: number[] = [];
    session.attachEditors({
      mount: (n) => mounted.push(n),
      receive: (n, change, undoable) => {
        received.push([n, change, undoable]);
        return true;
      },
      resync: () => undefined,
    });
    const at = session.text.indexOf('word7 ');
    session.applyChange([{ start: at, end: at + 5, expect: 'word7', text: 'seven' }], 'fix');
    expect(mounted).toEqual([4]);
    expect(received).toEqual([[4, { from: 36, to: 41, insert: 'seven' }, true]]);
    expect(session.editorText(4)).toContain('word6 seven word8');
    expect(session.undo.store.getState().next).toBeNull();
  });

  it('a repair touching several answers is one global undo step; undone, the file is byte-wise what it was', async () => {
    const { host, session, synced } = setup();
    const repaired = session.text.replace('word1 ', 'WORD1 ').replace('word120', 'WORD120');
    expect(await session.replaceText(repaired, 'Undo the repair')).toBe('saved');
    expect(host.disk.text).toBe(repaired);
    expect(synced.length).toBeGreaterThan(0);
    expect(session.undo.store.getState().next).toBe('Undo the repair');
    // Typing elsewhere meanwhile stays.
    session.editAnswer(7, 'Still here');
    expect(session.undoGlobal()).toBe(true);
    await session.save();
    expect(host.disk.text).toBe(original.replace(placeholderFor(7), 'Still here'));
    expect(session.undo.store.getState().next).toBeNull();
  });

  it('a global undo whose bytes were typed over since is refused, changing nothing', () => {
    const { session } = setup();
    session.replaceText(session.text.replace('word3 ', 'WORD3 ').replace('word120', 'WORD120'));
    session.editAnswer(4, session.editorText(4).replace('WORD3', 'retyped'));
    const before = session.text;
    expect(session.undoGlobal()).toBe(false);
    expect(session.text).toBe(before);
  });
});
