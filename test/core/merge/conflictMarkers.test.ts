import { describe, expect, it } from 'vitest';
import { COURSE_PROFILE_31 } from '../../../src/core/constraints';
import { doctor } from '../../../src/core/doctor';
import { conflictWarnings, findConflictMarkers, resolveConflictRegion } from '../../../src/core/merge/conflictMarkers';
import { mergeReports } from '../../../src/core/merge/mergeReports';
import { buildReport } from '../../support/reportBuilder';

const base = buildReport({ answers: { 7: 'seven as it was', 8: 'eight as it was' } });
/** What `git merge` leaves when both sides edited neighbouring questions: one region over both. */
const gitStyle = base.replace(
  'seven as it was\n\n### Question 8',
  '<<<<<<< HEAD\nseven by A\n=======\nseven as it was\n>>>>>>> origin/main\n\n### Question 8',
);
const spanning = base.replace(
  /seven as it was\n\n### Question 8\n([\s\S]*?)eight as it was\n/,
  (_all, middle: string) => `<<<<<<< HEAD\nseven by A\n\n### Question 8\n${middle}eight as it was\n=======\nseven as it was\n\n### Question 8\n${middle}eight by B\n>>>>>>> origin/main\n`,
);

describe('findConflictMarkers', () => {
  it('finds a region inside one answer, with its labels, versions and lines', () => {
    const [region, ...rest] = findConflictMarkers(gitStyle);
    expect(rest).toEqual([]);
    expect(region).toMatchObject({ insideAnswer: 7, questions: [7], complete: true, oursLabel: 'HEAD', theirsLabel: 'origin/main', ours: 'seven by A\n', theirs: 'seven as it was\n', base: null });
    const lines = gitStyle.split('\n');
    expect(lines[region.line - 1]).toBe('<<<<<<< HEAD');
    expect(lines[region.endLine - 1]).toBe('>>>>>>> origin/main');
    expect(resolveConflictRegion(gitStyle, region, 'theirs')).toBe(base);
    expect(resolveConflictRegion(gitStyle, region, 'ours')).toBe(base.replace('seven as it was', 'seven by A'));
    expect(resolveConflictRegion(gitStyle, region, 'both')).toBe(base.replace('seven as it was', 'seven by A\nseven as it was'));
    expect(resolveConflictRegion(gitStyle, region, { text: 'combined\n' })).toBe(base.replace('seven as it was', 'combined'));
  });

  it('finds the regions mergeReports writes (diff3 style and CRLF included) in the answers they belong to', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const result = mergeReports(crlf, crlf.replace('seven as it was', 'seven by A'), crlf.replace('seven as it was', 'seven by B'), { showBase: true });
    const [region] = findConflictMarkers(result.text);
    expect(region).toMatchObject({ insideAnswer: 7, ours: 'seven by A\r\n', base: 'seven as it was\r\n', theirs: 'seven by B\r\n', oursLabel: 'ours', theirsLabel: 'theirs' });
    expect(region.line).toBe(result.conflicts[0].line);
  });

  it('names every question a region spans when git put headings inside it', () => {
    const [region] = findConflictMarkers(spanning);
    expect(region.insideAnswer).toBeNull();
    expect(region.questions).toEqual([7, 8]);
  });

  it('ignores a lone "=======" (a setext heading), a stray "<<<<<<<" in a code sample and longer runs of other sizes', () => {
    const text = base.replace('seven as it was', 'A title\n=======\n\n```\n<<<<<<< HEAD\n```\n\n>>>>>>>> not a marker of the same size');
    expect(findConflictMarkers(text)).toEqual([]);
  });

  it('reports a region that is never closed', () => {
    const text = base.replace('seven as it was', '<<<<<<< HEAD\nseven by A\n=======\nseven');
    const [region] = findConflictMarkers(text);
    expect(region).toMatchObject({ complete: false, ours: 'seven by A\n' });
    expect(region.end).toBe(text.length);
  });
});

describe('conflict markers in check and doctor', () => {
  it('check warns that the question has an unresolved merge conflict', () => {
    expect(conflictWarnings(gitStyle)).toEqual([
      expect.objectContaining({ kind: 'merge-conflict', question: 7, message: expect.stringMatching(/^Question 7 has an unresolved merge conflict \(lines \d+–\d+\)/) }),
    ]);
    expect(conflictWarnings(base)).toEqual([]);
  });

  it('doctor: markers inside an answer change the grade; a region holding headings breaks the checker; neither has an automatic fix', () => {
    const inside = doctor(gitStyle, COURSE_PROFILE_31).filter((f) => f.kind === 'merge-conflict');
    expect(inside).toEqual([expect.objectContaining({ severity: 'changes-grade', question: 7 })]);
    expect(inside[0].fix).toBeUndefined();
    const across = doctor(spanning, COURSE_PROFILE_31).filter((f) => f.kind === 'merge-conflict');
    expect(across).toEqual([expect.objectContaining({ severity: 'breaks-checker', question: 7 })]);
    expect(across[0].message).toMatch(/spans questions 7 and 8/);
  });
});
