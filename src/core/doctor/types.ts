/** The public shapes of the doctor: what it finds and how a fix is offered. */

/**
 * - `breaks-checker`: the course's checker stops with an error, or answers move to other questions.
 * - `changes-grade`: a count the checker grades changes, or the graded page shows the answer wrongly.
 * - `cosmetic`: the file differs from the template, but neither the checker nor the grader notices.
 */
export type Severity = 'breaks-checker' | 'changes-grade' | 'cosmetic';

export const SEVERITIES: readonly Severity[] = ['breaks-checker', 'changes-grade', 'cosmetic'];

export type FindingKind =
  /** The `> Answer:` line of a question was deleted. */
  | 'missing-answer-marker'
  /** A question's prompt is there but its `### Question N` heading was deleted or renamed beyond recognition. */
  | 'missing-question-heading'
  /** The whole question (heading, prompt and answer line) is gone. */
  | 'missing-question'
  /** The heading is recognisable but not `### Question N` (level, spelling, extra words). */
  | 'question-heading-format'
  /** `### Question N` appears twice and the second one is not another question's renamed heading. */
  | 'duplicate-question'
  /** Quote lines joined into one by a formatter: `> **a** > **b**`. */
  | 'joined-quote-lines'
  /** The answer starts on the `> Answer:` line itself. */
  | 'answer-on-marker-line'
  /** The answer's first line follows the `> Answer:` line with no blank line between. */
  | 'answer-glued-to-marker'
  /** `>Answer:`, `Answer:` or `> **Answer:**` instead of `> Answer:`. */
  | 'marker-format'
  /** A markdown heading (`##`, `###`, `####` ...) inside an answer, which cuts it for the checker. */
  | 'heading-in-answer'
  /** `##` inside code or in the middle of a line in an answer: cuts the answer too, but is not a heading. */
  | 'hashes-in-answer'
  /** `Answer:` typed anywhere except the one `> Answer:` line of a question. */
  | 'extra-answer-marker'
  /** The template's `--- question N fill here ---` left next to an answer. */
  | 'placeholder'
  /** The answer is still only the template's placeholder. */
  | 'unanswered'
  /** `TODO`, `FIXME` or `TBD` left in an answer. */
  | 'todo'
  /** A 27-question report whose first 43 characters are not exactly the Jekyll header. */
  | 'front-matter'
  /** Checklist boxes marked with something other than `[ ]` and `[x]`. */
  | 'checklist-marks'
  /** `#### Week 3`, `## Extra` ... instead of the template's `### Week 3`. */
  | 'checklist-heading'
  /** Git's `<<<<<<<` … `=======` … `>>>>>>>` conflict markers left in the report. */
  | 'merge-conflict'
  /** The checker stops with an error that none of the findings above explains. */
  | 'checker-error';

export interface FixOption {
  readonly id: string;
  readonly label: string;
}

export interface FindingFix {
  /** What the fix does, in plain words (with the default option). */
  readonly label: string;
  /** Alternatives the user can pick from; the first is the default. */
  readonly options?: readonly FixOption[];
}

export interface Finding {
  /** Stable for the same text: `kind:question:ordinal`, e.g. `heading-in-answer:15:0`. */
  readonly id: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** 1-based line where the problem is (or where the fix inserts), null when it has no one place. */
  readonly line: number | null;
  readonly question: number | null;
  /** What is wrong and what it does, in plain words. */
  readonly message: string;
  /** Absent when only the student can fix it (words would have to change). */
  readonly fix?: FindingFix;
}

/**
 * Option picks for fixes that have options, keyed by finding id or by kind (a kind key applies to
 * every finding of that kind; an id key wins). E.g. `{ 'heading-in-answer': 'move' }`.
 */
export type FixChoices = Readonly<Record<string, string>>;
