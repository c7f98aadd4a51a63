/**
 * What `doctor --fix --headings move` tells the student, per question: which headings it moved and
 * where the text under them went, with the checker's count before and after.
 *
 * A heading inside an answer cannot keep the text under it *and* have that text counted: the
 * course's report.py cuts every answer at the first `##`/`###` of it, whatever follows. So a moved
 * heading goes below the answer and its text stays in place, in the same question's answer, where
 * the checker now counts it; this note says so heading by heading, so no paragraph silently changes
 * the heading it sits under. (`--headings bold` keeps every heading above its text.)
 */
import { checkReport } from '../../core/checkReport';
import { type CheckerProfile, countOf } from '../../core/constraints';
import type { Finding } from '../../core/doctor';
import { countWords } from '../../core/pythonText';

/** A heading line as the doctor finds it in an answer, also in a quote or a list item. */
const HEADING_LINE = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?#{2,}/;

/** The words under the heading at `index` (0-based): its lines up to the next heading or `Answer:`. */
function wordsUnder(lines: readonly string[], index: number): number {
  let words = 0;
  for (let i = index + 1; i < lines.length; i++) {
    if (HEADING_LINE.test(lines[i]) || lines[i].includes('Answer:')) break;
    words += countWords(lines[i]);
  }
  return words;
}


/**
 * One line per question whose headings were moved (findings `heading-in-answer` fixed with the
 * `move` option), in question order.
 */
export function movedHeadingNotes(
  original: string,
  repaired: string,
  profile: CheckerProfile,
  fixed: readonly Finding[],
): string[] {
  const moved = fixed.filter(
    (f) =>
      f.kind === 'heading-in-answer' &&
      f.question !== null &&
      f.line !== null &&
      f.fix?.options?.some((o) => o.id === 'move'),
  );
  if (moved.length === 0) return [];
  const lines = original.split(/\r\n|\r|\n/);
  const before = checkReport(original, profile);
  const after = checkReport(repaired, profile);
  const byQuestion = new Map<number, Finding[]>();
  for (const f of moved) byQuestion.set(f.question!, [...(byQuestion.get(f.question!) ?? []), f]);
  const notes: string[] = [];
  for (const [question, findings] of [...byQuestion].sort((a, b) => a[0] - b[0])) {
    const parts = findings.map((f) => {
      const heading = lines[f.line! - 1]?.trim() ?? '';
      return `"${heading}" (the ${countOf(wordsUnder(lines, f.line! - 1), 'word')} under it stay in place)`;
    });
    // Answers are positional for the checker: a count means this question only without its error.
    const was = before.error === null ? before.perAnswer[question - 1]?.words : undefined;
    const now = after.error === null ? after.perAnswer[question - 1]?.words : undefined;
    const counts =
      now === undefined
        ? ''
        : was === undefined
          ? `; the checker now counts ${countOf(now, 'word')}`
          : `; the checker counts ${was} → ${countOf(now, 'word')}`;
    notes.push(`  Q${question}: moved ${parts.join(', ')} below the answer${counts}`);
  }
  return notes;
}
