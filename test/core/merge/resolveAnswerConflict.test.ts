import { describe, expect, it } from 'vitest';
import { setAnswer } from '../../../src/core/editReport';
import { findConflictMarkers } from '../../../src/core/merge/conflictMarkers';
import { mergeReports } from '../../../src/core/merge/mergeReports';
import { resolveAnswerConflict } from '../../../src/core/merge/resolveAnswerConflict';
import { parseReport } from '../../../src/core/parseReport';
import { serializeReport } from '../../../src/core/reportModel';
import { buildReport } from '../../support/reportBuilder';

const base = buildReport({ eol: '\r\n', answers: { 7: 'seven', 9: 'nine' } });
const edit = (text: string, answers: Record<number, string>) => {
  let doc = parseReport(text);
  for (const [n, a] of Object.entries(answers)) doc = setAnswer(doc, Number(n), a);
  return serializeReport(doc);
};
const mine = edit(base, { 7: 'Mine seven.', 9: 'Mine nine.' });
const theirs = edit(base, { 7: 'Their seven.\n\nSecond paragraph.', 9: 'Their nine.' });

describe('resolveAnswerConflict (keep mine / theirs / both / edited)', () => {
  const merged = mergeReports(base, mine, theirs);
  const [seven, nine] = merged.conflicts;

  it('gives exactly the report with that answer, keeping the other conflict as it is', () => {
    const kept = resolveAnswerConflict(merged.text, seven, 'mine');
    expect(findConflictMarkers(kept).map((r) => r.insideAnswer)).toEqual([9]);
    expect(resolveAnswerConflict(kept, nine, 'theirs')).toBe(edit(base, { 7: 'Mine seven.', 9: 'Their nine.' }));
  });

  it('keeps both as two paragraphs, or an edited text, in the file\'s own line endings', () => {
    const both = resolveAnswerConflict(resolveAnswerConflict(merged.text, seven, 'both'), nine, { text: 'Nine, combined.' });
    expect(both).toBe(edit(base, { 7: 'Mine seven.\n\nTheir seven.\n\nSecond paragraph.', 9: 'Nine, combined.' }));
    expect(both).not.toMatch(/[^\r]\n/);
  });
});
