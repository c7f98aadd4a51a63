/** The pieces of a merge made in the app: the notice's words, the choices' bytes, the change gutter's lines. */
import { describe, expect, it } from 'vitest';
import { setAnswer, setChecked } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { serializeReport } from '../../src/core/reportModel';
import { changedLines } from '../../src/renderer/editor/gitGutter';
import { describeDiskChange, mergeDiskChange, resolveRegions } from '../../src/renderer/state/diskMerge';
import { filledTemplate } from './support/filledTemplate';

const base = filledTemplate({ answers: { 3: 'Base three.', 7: 'Base seven.' } });
const withAnswer = (text: string, n: number, value: string) => serializeReport(setAnswer(parseReport(text), n, value));

describe('the notice after a clean merge', () => {
  it('names the questions changed on disk, and the checklist', () => {
    expect(describeDiskChange(base, withAnswer(base, 7, 'Theirs.'))).toBe('Question 7 changed on disk: merged with your edits.');
    const two = withAnswer(withAnswer(base, 3, 'x'), 12, 'y');
    expect(describeDiskChange(base, two)).toBe('Questions 3 and 12 changed on disk: merged with your edits.');
    const ticked = serializeReport(setChecked(parseReport(base), 2, true));
    expect(describeDiskChange(base, ticked)).toBe('The checklist changed on disk: merged with your edits.');
    expect(describeDiskChange(base, serializeReport(setChecked(parseReport(two), 2, true)))).toBe(
      'Questions 3 and 12 changed on disk, the checklist too: merged with your edits.',
    );
  });
});

describe('resolving the conflicts of a merge', () => {
  it('in a CRLF report, an edited text takes CRLF and every other byte is the merge', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const mine = withAnswer(crlf, 7, 'Mine.');
    const theirs = withAnswer(withAnswer(crlf, 7, 'Theirs.'), 3, 'Theirs three.');
    const merge = mergeDiskChange(crlf, mine, theirs);
    expect(merge.regions.map((r) => r.insideAnswer)).toEqual([7]);
    expect(merge.regions[0].base).toBe('Base seven.\r\n');
    expect(resolveRegions(merge.text, merge.regions, [{ text: 'One\nTwo' }])).toBe(withAnswer(theirs, 7, 'One\r\nTwo'));
    expect(resolveRegions(merge.text, merge.regions, ['both'])).toBe(withAnswer(theirs, 7, 'Mine.\r\n\r\nTheirs.'));
  });

  it('a clean merge has no regions and keeps both sides', () => {
    const merge = mergeDiskChange(base, withAnswer(base, 3, 'Mine.'), withAnswer(base, 7, 'Theirs.'));
    expect(merge.regions).toEqual([]);
    expect(merge.text).toBe(withAnswer(withAnswer(base, 3, 'Mine.'), 7, 'Theirs.'));
  });
});

describe('the change gutter', () => {
  it('marks the lines not in the committed answer, nothing when equal', () => {
    expect(changedLines('a\nb\nc', 'a\nb\nc')).toEqual([]);
    expect(changedLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([1, 3]);
    expect(changedLines('a\nb\nc', 'x\na\nc')).toEqual([0]);
    expect(changedLines('', 'new')).toEqual([0]);
  });
});
