import { describe, expect, it } from 'vitest';
import { COURSE_PROFILE_31, courseProfile, type Generation } from '../../src/core/constraints';
import { applyFixes } from '../../src/core/doctor';
import { parseReport } from '../../src/core/parseReport';
import { EditMismatchError, type TextEdit } from '../../src/core/textEdit';
import { DocumentAuthority, type DocumentChange } from '../../src/renderer/document/documentAuthority';
import { inverseOf } from '../../src/renderer/document/globalUndo';
import { editsBetween } from '../../src/renderer/document/textDiff';
import { filledTemplate, words } from './support/filledTemplate';

/** The shared corpus's real reports, read in place (none when ../shared is absent). */
const corpus = Object.entries(
  import.meta.glob('../../../shared/corpus/reports/*.md', { query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text: text as string }));
const eachReport = corpus.length > 0 ? it.each(corpus) : it.skip.each([{ name: '(no corpus)', text: '' }]);

const edit = (text: string, start: number, end: number, insert: string): TextEdit => ({
  start,
  end,
  expect: text.slice(start, end),
  text: insert,
});

describe('the document authority', () => {
  it('applies edits as one versioned change and tells its subscribers', () => {
    const doc = new DocumentAuthority('one two three');
    const seen: DocumentChange[] = [];
    doc.subscribe((change) => seen.push(change));
    const change = doc.apply({
      edits: [edit(doc.text, 8, 13, 'THREE'), edit(doc.text, 0, 3, '1')],
      origin: 'fix',
    });
    expect(doc.text).toBe('1 two THREE');
    expect(doc.version).toBe(1);
    expect(seen).toEqual([change]);
    expect(change).toMatchObject({ from: 0, version: 1, origin: 'fix' });
    // Sorted by position, whatever order they came in.
    expect(change!.edits.map((e) => e.start)).toEqual([0, 8]);
  });

  it('refuses an edit whose bytes changed, changing nothing', () => {
    const doc = new DocumentAuthority('one two');
    expect(() => doc.apply({ edits: [{ start: 0, end: 3, expect: 'uno', text: '1' }], origin: 'fix' })).toThrow(
      EditMismatchError,
    );
    expect(doc.text).toBe('one two');
    expect(doc.version).toBe(0);
    expect(doc.apply({ edits: [edit(doc.text, 0, 3, 'one')], origin: 'fix' })).toBeNull();
  });

  it('parses once per version', () => {
    const text = filledTemplate({ answers: { 4: words(10) } });
    const doc = new DocumentAuthority(text);
    expect(doc.doc).toBe(doc.doc);
    const first = doc.doc;
    const at = text.indexOf('word10') + 'word10'.length;
    doc.apply({ edits: [edit(text, at, at, ' more')], origin: 'typing', question: 4 });
    expect(doc.doc).not.toBe(first);
    expect(doc.doc.questions.find((q) => q.number === 4)!.answer).toBe(`${words(10)} more`);
  });

  it('moves edits computed against an older version over the typing since, and refuses overlapping ones', () => {
    const doc = new DocumentAuthority('alpha beta gamma');
    const old = doc.version;
    const fixBeta = edit(doc.text, 6, 10, 'BETA');
    const fixAlpha = edit(doc.text, 0, 5, 'ALPHA');
    doc.apply({ edits: [edit(doc.text, 0, 0, 'typed ')], origin: 'typing' });
    const [moved] = doc.rebase([fixBeta], old);
    doc.apply({ edits: [moved], origin: 'fix' });
    expect(doc.text).toBe('typed alpha BETA gamma');
    doc.apply({ edits: [edit(doc.text, 6, 11, 'ALFA')], origin: 'typing' });
    expect(() => doc.rebase([fixAlpha], old)).toThrow(EditMismatchError);
  });

  it('two insertions at one point land in the order given', () => {
    const doc = new DocumentAuthority('ab');
    doc.apply({
      edits: [
        { start: 1, end: 1, expect: '', text: 'X' },
        { start: 1, end: 1, expect: '', text: 'Y' },
      ],
      origin: 'repair',
    });
    expect(doc.text).toBe('aXYb');
  });

  it('an inverse change takes the text back', () => {
    const before = 'a b c d';
    const doc = new DocumentAuthority(before);
    const change = doc.apply({ edits: [edit(before, 0, 1, 'AAA'), edit(before, 4, 7, '')], origin: 'repair' })!;
    doc.apply({ edits: inverseOf(change), origin: 'undo' });
    expect(doc.text).toBe(before);
  });
});

describe('editsBetween', () => {
  it('gives one edit per changed answer, leaving the bytes between untouched', () => {
    const before = filledTemplate({ answers: { 4: words(5), 20: words(5) } });
    const after = before
      .replace(`${words(5)}\n`, `${words(5)} four\n`)
      .replace(/(word5)(\n\n### Question 21)/, '$1 twenty$2');
    const edits = editsBetween(before, after);
    expect(edits).toHaveLength(2);
    expect(edits.map((e) => e.text)).toEqual([' four', ' twenty']);
    expect(edits.every((e) => e.start === e.end)).toBe(true);
  });
});

describe('every repair of a real report, as edits through the door', () => {
  eachReport('$name: gives exactly the repaired text, and its inverse exactly the original', ({ text }) => {
    const generation = parseReport(text).questions.length === 27 ? 27 : 31;
    const profile = generation === 31 ? COURSE_PROFILE_31 : courseProfile(generation as Generation);
    const repaired = applyFixes(text, profile, 'all');
    const doc = new DocumentAuthority(text);
    const change = doc.apply({ edits: editsBetween(text, repaired), origin: 'repair' });
    expect(doc.text).toBe(repaired);
    if (change) doc.apply({ edits: inverseOf(change), origin: 'undo' });
    expect(doc.text).toBe(text);
  });
});
