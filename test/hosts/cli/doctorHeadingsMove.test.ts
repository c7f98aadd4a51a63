/**
 * `doctor --fix --headings move` on a synthetic report: the course's checker cuts an answer at its
 * first `##`/`###`, so a moved heading goes below the answer and the text under it stays where it
 * was, now counted for the same question. The output says so per question, heading by heading,
 * with the checker's count before and after.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../../src/core/checkReport';
import { COURSE_PROFILE_31 } from '../../../src/core/constraints';
import { assertCliBuilt, runCliProcess, tempRepo } from '../../support/cli';
import { buildReport, words } from '../../support/reportBuilder';

beforeAll(assertCliBuilt);

const answer6 = `${words(50, 'intro')}\n\n#### Backend\n\n${words(40, 'backend')}\n\n#### Frontend\n\n${words(30, 'frontend')}`;
const answer9 = `${words(80, 'nine')}\n\n## Notes\n\n${words(25, 'notes')}`;

describe('doctor --fix --headings move', () => {
  it('says per question which headings moved, where their text went, and the counts before and after', () => {
    const text = buildReport({ answers: { 6: answer6, 9: answer9 } });
    expect(checkReport(text, COURSE_PROFILE_31).perAnswer[5].words).toBe(50);
    expect(checkReport(text, COURSE_PROFILE_31).perAnswer[8].words).toBe(80);
    const repo = tempRepo({ 'reports/README.md': text });
    const run = runCliProcess(['doctor', repo, '--fix', '--headings', 'move']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  Q6: moved "#### Backend" (the 40 words under it stay in place), "#### Frontend" (the 30 words under it stay in place) below the answer; the checker counts 50 → 120 words\n',
    );
    expect(run.stdout).toContain(
      '  Q9: moved "## Notes" (the 25 words under it stay in place) below the answer; the checker counts 80 → 105 words\n',
    );

    const fixed = readFileSync(join(repo, 'reports/README.md'), 'utf8');
    const check = checkReport(fixed, COURSE_PROFILE_31);
    expect(check.error).toBeNull();
    // Every word the student wrote is counted for the question it was written in.
    expect(check.perAnswer[5].words).toBe(120);
    expect(check.perAnswer[5].text).toContain(words(40, 'backend'));
    expect(check.perAnswer[5].text).toContain(words(30, 'frontend'));
    expect(check.perAnswer[8].words).toBe(105);
    expect(fixed).toContain(`${words(30, 'frontend')}\n\n#### Backend\n\n#### Frontend`);
  });

  it('adds no such note when headings become bold text (the default)', () => {
    const repo = tempRepo({ 'reports/README.md': buildReport({ answers: { 6: answer6 } }) });
    const run = runCliProcess(['doctor', repo, '--fix']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/Q6: moved/);
    expect(run.stdout).toMatch(/make the heading bold text/);
  });
});
