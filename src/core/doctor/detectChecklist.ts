/** The project checklist: boxes marked `[X]`, `[ok]`, `[✅]` ..., and group headings at another level. */
import { type DoctorContext, type Draft, HEADING_LINE } from './context';
import { lineIndexAt, type LineEdit } from './textLines';

const BOX = /^([ \t]*[*+-][ \t]+)\[([^\]\n]{0,4})\]/;
const GROUP_NAME = /^(?:week[ \t]*\d+|extra|additional)\b/i;

function marks(ctx: DoctorContext): Draft[] {
  const odd = ctx.doc.checklist.filter((item) => item.mark !== ' ' && item.mark !== 'x');
  if (odd.length === 0) return [];
  const counts = new Map<string, number>();
  for (const item of odd) counts.set(item.mark, (counts.get(item.mark) ?? 0) + 1);
  const summary = [...counts].map(([mark, count]) => `"[${mark}]" (${count})`).join(', ');
  const edits: LineEdit[] = [];
  for (const item of odd) {
    const at = lineIndexAt(ctx.lines, ctx.doc.segments[item.segment].start);
    const content = ctx.lines[at].content;
    const fixed = content.replace(BOX, (_all, bullet: string) => `${bullet}[${item.checked ? 'x' : ' '}]`);
    // The box is the template's, not the student's words: "[ok]" may go.
    if (fixed !== content) edits.push({ at, deleteCount: 1, insert: [fixed], dropsWords: true });
  }
  return [
    {
      kind: 'checklist-marks',
      severity: 'cosmetic',
      line: odd[0].line - 1,
      question: null,
      message: `${odd.length} checklist box${odd.length === 1 ? ' is' : 'es are'} marked ${summary}; the template marks done items "[x]" and open ones "[ ]".`,
      fix: { label: `mark ${odd.length === 1 ? 'it' : 'them'} "[x]" (or "[ ]" when empty)`, edits: () => edits },
    },
  ];
}

function groupHeadings(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  for (const segment of ctx.doc.segments) {
    if (segment.kind !== 'checklistGroupHeading') continue;
    const at = lineIndexAt(ctx.lines, segment.start);
    const content = ctx.lines[at].content;
    const h = HEADING_LINE.exec(content);
    if (!h || h[1].length === 3) continue;
    const title = (h[2] ?? '').trim();
    if (!GROUP_NAME.test(title)) continue;
    out.push({
      kind: 'checklist-heading',
      severity: 'cosmetic',
      line: at,
      question: null,
      message: `The checklist heading "${content.trim()}" is not the template's "### ${title}".`,
      fix: { label: `write it as "### ${title}"`, edits: () => [{ at, deleteCount: 1, insert: [`### ${title}`] }] },
    });
  }
  return out;
}

export function detectChecklist(ctx: DoctorContext): Draft[] {
  return [...marks(ctx), ...groupHeadings(ctx)];
}
