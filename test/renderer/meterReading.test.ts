import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../src/core/analyzeReport';
import { COURSE_PROFILE_27, COURSE_PROFILE_31, type CheckerProfile } from '../../src/core/constraints';
import { setAnswer } from '../../src/core/editReport';
import { parseReport } from '../../src/core/parseReport';
import { findQuestion, serializeReport } from '../../src/core/reportModel';
import { editorTextOf } from '../../src/renderer/model/answerText';
import { baselineOf, liveReading, touchesCheckerSplit } from '../../src/renderer/model/meterReading';
import { filledTemplate, words } from './support/filledTemplate';

/** What a full re-analysis says about question `number` after its editor holds `editorText`. */
function fullReading(text: string, profile: CheckerProfile, number: number, editorText: string) {
  const doc = setAnswer(parseReport(text), number, editorText);
  const view = analyzeReport(serializeReport(doc), profile, doc).questions.find((q) => q.number === number)!;
  return { words: view.words, images: view.images, status: view.status };
}

function liveAfter(text: string, profile: CheckerProfile, number: number, editorText: string) {
  const doc = parseReport(text);
  const view = analyzeReport(text, profile, doc).questions.find((q) => q.number === number)!;
  return liveReading(baselineOf(view, findQuestion(doc, number)!), editorText);
}

const reports: [string, string, CheckerProfile][] = [
  [
    '31 questions',
    filledTemplate({ answers: { 4: words(99), 7: 'short', 14: `${words(210)}\n\n![a](figures/a.png)` } }),
    COURSE_PROFILE_31,
  ],
  [
    '27 questions (front matter, first answer dropped)',
    filledTemplate({ generation: 27, answers: { 4: words(150) } }),
    COURSE_PROFILE_27,
  ],
  ['CRLF', filledTemplate({ eol: '\r\n', answers: { 5: words(120) } }), COURSE_PROFILE_31],
  ['no final newline', filledTemplate({ finalNewline: false, answers: { 31: words(60) } }), COURSE_PROFILE_31],
  [
    'bold Answer: marker',
    filledTemplate({ answers: { 6: words(100) } }).replace('> Answer:\n\nword1', '> **Answer:**\n\nword1'),
    COURSE_PROFILE_31,
  ],
];

/** Answers a student types: words, markdown, images, blank lines — nothing the checker's split reacts to. */
const typedAnswer = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'word',
        'The',
        'model',
        '**bold**',
        '`code`',
        '-',
        '1.',
        '![fig](figures/a.png)',
        '[link](http://x)',
        'ÆØÅ',
        '😀',
      ),
      fc.constantFrom(' ', '  ', '\n', '\n\n', '\t'),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('live meter readings equal a full re-analysis', () => {
  for (const [name, text, profile] of reports) {
    it(`${name}: any typed answer, any question`, () => {
      const numbers = parseReport(text).questions.map((q) => q.number);
      fc.assert(
        fc.property(fc.constantFrom(...numbers), typedAnswer, (number, editorText) => {
          const live = liveAfter(text, profile, number, editorText);
          expect(live.exact).toBe(true);
          expect({ words: live.words, images: live.images, status: live.status }).toEqual(
            fullReading(text, profile, number, editorText),
          );
        }),
        { numRuns: 150 },
      );
    });
  }

  it('an empty editor counts the placeholder the file will hold (6 words) and is "empty"', () => {
    const text = filledTemplate();
    const live = liveAfter(text, COURSE_PROFILE_31, 4, '');
    expect(live).toEqual({ words: 6, images: 0, status: 'empty', exact: true });
  });

  it('crossing a range boundary changes the status on the keystroke', () => {
    const text = filledTemplate({ answers: { 4: words(99) } });
    expect(liveAfter(text, COURSE_PROFILE_31, 4, words(99)).status).toBe('too-short');
    expect(liveAfter(text, COURSE_PROFILE_31, 4, `${words(99)} more`).status).toBe('ok');
    expect(liveAfter(text, COURSE_PROFILE_31, 4, words(201)).status).toBe('too-long');
  });

  it('marks the reading inexact when the text touches the checker split', () => {
    const text = filledTemplate({ answers: { 4: words(120) } });
    expect(liveAfter(text, COURSE_PROFILE_31, 4, `${words(120)}\n## Heading`).exact).toBe(false);
    expect(liveAfter(text, COURSE_PROFILE_31, 4, `Answer: ${words(3)}`).exact).toBe(false);
    expect(touchesCheckerSplit('# Question 3')).toBe(true);
    expect(touchesCheckerSplit('issue #12 and C# are fine')).toBe(false);
  });

  it('the editor shows a placeholder-only answer as empty', () => {
    const doc = parseReport(filledTemplate({ answers: { 5: 'Real text' } }));
    expect(editorTextOf(findQuestion(doc, 4)!)).toBe('');
    expect(editorTextOf(findQuestion(doc, 5)!)).toBe('Real text');
  });
});
