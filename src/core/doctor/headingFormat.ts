/** A question heading that is not written `### Question N` (other level, renamed, reworded). */
import type { DoctorContext, Draft } from './context';

export function headingFormat(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  for (const zone of ctx.zones) {
    const n = zone.question.number;
    const expected = `### Question ${n}`;
    const content = ctx.lines[zone.heading].content;
    if (content.trimEnd() === expected || ctx.claimedLines.has(zone.heading)) continue;
    const h = /^ {0,3}(#{1,6})[ \t]*(.*?)[ \t#]*$/.exec(content);
    const level = h ? h[1].length : 3;
    const text = h ? h[2] : content;
    const onlyForm = /^question[ \t]*\d+$/i.test(text.trim());
    out.push({
      kind: 'question-heading-format',
      severity: onlyForm ? 'cosmetic' : 'changes-grade',
      simulate: level < 3,
      line: zone.heading,
      question: n,
      message: onlyForm
        ? `The heading "${content.trim()}" is not the template's "${expected}".${level < 3 ? ' With fewer than three "#" the checker may not find where the previous answer ends.' : ''}`
        : `The heading "${content.trim()}" was renamed; the template's is "${expected}", and the grader looks for it.`,
      fix: {
        label: `write the heading as "${expected}"`,
        edits: () => [{ at: zone.heading, deleteCount: 1, insert: [expected], dropsWords: true }],
      },
    });
  }
  return out;
}
