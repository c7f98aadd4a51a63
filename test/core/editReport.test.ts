import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_31, courseProfile } from '../../src/core/constraints';
import { setAnswer, setChecked } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { findQuestion, serializeReport } from '../../src/core/reportModel';
import { corpusAvailable, corpusFiles } from '../support/corpus';
import { buildReport, words } from '../support/reportBuilder';

/** The text outside [start, end) in `before` must equal `after` outside the replaced region. */
function expectOnlyRegionChanged(before: string, after: string, start: number, end: number) {
  expect(after.slice(0, start)).toBe(before.slice(0, start));
  expect(after.slice(after.length - (before.length - end))).toBe(before.slice(end));
}

describe('setAnswer', () => {
  it('writes the answer after the Answer: line with one blank line around it', () => {
    const doc = setAnswer(parseReport(buildReport()), 4, 'We used uv.');
    const text = serializeReport(doc);
    expect(text).toContain('> Answer:\n\nWe used uv.\n\n### Question 5');
    expect(findQuestion(doc, 4)!.answer).toBe('We used uv.');
  });

  it('keeps CRLF files CRLF, including inside a multi-line answer', () => {
    const doc = setAnswer(parseReport(buildReport({ eol: '\r\n' })), 4, 'line one\nline two');
    const text = serializeReport(doc);
    expect(text).toContain('> Answer:\r\n\r\nline one\r\nline two\r\n\r\n### Question 5');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('restores the placeholder when the answer is emptied', () => {
    const filled = setAnswer(parseReport(buildReport()), 7, 'Something');
    const emptied = setAnswer(filled, 7, '  \n ');
    expect(serializeReport(emptied)).toBe(buildReport());
  });

  it('keeps the last answer at the end of the file with the final newline as it was', () => {
    for (const finalNewline of [true, false]) {
      const text = serializeReport(setAnswer(parseReport(buildReport({ finalNewline })), 31, 'Last words'));
      expect(text.endsWith(finalNewline ? '> Answer:\n\nLast words\n' : '> Answer:\n\nLast words')).toBe(true);
    }
  });

  it('moves an answer typed on the Answer: line below it', () => {
    const text = buildReport().replace('> Answer:\n\n--- question 9 fill here ---', '> Answer: inline start');
    const doc = parseReport(text);
    expect(findQuestion(doc, 9)!.answer).toBe('inline start');
    expect(findQuestion(doc, 9)!.answerOnMarkerLine).toBe(true);
    const after = serializeReport(setAnswer(doc, 9, 'inline start, continued'));
    expect(after).toContain('> Answer:\n\ninline start, continued\n\n### Question 10');
  });

  it('writes text that breaks the checker as typed', () => {
    const typed = 'Intro\n\n## My heading\n\nAnswer: more';
    const doc = setAnswer(parseReport(buildReport()), 5, typed);
    expect(findQuestion(doc, 5)!.answer).toBe(typed);
  });

  it('is a no-op when the text is unchanged, returning the same document', () => {
    const doc = parseReport(buildReport({ answers: { 3: 'Same' } }));
    expect(setAnswer(doc, 3, 'Same')).toBe(doc);
  });

  it('refuses a question the report does not have', () => {
    expect(() => setAnswer(parseReport(buildReport()), 40, 'x')).toThrow(/no question 40/);
  });

  it('moves the word meter across a range boundary exactly as the checker counts', () => {
    const doc = parseReport(buildReport());
    const at99 = serializeReport(setAnswer(doc, 4, words(99)));
    const at100 = serializeReport(setAnswer(doc, 4, words(100)));
    expect(checkReport(at99, COURSE_PROFILE_31).failures.some((f) => f.question === 4)).toBe(true);
    expect(checkReport(at100, COURSE_PROFILE_31).failures.some((f) => f.question === 4)).toBe(false);
  });
});

describe('setChecked', () => {
  it('changes only the mark between the brackets', () => {
    const before = buildReport();
    const doc = setChecked(parseReport(before), 1, true);
    const after = serializeReport(doc);
    expect(after).toBe(before.replace('* [ ] Create a dedicated', '* [x] Create a dedicated'));
    expect(doc.checklist[1].checked).toBe(true);
    expect(serializeReport(setChecked(doc, 1, false))).toBe(before);
  });

  it('reads groups and module tags', () => {
    const doc = parseReport(buildReport());
    expect(doc.checklist[0]).toMatchObject({ group: 'Week 1', module: 'M5', text: 'Create a git repository', checked: false });
  });
});

describe.skipIf(!corpusAvailable)('edits on the real reports touch only their own bytes', () => {
  for (const file of corpusFiles().filter((f) => f.kind === 'report' && f.expected.error === null)) {
    it(`${file.name}: every answer and box edit is local, other verdicts unchanged`, () => {
      const doc = parseReport(file.text);
      const profile = courseProfile(file.expected.generation as 27 | 31);
      for (const q of doc.questions) {
        const segment = doc.segments[q.answerSegment];
        const edited = serializeReport(setAnswer(doc, q.number, `${q.answer}\n\nAdded sentence number ${q.number}.`));
        expectOnlyRegionChanged(file.text, edited, segment.start, segment.start + segment.text.length);
        const result = checkReport(edited, profile);
        expect(result.error).toBeNull();
        // Every other question keeps the course checker's word and image counts.
        for (const expected of file.expected.per_answer) {
          if (expected.index === q.number) continue;
          const got = result.perAnswer[expected.index - 1];
          expect([got.words, got.images], `Q${expected.index} after editing Q${q.number}`).toEqual([expected.words, expected.images]);
        }
      }
      doc.checklist.forEach((item) => {
        const segment = doc.segments[item.segment];
        const toggled = serializeReport(setChecked(doc, item.index, !item.checked));
        expectOnlyRegionChanged(file.text, toggled, segment.start, segment.start + segment.text.length);
        expect(parseReport(toggled).checklist[item.index].checked).toBe(!item.checked);
      });
    });
  }
});
