import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_27, COURSE_PROFILE_31 } from '../../src/core/constraints';
import { applyFixes, doctor, JEKYLL_HEADER, lineDiff, repair } from '../../src/core/doctor';
import { parseReport } from '../../src/core/parseReport';
import { latestBlankTemplate } from '../../src/core/templateVersion';
import { buildReport, words } from '../support/reportBuilder';
import {
  answerFor,
  expectCheckerHappy,
  expectWordsKept,
  filledTemplate,
  kinds,
  lineOf,
  ofKind,
  questionBlock,
  replaceNth,
} from './doctorSupport';

const P31 = COURSE_PROFILE_31;
const P27 = COURSE_PROFILE_27;
const answerOf = (text: string, n: number) => parseReport(text).questions.find((q) => q.number === n)?.answer;

describe('a report that follows the template', () => {
  it('has no findings, in either generation, with CRLF and a BOM too', () => {
    expect(doctor(filledTemplate(), P31)).toEqual([]);
    expect(doctor(filledTemplate({ generation: 27, version: '2023-09' }), P27)).toEqual([]);
    expect(doctor(filledTemplate({ eol: '\r\n', bom: true }), P31)).toEqual([]);
    const text = filledTemplate();
    expect(applyFixes(text, P31, 'all')).toBe(text);
  });
});

describe('a deleted "> Answer:" line', () => {
  it('breaks the checker, and the fix puts the line back after the prompt', () => {
    const text = buildReport({ dropMarker: [5], answers: { 5: 'five', 6: 'six' } });
    expect(checkReport(text, P31).error).toMatch(/expected 31/);
    const [finding] = ofKind(doctor(text, P31), 'missing-answer-marker');
    expect(finding).toMatchObject({ severity: 'breaks-checker', question: 5 });
    expect(finding.message).toMatch(/every later answer is graded as the question before it/);
    expect(finding.fix?.label).toMatch(/insert "> Answer:"/);
    const fixed = applyFixes(text, P31, 'all');
    expect(fixed).toBe(buildReport({ answers: { 5: 'five', 6: 'six' } }));
    expectCheckerHappy(fixed, 31);
    expect(checkReport(fixed, P31).perAnswer[4].text).toBe('five');
  });

  it('puts it after the template prompt, not after an answer written as a quote', () => {
    // seed-001's question 31: the answer itself is a quote block under the prompt.
    const answer = '> Student s1 did the API.\n>\n> Student s2 did the cloud.';
    const clean = filledTemplate({ answers: { 31: answer } });
    const text = replaceNth(clean, '> Answer:', '', 30).replace(/\n\n\n/g, '\n\n');
    const fixed = applyFixes(text, P31, 'all');
    expect(answerOf(fixed, 31)).toBe(answer);
    expectWordsKept(text, fixed, 31);
    expectCheckerHappy(fixed, 31);
  });

  it('separates an answer glued to the prompt, which markdown pulled into the quote', () => {
    // seed-001's question 19: "[GCP Bucket data](...)" right under the prompt's last ">".
    const clean = filledTemplate({ answers: { 19: '![bucket](figures/bucket_data.png)' } });
    const block = questionBlock(clean, 19);
    const drifted = block.replace('> Answer:\n\n', '');
    const text = clean.replace(block, drifted);
    const fixed = applyFixes(text, P31, 'all');
    expect(questionBlock(fixed, 19)).toBe(block);
    expectCheckerHappy(fixed, 31);
  });

  it('repairs several at once (seed-001 lost seven), the last question included', () => {
    let text = filledTemplate();
    for (const n of [31, 22, 21, 20, 19, 18, 16]) text = text.replace(questionBlock(text, n), questionBlock(text, n).replace(/> Answer:\n/, ''));
    expect(checkReport(text, P31).answers).toBe(25);
    const findings = ofKind(doctor(text, P31), 'missing-answer-marker');
    expect(findings.map((f) => f.question)).toEqual([16, 18, 19, 20, 21, 22, 31]);
    expect(findings[6].message).toMatch(/one answer too few/);
    const fixed = applyFixes(text, P31, 'all');
    expectWordsKept(text, fixed, 31);
    expectCheckerHappy(fixed, 31);
    for (const n of [16, 31]) expect(answerOf(fixed, n)).toBe(answerFor(n));
  });
});

describe('a deleted or renamed question heading', () => {
  it('finds the question by its template prompt and restores "### Question N"', () => {
    const clean = filledTemplate();
    const text = clean.replace('### Question 16\n\n', '');
    expect(checkReport(text, P31).error).not.toBeNull();
    const finding = doctor(text, P31).find((f) => f.kind === 'missing-question-heading')!;
    expect(finding).toMatchObject({ severity: 'breaks-checker', question: 16 });
    expect(finding.line).toBe(lineOf(text, 'When running into bugs'));
    const fixed = applyFixes(text, P31, 'all');
    expect(fixed).toBe(clean);
  });

  it('replaces a renamed heading, and restores a missing "> Answer:" with it', () => {
    const clean = filledTemplate();
    const block = questionBlock(clean, 16);
    const text = clean.replace(block, block.replace('### Question 16', '### Q16 - Debugging').replace('> Answer:\n', ''));
    const [finding] = doctor(text, P31).filter((f) => f.question === 16);
    expect(finding.kind).toBe('missing-question-heading');
    expect(finding.message).toMatch(/reads "### Q16 - Debugging"/);
    expect(finding.message).toMatch(/"> Answer:" line is missing too/);
    // The student's own title stays after the template's heading: a repair drops none of their words.
    expect(applyFixes(text, P31, 'all')).toBe(clean.replace('### Question 16\n', '### Question 16: Debugging\n'));
  });

  it("keeps a heading of the student's that ends the answer before as it is, and a title naming the question goes", () => {
    const clean = filledTemplate();
    const ownHeading = clean.replace(`${answerFor(15)}\n\n### Question 16\n`, `${answerFor(15)}\n\n#### Summary\n`);
    expect(applyFixes(ownHeading, P31, 'all')).toBe(clean.replace(`${answerFor(15)}\n\n`, `${answerFor(15)}\n\n#### Summary\n\n`));
    const title = clean.replace('### Question 16\n', '**Question 16: debugging**\n');
    expect(applyFixes(title, P31, 'all')).toBe(clean.replace('### Question 16\n', '### Question 16: debugging\n'));
  });

  it('takes a repeated number above another question prompt as that question renamed', () => {
    const clean = filledTemplate();
    const text = clean.replace('### Question 6\n', '### Question 5\n');
    const finding = doctor(text, P31).find((f) => f.question === 6)!;
    expect(finding.kind).toBe('missing-question-heading');
    expect(applyFixes(text, P31, 'all')).toBe(clean);
  });

  it('works with prompts the student rewrote: the swallowed quote block that ends in "> Answer:"', () => {
    const answers = { 11: 'eleven', 12: 'twelve', 13: 'thirteen' };
    for (const dropped of [12, 13]) {
      const text = buildReport({ dropHeading: [dropped], answers });
      const fixed = applyFixes(text, P31, 'all');
      expect(fixed, `question ${dropped}`).toBe(buildReport({ answers }));
      expectCheckerHappy(fixed, 31);
    }
  });

  it('restores heading and prompt above an "> Answer:" line left on its own', () => {
    const clean = filledTemplate();
    const block = questionBlock(clean, 13);
    const text = clean.replace(block, block.slice(block.indexOf('> Answer:')));
    const finding = ofKind(doctor(text, P31), 'missing-question-heading')[0];
    expect(finding.message).toMatch(/only its "> Answer:" line is left/);
    expect(applyFixes(text, P31, 'all')).toBe(clean);
  });

  it('restores a question deleted entirely, with the template prompt and an empty answer', () => {
    const clean = filledTemplate();
    const text = clean.replace(questionBlock(clean, 7), '');
    const finding = doctor(text, P31).find((f) => f.kind === 'missing-question')!;
    expect(finding).toMatchObject({ severity: 'breaks-checker', question: 7 });
    const fixed = applyFixes(text, P31, 'all');
    expectCheckerHappy(fixed, 31);
    expectWordsKept(text, fixed, 31);
    expect(questionBlock(fixed, 7)).toBe(questionBlock(latestBlankTemplate(31).text, 7));
    expect(ofKind(doctor(fixed, P31), 'unanswered').map((f) => f.question)).toEqual([7]);
    // The first question of a section goes back under its section heading.
    const noQ4 = clean.replace(questionBlock(clean, 4), '');
    const fixed4 = applyFixes(noQ4, P31, 'all');
    expect(fixed4.indexOf('### Question 4')).toBeGreaterThan(fixed4.indexOf('## Coding environment'));
    expect(fixed4.indexOf('### Question 4')).toBeLessThan(fixed4.indexOf('### Question 5'));
  });

  it('grades heading spellings by what they do to the checker', () => {
    const clean = filledTemplate();
    const cases: [string, string, string][] = [
      ['## Question 9', 'breaks-checker', '### Question 9'], // no "###" left between two Answer: lines
      ['#### question 9', 'cosmetic', '### Question 9'],
      ['###\u00a0Question 9', 'cosmetic', '### Question 9'], // a non-breaking space pasted from the web
      // The student's own words after the heading are told, never dropped: no fix.
      ['### Question 9 CHECK', 'cosmetic', '### Question 9 CHECK'],
      ['#### Question 9 (written by Anna)', 'cosmetic', '### Question 9 (written by Anna)'],
    ];
    for (const [heading, severity, repaired] of cases) {
      const text = clean.replace('### Question 9\n', `${heading}\n`);
      const findings = doctor(text, P31);
      expect(findings.filter((f) => f.question === 9), heading).toHaveLength(1);
      const finding = findings.find((f) => f.kind === 'question-heading-format');
      expect(finding, heading).toMatchObject({ severity, question: 9, line: lineOf(text, heading) });
      expect(applyFixes(text, P31, 'all'), heading).toBe(clean.replace('### Question 9\n', `${repaired}\n`));
    }
  });
});

describe('quote lines joined by a formatter', () => {
  it('splits them back into the template lines (seed-002)', () => {
    const clean = filledTemplate();
    const text = clean
      .replace(
        '> **Did you end up using any open-source frameworks/packages not covered in the course during your project? If so**\n> **which did you use',
        '> **Did you end up using any open-source frameworks/packages not covered in the course during your project? If so** > **which did you use',
      )
      .replace('the*\n> *package to do', 'the* > *package to do');
    const [finding] = doctor(text, P31);
    expect(finding).toMatchObject({ kind: 'joined-quote-lines', severity: 'changes-grade', question: 3 });
    expect(finding.message).toMatch(/lines \d+, \d+/);
    expect(applyFixes(text, P31, 'all')).toBe(clean);
  });

  it('leaves a student\'s own "a > b" alone', () => {
    const text = filledTemplate({ answers: { 8: '> latency > 100 ms was our alarm threshold, see the dashboard' } });
    expect(doctor(text, P31)).toEqual([]);
  });
});

describe('the "> Answer:" line', () => {
  it('moves an answer written on the marker line below it, keeping CRLF', () => {
    const clean = filledTemplate({ eol: '\r\n' });
    const text = clean.replace(`> Answer:\r\n\r\n${answerFor(12)}`, `> Answer: ${answerFor(12)}`);
    const [finding] = doctor(text, P31);
    expect(finding).toMatchObject({ kind: 'answer-on-marker-line', severity: 'changes-grade', question: 12 });
    const fixed = applyFixes(text, P31, 'all');
    expect(fixed).toBe(clean);
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('inserts a blank line under a marker the answer is glued to, but not under ">" or "---"', () => {
    const clean = filledTemplate();
    const glued = clean.replace(`> Answer:\n\n${answerFor(26)}`, `> Answer:\n${answerFor(26)}`);
    expect(doctor(glued, P31)).toMatchObject([{ kind: 'answer-glued-to-marker', question: 26, line: lineOf(glued, answerFor(26)) }]);
    expect(applyFixes(glued, P31, 'all')).toBe(clean);
    expect(doctor(clean.replace(`> Answer:\n\n${answerFor(26)}`, `> Answer:\n---\n${answerFor(26)}`), P31)).toEqual([]);
    expect(doctor(clean.replace(`> Answer:\n\n${answerFor(26)}`, `> Answer:\n>\n\n${answerFor(26)}`), P31)).toEqual([]);
  });

  it('writes ">Answer:" and friends as "> Answer:" (cosmetic)', () => {
    const clean = filledTemplate();
    for (const variant of ['>Answer:', 'Answer:', '> **Answer:**']) {
      const text = replaceNth(clean, '> Answer:', variant, 0);
      expect(doctor(text, P31), variant).toMatchObject([{ kind: 'marker-format', severity: 'cosmetic', question: 1 }]);
      expect(applyFixes(text, P31, 'all')).toBe(clean);
    }
  });
});

describe('headings inside an answer', () => {
  const answer = `${words(10)}\n\n#### Details\n\n${words(20, 'lost')}`;
  const text = buildReport({ answers: { 5: answer } });

  it('cut the answer for the checker; by default they become bold text', () => {
    const [finding] = doctor(text, P31).filter((f) => f.kind === 'heading-in-answer');
    expect(finding).toMatchObject({ severity: 'changes-grade', question: 5, line: lineOf(text, '#### Details') });
    expect(finding.fix?.options?.map((o) => o.id)).toEqual(['bold', 'move']);
    expect(checkReport(text, P31).perAnswer[4].words).toBe(10);
    const fixed = applyFixes(text, P31, 'all');
    expect(answerOf(fixed, 5)).toBe(`${words(10)}\n\n**Details**\n\n${words(20, 'lost')}`);
    expect(checkReport(fixed, P31).perAnswer[4].words).toBe(31);
    expectWordsKept(text, fixed, 31);
  });

  it('or move below the answer, as the user picks (by finding or by kind)', () => {
    const [finding] = doctor(text, P31).filter((f) => f.kind === 'heading-in-answer');
    for (const choices of [{ [finding.id]: 'move' }, { 'heading-in-answer': 'move' }]) {
      const fixed = applyFixes(text, P31, [finding.id], choices);
      expect(answerOf(fixed, 5)).toBe(`${words(10)}\n\n${words(20, 'lost')}\n\n#### Details`);
      expect(checkReport(fixed, P31).perAnswer[4].words).toBe(30);
      expectWordsKept(text, fixed, 31, { reordered: true });
      expect(ofKind(doctor(fixed, P31), 'heading-in-answer')).toEqual([]);
    }
  });

  it('keep their order when several move, and keep list markers and bold text when made bold', () => {
    const several = buildReport({ answers: { 5: `intro\n\n## One\n\nfirst\n\n### Two\n\nsecond` } });
    expect(answerOf(applyFixes(several, P31, 'all', { 'heading-in-answer': 'move' }), 5)).toBe('intro\n\nfirst\n\nsecond\n\n## One\n\n### Two');
    const styled = buildReport({ answers: { 5: `- ### Locally:\n  run it\n- ### Cloud:\n  deploy it\n\n#### **Backend API Design**\ntext ##` } });
    expect(answerOf(applyFixes(styled, P31, 'all'), 5)).toBe('- **Locally:**\n  run it\n- **Cloud:**\n  deploy it\n\n**Backend API Design**\n\ntext ##');
  });

  it('in the last answer add an answer and break the checker; only bold text helps there', () => {
    const last = buildReport({ answers: { 31: `${words(60)}\n\n### Use of AI\n\n${words(10)}` } });
    expect(checkReport(last, P31).answers).toBe(32);
    const [finding] = ofKind(doctor(last, P31), 'heading-in-answer');
    expect(finding.severity).toBe('breaks-checker');
    expect(finding.fix?.options?.map((o) => o.id)).toEqual(['bold']);
    const fixed = applyFixes(last, P31, 'all', { 'heading-in-answer': 'move' });
    expectCheckerHappy(fixed, 31);
    expect(answerOf(fixed, 31)).toContain('**Use of AI**');
  });

  it('reports "##" in code or mid-line without a fix (only the student can reword it)', () => {
    const code = buildReport({ answers: { 6: `${words(5)}\n\n\`\`\`bash\n## install\npip install x\n\`\`\`\n\n${words(50)}` } });
    const [finding] = ofKind(doctor(code, P31), 'hashes-in-answer');
    expect(finding).toMatchObject({ severity: 'changes-grade', question: 6 });
    expect(finding.fix).toBeUndefined();
    expect(finding.message).toMatch(/single "#"/);
    expect(applyFixes(code, P31, 'all')).toBe(code);
  });
});

describe('"Answer:" typed inside an answer', () => {
  it('is written with an entity that renders as ":" but no longer splits', () => {
    const text = buildReport({ answers: { 6: 'First part. Answer: second part' } });
    const [finding] = ofKind(doctor(text, P31), 'extra-answer-marker');
    expect(finding).toMatchObject({ question: 6, severity: 'changes-grade', line: lineOf(text, 'First part.') });
    expect(checkReport(text, P31).perAnswer[5].words).toBe(2);
    const fixed = applyFixes(text, P31, 'all');
    expect(answerOf(fixed, 6)).toBe('First part. Answer&#58; second part');
    expect(checkReport(fixed, P31).perAnswer[5].words).toBe(5);
    expectWordsKept(text, fixed, 31);
  });

  it('uses an invisible word joiner inside code, where an entity would show as typed', () => {
    const text = buildReport({ answers: { 6: 'Run `grep Answer: README.md` to see.' } });
    const fixed = applyFixes(text, P31, 'all');
    expect(answerOf(fixed, 6)).toBe('Run `grep Answer\u2060: README.md` to see.');
    expect(checkReport(fixed, P31).perAnswer[5].words).toBe(6);
  });

  it('breaks the checker when it adds an answer (a "###" before it), and is fixed then too', () => {
    const text = buildReport({ answers: { 6: 'intro\n\n### Part\n\nmore. Answer: yes' } });
    expect(checkReport(text, P31).error).not.toBeNull();
    expect(ofKind(doctor(text, P31), 'extra-answer-marker')[0].severity).toBe('breaks-checker');
    const fixed = applyFixes(text, P31, 'all');
    expectCheckerHappy(fixed, 31);
    expectWordsKept(text, fixed, 31);
  });

  it('removes a repeated "> Answer:" line, which carries no words', () => {
    const clean = buildReport({ answers: { 6: 'six' } });
    const text = clean.replace('> Answer:\n\nsix', '> Answer:\n\n> Answer:\n\nsix');
    expect(ofKind(doctor(text, P31), 'extra-answer-marker')).toMatchObject([{ question: 6, line: lineOf(text, 'six') - 2 }]);
    expect(applyFixes(text, P31, 'all')).toBe(clean.replace('> Answer:\n\nsix', '> Answer:\n\n\nsix'));
  });

  it('reports thousands of repeated "> Answer:" lines in a question as one finding, and removes them all', () => {
    const clean = buildReport({ answers: { 6: 'six', 7: 'seven' } });
    const text = clean.replace('> Answer:\n\nsix', `> Answer:\n\n${'> Answer:\n'.repeat(5_000)}\nsix`);
    const findings = ofKind(doctor(text, P31), 'extra-answer-marker');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ question: 6, line: lineOf(text, 'six') - 5_001 });
    expect(findings[0].message).toMatch(/^5000 repeated "> Answer:" lines in question 6/);
    expect(findings[0].fix?.label).toBe('remove the 5000 repeated "> Answer:" lines');
    const fixed = applyFixes(text, P31, 'all');
    expect(fixed.match(/^> Answer:$/gm)).toHaveLength(31);
    expectCheckerHappy(fixed, 31);
    expectWordsKept(text, fixed, 31);
  });

  it('is found outside the questions too', () => {
    const text = buildReport().replace('This is the report template for the exam.', 'Answer: this is the report template for the exam.');
    const [finding] = ofKind(doctor(text, P31), 'extra-answer-marker');
    expect(finding).toMatchObject({ question: null, line: 3 });
  });
});

describe('placeholders and TODO marks', () => {
  it('removes a placeholder left next to an answer; an unanswered question is only reported', () => {
    const text = buildReport({ answers: { 14: `--- question 14 fill here ---\n\n${words(30)}` } });
    const found = doctor(text, P31);
    const placeholder = ofKind(found, 'placeholder')[0];
    expect(placeholder).toMatchObject({ question: 14, severity: 'changes-grade', line: lineOf(text, '--- question 14 fill here ---') });
    const unanswered = ofKind(found, 'unanswered');
    expect(unanswered).toHaveLength(30);
    expect(unanswered.every((f) => f.fix === undefined)).toBe(true);
    const fixed = applyFixes(text, P31, 'all');
    expect(answerOf(fixed, 14)).toBe(words(30));
    expect(checkReport(fixed, P31).perAnswer[13].words).toBe(30);
  });

  it('reports TODO, FIXME and TBD without a fix', () => {
    const text = filledTemplate({ answers: { 14: '!TODO LINXIN\n\nWe tracked loss.', 20: 'FIXME add the picture' } });
    const todos = ofKind(doctor(text, P31), 'todo');
    expect(todos.map((f) => [f.question, f.line])).toEqual([
      [14, lineOf(text, '!TODO LINXIN')],
      [20, lineOf(text, 'FIXME add')],
    ]);
    expect(todos.every((f) => f.fix === undefined)).toBe(true);
  });
});

describe('the Jekyll header of a 27-question report', () => {
  const header = JEKYLL_HEADER.join('\n') + '\n';

  it('is inserted when missing, so the 43 characters the course cuts are the header', () => {
    const clean = filledTemplate({ generation: 27, version: '2023-09' });
    expect(clean.slice(0, 43)).toBe(header);
    const text = clean.slice(43);
    const [finding] = doctor(text, P27);
    expect(finding).toMatchObject({ kind: 'front-matter', severity: 'changes-grade', line: 1 });
    expect(finding.message).toMatch(/graded page begins with "Operations"/);
    expect(applyFixes(text, P27, 'all')).toBe(clean);
    // The 2024-11 template came without a header: the course's own cut, so only cosmetic there.
    const v2411 = filledTemplate({ generation: 27, version: '2024-11' });
    expect(doctor(v2411, P27)).toMatchObject([{ kind: 'front-matter', severity: 'cosmetic' }]);
    expect(applyFixes(v2411, P27, 'all').slice(0, 43)).toBe(header);
    // The 31-question generation has no header and no cut.
    expect(ofKind(doctor(filledTemplate(), P31), 'front-matter')).toEqual([]);
  });

  it('gets its blank line back (real-009), in the file\'s line endings', () => {
    const clean = filledTemplate({ generation: 27, version: '2023-09', eol: '\r\n' });
    const text = clean.replace('---\r\n\r\n#', '---\r\n#');
    expect(doctor(text, P27)[0].message).toMatch(/begins with "Exam template/);
    expect(applyFixes(text, P27, 'all')).toBe(clean);
  });
});

describe('the checklist', () => {
  it('normalises foreign marks in one finding, and checklist headings at another level', () => {
    const clean = buildReport({ checked: [0] });
    const text = clean
      .replace('* [x] Create a git repository', '* [ok] Create a git repository')
      .replace('* [ ] Create a dedicated', '* [] Create a dedicated')
      .replace('* [ ] Write unit tests', '* [X] Write unit tests')
      .replace('* [ ] Check how robust', '* [✅] Check how robust')
      .replace('### Week 3', '#### Week 3');
    const found = doctor(text, P31);
    const marks = ofKind(found, 'checklist-marks');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ severity: 'cosmetic', line: lineOf(text, '[ok]') });
    expect(marks[0].message).toMatch(/4 checklist boxes/);
    expect(ofKind(found, 'checklist-heading')).toMatchObject([{ severity: 'cosmetic', line: lineOf(text, '#### Week 3') }]);
    const fixed = applyFixes(text, P31, ['checklist-marks:-:0', 'checklist-heading:-:0']);
    expect(fixed).toBe(clean.replace('* [ ] Write unit tests', '* [x] Write unit tests').replace('* [ ] Check how robust', '* [x] Check how robust'));
  });
});

describe('applying fixes', () => {
  const drifted = filledTemplate({ eol: '\r\n', bom: true })
    .replace(`> Answer:\r\n\r\n${answerFor(12)}`, `> Answer: ${answerFor(12)}`)
    .replace('### Question 16\r\n\r\n', '')
    .replace(`${answerFor(5)}`, `${answerFor(5)}\r\n\r\n#### Details\r\n\r\nmore words`);

  it('keeps the BOM and CRLF line endings, and never a lone LF', () => {
    const fixed = applyFixes(drifted, P31, 'all');
    expect(fixed.startsWith('\ufeff# Exam template')).toBe(true);
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expectCheckerHappy(fixed, 31);
    expectWordsKept(drifted, fixed, 31);
  });

  it('applies only the findings asked for, and ids are stable', () => {
    const findings = doctor(drifted, P31);
    expect(doctor(drifted, P31)).toEqual(findings);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    const heading = findings.find((f) => f.kind === 'heading-in-answer')!;
    const fixed = applyFixes(drifted, P31, [heading.id]);
    expect(kinds(doctor(fixed, P31)).sort()).toEqual(kinds(findings).filter((k) => k !== 'heading-in-answer').sort());
    expect(lineDiff(drifted, fixed).filter((d) => d.kind !== 'same')).toEqual([
      { kind: 'removed', text: '#### Details', oldLine: lineOf(drifted, '#### Details'), newLine: null },
      { kind: 'added', text: '**Details**', oldLine: null, newLine: lineOf(drifted, '#### Details') },
    ]);
  });

  it('says what is left, the verdict and the parse of the repaired text, as if it were diagnosed anew', () => {
    // doctor --fix prints these and reads the figure links from the parse instead of re-reading 2 MB.
    const rounds: string[] = [];
    const result = repair(drifted, P31, 'all', {}, () => rounds.push('between'));
    expect(result.text).toBe(applyFixes(drifted, P31, 'all'));
    expect(result.findings).toEqual(doctor(drifted, P31));
    expect(result.remaining).toEqual(doctor(result.text, P31));
    expect(result.check).toEqual(checkReport(result.text, P31));
    expect(result.doc).toEqual(parseReport(result.text));
    // A round fixed the drift and a second one found nothing left; the host was told in between.
    expect(rounds).toEqual(['between']);
  });

  it('says nothing of the repaired text it did not diagnose (the chosen fixes ran out first)', () => {
    const heading = doctor(drifted, P31).find((f) => f.kind === 'heading-in-answer')!;
    const result = repair(drifted, P31, [heading.id]);
    expect(result.text).not.toBe(drifted);
    expect(result).toMatchObject({ remaining: null, check: null, doc: null });
  });

  it('keeps a file without a final newline that way', () => {
    const text = buildReport({ dropMarker: [31], finalNewline: false });
    const fixed = applyFixes(text, P31, 'all');
    expect(fixed.endsWith('--- question 31 fill here ---')).toBe(true);
    expectCheckerHappy(fixed, 31);
  });
});
