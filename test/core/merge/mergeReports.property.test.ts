/**
 * Properties of mergeReports over every real report of the corpus (and a synthetic one): random
 * groupmates' edits on random answers and boxes, and random line edits anywhere (template text,
 * headings, answers), merged both ways round.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setAnswer, setChecked } from '../../../src/core/editReport';
import { mergeReports, type MergeResult } from '../../../src/core/merge/mergeReports';
import { parseReport } from '../../../src/core/parseReport';
import { serializeReport, type ReportDocument } from '../../../src/core/reportModel';
import { corpusReports } from '../../support/corpus';
import { buildReport } from '../../support/reportBuilder';
import { filledTemplate } from '../doctorSupport';

const reports: [string, string][] = [
  ['synthetic 31-question (CRLF)', buildReport({ eol: '\r\n', answers: { 4: 'four', 31: 'thirty-one' } })],
  ['filled 27-question template', filledTemplate({ generation: 27 })],
  ...corpusReports().map((r) => [r.name, r.text] as [string, string]),
];

interface Edits {
  readonly answers: ReadonlyMap<number, string>;
  readonly boxes: ReadonlyMap<number, boolean>;
}

const word = fc.constantFrom('model', 'data', 'docker', 'we', 'used', 'the', 'GCP', 'bucket', 'pytest', 'Hydra', '**bold**', '`dvc pull`', 'æøå');
const answerText = fc.array(fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));

/** Edits of one groupmate: answers (first occurrence of each question number) and boxes. */
function editsOf(doc: ReportDocument) {
  const numbers = [...new Set(doc.questions.map((q) => q.number))];
  return fc.record({
    answers: fc.uniqueArray(fc.tuple(fc.constantFrom(...(numbers.length ? numbers : [0])), answerText), { selector: ([n]) => n, maxLength: 5 }),
    boxes: fc.uniqueArray(fc.tuple(fc.nat(Math.max(doc.checklist.length - 1, 0)), fc.boolean()), { selector: ([i]) => i, maxLength: doc.checklist.length ? 6 : 0 }),
  }).map(({ answers, boxes }): Edits => ({ answers: new Map(numbers.length ? answers : []), boxes: new Map(boxes) }));
}

function apply(text: string, edits: Edits, skip: ReadonlySet<number> = new Set()): string {
  let doc = parseReport(text);
  for (const [n, answer] of edits.answers) if (!skip.has(n)) doc = setAnswer(doc, n, answer);
  for (const [i, checked] of edits.boxes) doc = setChecked(doc, i, checked);
  return serializeReport(doc);
}

/** Line edits anywhere: delete, replace or insert a line (template-looking lines included). */
const lineEdits = fc.array(
  fc.tuple(fc.constantFrom('delete', 'replace', 'insert'), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.oneof(word, fc.constantFrom('### Question 40', '## Deployment', '> Answer:', '* [x] new box (M9)', '', '======='))),
  { maxLength: 4 },
);

function mutate(text: string, edits: readonly [string, number, string][]): string {
  const lines = text.split('\n');
  for (const [op, where, line] of edits) {
    const at = Math.floor(where * lines.length);
    if (op === 'delete' && lines.length > 1) lines.splice(at, 1);
    else if (op === 'replace') lines[at] = line;
    else lines.splice(at, 0, line);
  }
  return lines.join('\n');
}

const firstAnswers = (text: string) => {
  const map = new Map<number, string>();
  for (const q of parseReport(text).questions) if (!map.has(q.number)) map.set(q.number, q.answer);
  return map;
};

function expectNoAnswerLost(base: string, side: string, result: MergeResult): void {
  const before = firstAnswers(base);
  const merged = result.text.replace(/\r\n?/g, '\n');
  for (const [n, answer] of firstAnswers(side)) {
    if (before.get(n) === answer) continue;
    expect(merged, `question ${n}'s edited answer is in the result`).toContain(answer);
  }
}

const RUNS = 10;

describe.each(reports)('mergeReports on %s', (_name, base) => {
  const doc = parseReport(base);
  const side = editsOf(doc).chain((edits) => lineEdits.map((lines) => mutate(apply(base, edits), lines)));

  it('with one side unchanged, returns the other side byte for byte', () => {
    fc.assert(
      fc.property(side, (other) => {
        for (const result of [mergeReports(base, base, other), mergeReports(base, other, base)]) {
          expect(result.text).toBe(other);
          expect(result.clean).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('merges edits of different answers and boxes into exactly what applying both gives; conflicts exactly where both edited an answer differently', () => {
    fc.assert(
      fc.property(editsOf(doc), editsOf(doc), (mineEdits, theirsEdits) => {
        const mine = apply(base, mineEdits);
        const theirs = apply(base, theirsEdits);
        const result = mergeReports(base, mine, theirs);
        const mineAnswers = firstAnswers(mine);
        const theirsAnswers = firstAnswers(theirs);
        const baseAnswers = firstAnswers(base);
        const both = [...mineEdits.answers.keys()].filter(
          (n) => theirsEdits.answers.has(n) && mineAnswers.get(n) !== theirsAnswers.get(n) && mineAnswers.get(n) !== baseAnswers.get(n) && theirsAnswers.get(n) !== baseAnswers.get(n),
        );
        expect(result.structural).toEqual([]);
        expect(result.conflicts.map((c) => c.question).sort((a, b) => a - b)).toEqual(both.sort((a, b) => a - b));
        // Boxes edited on both sides: theirs' setChecked runs last in `apply`, so drop those edits of
        // mine where they disagree in a way the box merge resolves otherwise.
        const mineBoxes = new Map(mineEdits.boxes);
        for (const [i, checked] of theirsEdits.boxes) {
          const was = doc.checklist[i].checked;
          if (mineBoxes.has(i) && mineBoxes.get(i) !== checked && checked === was) theirsEdits = { ...theirsEdits, boxes: new Map([...theirsEdits.boxes].filter(([k]) => k !== i)) };
        }
        // Resolving every conflict with mine's answer gives mine's edits and theirs' everywhere else.
        let resolved = parseReport(result.text);
        for (const c of result.conflicts) resolved = setAnswer(resolved, c.question, c.mine ?? '');
        const expected = apply(apply(base, mineEdits), theirsEdits, new Set(both));
        expect(serializeReport(resolved)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('is symmetric up to which side a conflict names first, and never loses an edited answer', () => {
    fc.assert(
      fc.property(side, side, (mine, theirs) => {
        const ab = mergeReports(base, mine, theirs);
        const ba = mergeReports(base, theirs, mine);
        expect(ab.clean).toBe(ba.clean);
        if (ab.clean) expect(ab.text).toBe(ba.text);
        expect(ba.conflicts.map((c) => ({ question: c.question, base: c.base, mine: c.theirs, theirs: c.mine }))).toEqual(
          ab.conflicts.map((c) => ({ question: c.question, base: c.base, mine: c.mine, theirs: c.theirs })),
        );
        expect(ba.structural.map((s) => s.questions)).toEqual(ab.structural.map((s) => s.questions));
        for (const result of [ab, ba]) {
          expectNoAnswerLost(base, mine, result);
          expectNoAnswerLost(base, theirs, result);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mergeReports: edits on both sides never lose a word, on a small report (more runs)', () => {
  it('holds for many random line edits', () => {
    const base = buildReport({ answers: { 1: 'one', 2: 'two', 3: 'three' } });
    fc.assert(
      fc.property(lineEdits, lineEdits, (a, b) => {
        const mine = mutate(base, a);
        const theirs = mutate(base, b);
        const result = mergeReports(base, mine, theirs);
        expectNoAnswerLost(base, mine, result);
        expectNoAnswerLost(base, theirs, result);
      }),
      { numRuns: 400 },
    );
  });
});
