import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../../src/core/constraints';
import { setAnswer, setChecked } from '../../../src/core/editReport';
import { findConflictMarkers } from '../../../src/core/merge/conflictMarkers';
import { mergeReports } from '../../../src/core/merge/mergeReports';
import { parseReport } from '../../../src/core/parseReport';
import { findQuestion, serializeReport } from '../../../src/core/reportModel';
import { filledTemplate } from '../doctorSupport';
import { buildReport, words } from '../../support/reportBuilder';

const edit = (text: string, answers: Record<number, string>, ticks: Record<number, boolean> = {}) => {
  let doc = parseReport(text);
  for (const [n, answer] of Object.entries(answers)) doc = setAnswer(doc, Number(n), answer);
  for (const [i, checked] of Object.entries(ticks)) doc = setChecked(doc, Number(i), checked);
  return serializeReport(doc);
};
const answerOf = (text: string, n: number) => findQuestion(parseReport(text), n)!.answer;
const lines = (text: string) => text.split(/\r\n|\r|\n/);

describe('mergeReports: answer by answer', () => {
  const base = filledTemplate();

  it('takes each side\'s answers and boxes, and conflicts only inside the answer both edited (the issue\'s scenario)', () => {
    const mine = edit(base, { 3: `Mine for three. ${words(20, 'a')}`, 7: 'Mine for seven.' });
    const theirs = edit(base, { 4: `Theirs for four. ${words(20, 'b')}`, 7: 'Theirs for seven.' }, { 0: true, 1: true, 5: true });
    const result = mergeReports(base, mine, theirs);

    expect(result.clean).toBe(false);
    expect(result.structural).toEqual([]);
    expect(result.conflicts.map((c) => c.question)).toEqual([7]);
    const [conflict] = result.conflicts;
    expect(conflict).toMatchObject({ mine: 'Mine for seven.', theirs: 'Theirs for seven.', base: answerOf(base, 7) });
    expect(result.text.slice(conflict.range.start, conflict.range.end)).toBe('<<<<<<< ours\nMine for seven.\n=======\nTheirs for seven.\n>>>>>>> theirs');
    expect(lines(result.text)[conflict.line - 1]).toBe('<<<<<<< ours');

    const doc = parseReport(result.text);
    expect(findQuestion(doc, 3)!.answer).toBe(answerOf(mine, 3));
    expect(findQuestion(doc, 4)!.answer).toBe(answerOf(theirs, 4));
    expect(doc.checklist.filter((b) => b.checked).map((b) => b.index)).toEqual([0, 1, 5]);
    // The markers sit inside question 7's answer: its heading and "> Answer:" line are outside,
    // so the checker still finds 31 answers (and counts both versions plus the markers for 7).
    expect(findQuestion(doc, 7)!.answer).toBe('<<<<<<< ours\nMine for seven.\n=======\nTheirs for seven.\n>>>>>>> theirs');
    const check = checkReport(result.text, COURSE_PROFILE_31);
    expect(check.error).toBeNull();
    expect(check.perAnswer[6].words).toBe(3 + 3 + 5);
    const regions = findConflictMarkers(result.text);
    expect(regions.map((r) => [r.insideAnswer, r.questions])).toEqual([[7, [7]]]);
    // Everything but question 7's answer is what applying both sides' edits gives.
    expect(edit(result.text, { 7: 'Mine for seven.' })).toBe(edit(mine, {}, { 0: true, 1: true, 5: true }).replace(answerOf(base, 4), answerOf(theirs, 4)));
  });

  it('merges cleanly when both sides wrote the same answer, even laid out differently', () => {
    const mine = edit(base, { 9: 'Same words.' });
    const theirs = mine.replace('> Answer:\n\nSame words.\n', '> Answer:\nSame words.\n\n');
    expect(theirs).not.toBe(mine);
    const result = mergeReports(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(answerOf(result.text, 9)).toBe('Same words.');
    expect(mergeReports(base, theirs, mine).text).toBe(result.text);
  });

  it('takes the other side\'s rewrite of an answer that one side only re-laid out (no conflict over blank lines)', () => {
    const start = base.replace('> Answer:\n\nq9w1', '> Answer:\nq9w1');
    const relaid = base;
    const rewritten = edit(start, { 9: 'Rewritten nine.' });
    for (const result of [mergeReports(start, relaid, rewritten), mergeReports(start, rewritten, relaid)]) {
      expect(result.clean).toBe(true);
      expect(answerOf(result.text, 9)).toBe('Rewritten nine.');
    }
  });

  it('returns the other side byte for byte when one side is unchanged (CRLF, BOM, no final newline)', () => {
    const crlf = buildReport({ eol: '\r\n', bom: true, finalNewline: false, answers: { 31: 'last answer' } });
    const changed = edit(crlf, { 2: 'two', 31: 'new last answer' }, { 3: true });
    expect(mergeReports(crlf, crlf, changed).text).toBe(changed);
    expect(mergeReports(crlf, changed, crlf).text).toBe(changed);
    expect(mergeReports(crlf, crlf, changed).clean).toBe(true);
  });

  it('ticks a box ticked on either side, unticks one unticked on one side, and never conflicts on neighbouring boxes', () => {
    const start = edit(base, {}, { 2: true });
    const mine = edit(start, {}, { 0: true, 2: false });
    const theirs = edit(start, {}, { 1: true, 3: true });
    const result = mergeReports(start, mine, theirs);
    expect(result.clean).toBe(true);
    expect(parseReport(result.text).checklist.filter((b) => b.checked).map((b) => b.index)).toEqual([0, 1, 3]);
  });

  it('takes a box changed on both sides by its ticked state', () => {
    const mine = base.replace('* [ ] Create a git repository', '* [X] Create a git repository');
    const theirs = base.replace('* [ ] Create a git repository', '* [x] Create a git repository');
    const result = mergeReports(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(parseReport(result.text).checklist[0].checked).toBe(true);
    expect(mergeReports(base, theirs, mine).text).toBe(result.text);
  });

  it('merges template text line by line around the answers (a prompt fixed on one side, answers on the other)', () => {
    const prompt = /> \*\*Enter the group number you signed up on <learn\.inside\.dtu\.dk>\*\*/;
    expect(base).toMatch(prompt);
    const mine = edit(base, { 1: 'Group 42' }).replace(prompt, '> **Enter your group number**');
    const theirs = edit(base, { 2: 's123456, s654321' }).replace('## Coding environment', '## Coding environment\n\nA note we added.');
    const result = mergeReports(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toContain('> **Enter your group number**');
    expect(result.text).toContain('A note we added.');
    expect(answerOf(result.text, 1)).toBe('Group 42');
    expect(answerOf(result.text, 2)).toBe('s123456, s654321');
  });

  it('keeps both versions between markers when the same template line changed differently, and says where', () => {
    const mine = base.replace('### Question 12', '### Question 12 (ours)');
    const theirs = base.replace('### Question 12', '### Question 12 (theirs)');
    const result = mergeReports(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.structural).toHaveLength(1);
    const [s] = result.structural;
    expect(s.questions).toEqual([12]);
    expect(s.message).toMatch(/question 12 was changed differently on both sides/);
    expect(result.text.slice(s.range.start, s.range.end)).toBe('<<<<<<< ours\n### Question 12 (ours)\n=======\n### Question 12 (theirs)\n>>>>>>> theirs\n');
    expect(lines(result.text)[s.line - 1]).toBe('<<<<<<< ours');
  });

  it('deletes a question deleted on one side and untouched on the other', () => {
    const start = base.indexOf('### Question 12');
    const end = base.indexOf('### Question 13');
    const mine = base.slice(0, start) + base.slice(end);
    const theirs = edit(base, { 3: 'three' });
    const result = mergeReports(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(edit(mine, { 3: 'three' }));
  });

  it('does not lose an answer edited on one side when the other deleted its question: a structural conflict', () => {
    const start = base.indexOf('### Question 12');
    const end = base.indexOf('### Question 13');
    const mine = base.slice(0, start) + base.slice(end);
    const theirs = edit(base, { 12: 'Twelve, carefully written.' });
    const result = mergeReports(base, mine, theirs);
    expect(result.clean).toBe(false);
    expect(result.structural).toHaveLength(1);
    expect(result.structural[0].questions).toEqual([12]);
    expect(result.structural[0].message).toMatch(/removed or rewrote question 12 while the other edited its answer/);
    expect(result.text).toContain('Twelve, carefully written.');
    const symmetric = mergeReports(base, theirs, mine);
    expect(symmetric.structural.map((s) => s.questions)).toEqual([[12]]);
  });

  it('writes markers on their own lines for an answer on the "> Answer:" line and for the last answer of a file without a final newline', () => {
    const start = buildReport({ finalNewline: false, answers: { 5: 'five', 31: 'last' } }).replace('> Answer:\n\nfive', '> Answer: five');
    expect(findQuestion(parseReport(start), 5)!.answerOnMarkerLine).toBe(true);
    const mine = start.replace('Answer: five', 'Answer: five by me').replace(/last$/, 'last by me');
    const theirs = start.replace('Answer: five', 'Answer: five by them').replace(/last$/, 'last by them');
    const result = mergeReports(start, mine, theirs);
    expect(result.conflicts.map((c) => c.question)).toEqual([5, 31]);
    expect(result.text).toContain('> Answer:\n\n<<<<<<< ours\nfive by me\n=======\nfive by them\n>>>>>>> theirs\n\n### Question 6');
    expect(result.text.endsWith('> Answer:\n\n<<<<<<< ours\nlast by me\n=======\nlast by them\n>>>>>>> theirs')).toBe(true);
  });

  it('writes the base version too and longer markers when asked (git\'s diff3 style, conflict-marker-size)', () => {
    const crlf = buildReport({ eol: '\r\n', answers: { 8: 'base eight' } });
    const result = mergeReports(crlf, crlf.replace('base eight', 'mine eight'), crlf.replace('base eight', 'their eight'), {
      showBase: true,
      markerSize: 9,
      labels: { mine: 'HEAD', theirs: 'origin/main' },
    });
    const [c] = result.conflicts;
    expect(result.text.slice(c.range.start, c.range.end)).toBe(
      '<<<<<<<<< HEAD\r\nmine eight\r\n||||||||| base\r\nbase eight\r\n=========\r\ntheir eight\r\n>>>>>>>>> origin/main',
    );
  });

  it('writes its markers with the line endings both sides use, when both moved away from the base\'s (Windows members)', () => {
    const lf = buildReport({ answers: { 8: 'base eight' } });
    const crlf = lf.replace(/\n/g, '\r\n');
    const result = mergeReports(lf, crlf.replace('base eight', 'mine eight'), crlf.replace('base eight', 'their eight'), { showBase: true });
    const [c] = result.conflicts;
    expect(result.text.slice(c.range.start, c.range.end)).toBe('<<<<<<< ours\r\nmine eight\r\n||||||| base\r\nbase eight\r\n=======\r\ntheir eight\r\n>>>>>>> theirs');
    expect(result.text).not.toMatch(/[^\r]\n/);
  });

  it('merges answers and ticks into a newer template one member pasted in (reworded prompts and boxes)', () => {
    const older = filledTemplate({ version: '2025-01' });
    const answers = Object.fromEntries(parseReport(older).questions.map((q) => [q.number, q.answer]));
    const upgraded = filledTemplate({ version: '2026-01', answers });
    expect(parseReport(upgraded).checklist[6].text).not.toBe(parseReport(older).checklist[6].text);
    const theirs = edit(older, { 3: 'Theirs, in the old template.', 10: 'Ten.' }, { 0: true, 6: true });
    const result = mergeReports(older, upgraded, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(edit(upgraded, { 3: 'Theirs, in the old template.', 10: 'Ten.' }, { 0: true, 6: true }));
    expect(mergeReports(older, theirs, upgraded).text).toBe(result.text);
  });

  it('keeps both versions of a box when one side reworded it and the other changed more than its tick', () => {
    const mine = base.replace('* [ ] Create a git repository (M5)', '* [ ] Create a git repository on GitHub (M5)');
    const theirs = base.replace('* [ ] Create a git repository (M5)', '* [x] Create a GIT repository (M5)');
    const result = mergeReports(base, mine, theirs);
    expect(result.structural).toHaveLength(1);
    expect(result.structural[0].message).toMatch(/^One side removed or rewrote this part of the report while the other edited an answer or box there/);
    expect(result.text).toContain('* [x] Create a GIT repository (M5)');
    expect(result.text).toContain('on GitHub');
  });

  it('stays fast and loses nothing on a huge file rewritten on one side and edited on the other', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `line ${i}`).join('\n');
    const rewritten = big.replace(/line/g, 'LINE');
    const edited = big.replace('line 500\n', 'line five hundred\n');
    const started = performance.now();
    const result = mergeReports(big, rewritten, edited);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.structural).toHaveLength(1);
    expect(result.text).toContain('line five hundred\n');
    expect(result.text).toContain('LINE 99999');
  });

  it('merges text that holds no template line by line, like git', () => {
    const base = 'one\ntwo\nthree\nfour\n';
    expect(mergeReports(base, 'one\nTWO\nthree\nfour\n', 'one\ntwo\nthree\nFOUR\n').text).toBe('one\nTWO\nthree\nFOUR\n');
    const conflict = mergeReports(base, 'one\nX\nthree\nfour\n', 'one\nY\nthree\nfour\n');
    expect(conflict.text).toBe('one\n<<<<<<< ours\nX\n=======\nY\n>>>>>>> theirs\nthree\nfour\n');
    expect(conflict.structural.map((s) => s.line)).toEqual([2]);
  });
});
