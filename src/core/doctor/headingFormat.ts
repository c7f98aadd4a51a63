/** A question heading that is not written `### Question N` (other level, renamed, reworded). */
import type { DoctorContext, Draft } from './context';

/** `Question N` and what follows it in a heading's text (any case, any space, also a non-breaking one). */
const QUESTION_TEXT = /^question[^\S\r\n]*(\d{1,3})\b(.*)$/i;

export function headingFormat(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    const expected = `### Question ${n}`;
    const content = ctx.lines[zone.heading].content;
    if (content.trimEnd() === expected || ctx.claimedLines.has(zone.heading)) continue;
    const h = /^ {0,3}(#{1,6})[^\S\r\n]*(.*?)[ \t#]*$/.exec(content);
    const level = h ? h[1].length : 3;
    const text = (h ? h[2] : content).trim();
    const named = QUESTION_TEXT.exec(text);
    const numbered = named !== null && Number(named[1]) === n;
    // The student's own words after "Question N" ("### Question 18 (written by Anna)") stay theirs:
    // a fix only rewrites the heading's form around them, never drops them.
    const own = numbered ? named[2].trim() : '';
    if (numbered && own !== '' && level === 3 && /^### Question \d/.test(content)) {
      // The template's heading with the student's own words after it: theirs to keep or remove.
      out.push({
        kind: 'question-heading-format',
        severity: 'cosmetic',
        line: zone.heading,
        question: n,
        message: `The heading "${content.trim()}" has words after the template's "${expected}"; the graded page shows them in the heading.`,
      });
      continue;
    }
    const onlyForm = numbered && own === '';
    const fixed = numbered ? `${expected}${own === '' ? '' : ` ${own}`}` : null;
    out.push({
      kind: 'question-heading-format',
      severity: numbered ? 'cosmetic' : 'changes-grade',
      simulate: level < 3,
      line: zone.heading,
      question: n,
      message: numbered
        ? `The heading "${content.trim()}" is not the template's "${expected}"${own === '' ? '' : ' followed by your words'}.${level < 3 ? ' With fewer than three "#" the checker may not find where the previous answer ends.' : ''}`
        : `The heading "${content.trim()}" was renamed; the template's is "${expected}", and the grader looks for it.`,
      ...(fixed !== null
        ? {
            fix: {
              label: `write the heading as "${fixed}"`,
              edits: () => [
                { at: zone.heading, deleteCount: 1, insert: [fixed], ...(onlyForm ? { dropsWords: true } : {}) },
              ],
            },
          }
        : {}),
    });
  }
  return out;
}
