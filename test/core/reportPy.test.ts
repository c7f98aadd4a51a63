import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/checkReport';
import { COURSE_PROFILE_27, COURSE_PROFILE_31, type CheckerProfile, type QuestionConstraint } from '../../src/core/constraints';
import { parseReportPy } from '../../src/core/reportPy';
import { buildReport } from '../support/reportBuilder';

/**
 * Writes a checker in the older `partial(...)` style from a constraint table — the shape of the
 * course's 27-question report.py, reduced to what the parser reads.
 */
function partialStyleReportPy(questions: readonly QuestionConstraint[], expected: number): string {
  const expr = (c: QuestionConstraint): string => {
    const parts: string[] = [];
    if (c.words) parts.push(`partial(length_constraints, min_length=${c.words.min}, max_length=${c.words.max})`);
    if (c.images) parts.push(`partial(image_constrains, min_length=${c.images.min}, max_length=${c.images.max})`);
    if (parts.length === 0) return 'no_constraints';
    if (parts.length === 1) return parts[0];
    return `partial(\n            multi_constrains,\n            constrains=(\n                ${parts.join(',\n                ')},\n            ),\n        )`;
  };
  return [
    '@cli.command()',
    'def check():',
    '    with open("README.md", "r") as file:',
    '        text = file.read()',
    '    text = text[43:]  # remove header',
    '    answers = answers[1:]  # remove first section',
    '    question_constrains = [',
    ...questions.map((c) => `        ${expr(c)},`),
    '    ]',
    `    if len(answers) != ${expected}:`,
    `        raise ValueError("Number of answers are different from the expected ${expected}. Have you filled out every field?")`,
    '',
  ].join('\n');
}

/** The newer `LengthConstraints(...)` dict style. */
function classStyleReportPy(questions: readonly QuestionConstraint[], expected: number): string {
  const expr = (c: QuestionConstraint): string => {
    const parts: string[] = [];
    if (c.words) parts.push(`LengthConstraints(min_length=${c.words.min}, max_length=${c.words.max})`);
    if (c.images) parts.push(`ImageConstraints(min_images=${c.images.min}, max_images=${c.images.max})`);
    if (parts.length === 0) return 'NoConstraints()';
    if (parts.length === 1) return parts[0];
    return `MultiConstraints(\n            constrains=[\n                ${parts.join(',\n                ')},\n            ]\n        )`;
  };
  return [
    'def check() -> None:',
    '    per_question = text.split("Answer:")',
    '    per_question.pop(0)  # remove the initial section',
    '    question_constraints = {',
    ...questions.map((c, i) => `        "question_${i + 1}": ${expr(c)},`),
    '    }',
    `    if len(answers) != ${expected}:`,
    `        msg = "Number of answers are different from the expected ${expected}. Have you changed the template?"`,
    '        raise ValueError(msg)',
    '',
  ].join('\n');
}

function expectSameBehaviour(parsed: CheckerProfile | null, reference: CheckerProfile) {
  expect(parsed).not.toBeNull();
  expect(parsed!.questions).toEqual(reference.questions);
  expect(parsed!.expectedAnswers).toBe(reference.expectedAnswers);
  expect(parsed!.headerChars).toBe(reference.headerChars);
  expect(parsed!.discardFirst).toBe(reference.discardFirst);
  expect(parsed!.countError).toBe(reference.countError);
  expect(parsed!.source.kind).toBe('report.py');
}

describe("reading the constraint table from a repo's report.py", () => {
  it('understands the older partial(...) style', () => {
    expectSameBehaviour(parseReportPy(partialStyleReportPy(COURSE_PROFILE_27.questions, 27)), COURSE_PROFILE_27);
  });

  it('understands the newer LengthConstraints(...) style', () => {
    expectSameBehaviour(parseReportPy(classStyleReportPy(COURSE_PROFILE_31.questions, 31)), COURSE_PROFILE_31);
  });

  it("judges a report by the repo's own, edited table", () => {
    const edited = COURSE_PROFILE_31.questions.map((c, i) => (i === 3 ? { words: { min: 1, max: 10 } } : c));
    const profile = parseReportPy(classStyleReportPy(edited, 31), 'reports/report.py')!;
    const report = buildReport({ answers: { 4: 'five words in this answer' } });
    expect(checkReport(report, COURSE_PROFILE_31).failures.some((f) => f.question === 4)).toBe(true);
    expect(checkReport(report, profile).failures.some((f) => f.question === 4)).toBe(false);
    expect(profile.source).toEqual({ kind: 'report.py', path: 'reports/report.py' });
  });

  it('judges only as many answers as the table has constraints, as zip does', () => {
    // A group commented out question 7's line: report.py zips 31 answers with 30 constraints, so
    // answer 7 is judged by question 8's rule, and so on, and answer 31 is never judged.
    const source = classStyleReportPy(COURSE_PROFILE_31.questions, 31).replace(/^( +)("question_7":)/m, '$1# $2');
    const profile = parseReportPy(source)!;
    expect(profile.questions).toHaveLength(30);
    // Every answer empty: passing takes a rule with no minimum (questions 1, 2, 3 and 28; 28 is
    // applied to answer 27). Answer 31 would pass with no rule, but is not judged at all.
    const check = checkReport(buildReport({}), profile);
    expect(check.error).toBeNull();
    expect(check.answers).toBe(31);
    expect(check.passed).toBe(4);
  });

  it('returns null for a file that is not the checker', () => {
    expect(parseReportPy('print("hello")\n')).toBeNull();
    expect(parseReportPy('question_constraints = [unknown_rule(3)]')).toBeNull();
  });
});
