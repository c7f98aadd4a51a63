/**
 * A pasted or generated file can repeat a question heading thousands of times. Each heading without
 * a `> Answer:` line used to be a finding of its own (117 000 in a 2 MB file, hundreds of MB); past
 * a handful per question they are one finding with one fix that inserts every marker.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../src/core/constraints';
import { applyFixes, doctor, repair } from '../../src/core/doctor';
import { buildReport } from '../support/reportBuilder';
import { lineOf, ofKind } from './doctorSupport';

const P31 = COURSE_PROFILE_31;

describe('many headings of one question without "> Answer:"', () => {
  it('are one finding per question, whose fix inserts a marker after each', () => {
    const clean = buildReport({ answers: { 6: 'six', 7: 'seven' } });
    const repeated = '### Question 6\n\nrepeated\n\n'.repeat(500);
    const text = clean.replace('six\n', `six\n\n${repeated}`);
    const findings = ofKind(doctor(text, P31), 'missing-answer-marker');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ question: 6, severity: 'breaks-checker', line: lineOf(text, 'repeated') - 2 });
    expect(findings[0].message).toMatch(/^500 "### Question 6" headings have no "> Answer:" line/);
    // The checker grades this file (it sees none of the repeated headings); inserting 500 markers
    // would make it stop, so the repair withholds that fix and says what it would do.
    expect(checkReport(text, P31).error).toBeNull();
    const repaired = repair(text, P31, 'all');
    expect(repaired.text.match(/^> Answer:$/gm)).toHaveLength(31);
    expect(repaired.withheld.map((w) => w.finding.id)).toEqual([findings[0].id]);
    expect(repaired.withheld[0].after).toMatchObject({ answers: 31 + 500, error: expect.stringMatching(/Number of answers/) });
    // Where the checker stops already, the same fix goes in: every repeated answer is then seen.
    const q8 = text.indexOf('### Question 8\n');
    const marker8 = text.indexOf('> Answer:\n', q8);
    const stopped = text.slice(0, marker8) + text.slice(marker8 + '> Answer:\n'.length);
    expect(checkReport(stopped, P31).error).not.toBeNull();
    const fixed = applyFixes(stopped, P31, 'all');
    expect(fixed.match(/^> Answer:$/gm)).toHaveLength(31 + 500);
  });

  it('a question block pasted many times is one duplicate finding that says how many', () => {
    const clean = buildReport({ answers: { 6: 'six' } });
    const q5 = clean.slice(clean.indexOf('### Question 5\n'), clean.indexOf('### Question 6\n'));
    const findings = ofKind(doctor(clean.replace(q5, q5.repeat(6)), P31), 'duplicate-question');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^"### Question 5" appears 6 times, a second time here\./);
    const twice = ofKind(doctor(clean.replace(q5, q5.repeat(3)), P31), 'duplicate-question');
    expect(twice.map((f) => f.message.slice(0, 40))).toEqual(Array(2).fill('"### Question 5" appears a second time h'));
  });

  it('are still one finding each when there are only a few', () => {
    const clean = buildReport({ answers: { 6: 'six' } });
    const text = clean.replace('six\n', `six\n\n${'### Question 6\n\nrepeated\n\n'.repeat(3)}`);
    expect(ofKind(doctor(text, P31), 'missing-answer-marker')).toHaveLength(3);
  });
});
