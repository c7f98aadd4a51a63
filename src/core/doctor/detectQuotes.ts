/**
 * The prompt's quote block and the `> Answer:` line: quote lines a formatter joined, the marker
 * written another way, and answers that start on or right under the marker line — which the graded
 * page (Python-Markdown) then shows inside the prompt's quote box.
 */
import { type DoctorContext, type Draft, HEADING_LINE, THEMATIC_BREAK } from './context';
import { isTemplateQuoteText } from './templateIndex';
import { isBlank, isEmptyQuote, isQuote, type LineEdit } from './textLines';

const QUOTE_PREFIX = /^[ \t]*>[ \t]?/;
/** Where a formatter glued the next quote line on: ` > ` (or a trailing ` >`). */
const JOIN = /[ \t]+>(?=[ \t]|$)/;

/** The lines a joined quote line splits back into, or null when it is not one. */
export function splitJoinedQuote(ctx: DoctorContext, content: string): string[] | null {
  if (!isQuote(content)) return null;
  const prefix = QUOTE_PREFIX.exec(content)![0];
  const rest = content.slice(prefix.length);
  if (!JOIN.test(rest)) return null;
  const pieces = rest.split(JOIN).map((p) => p.trim());
  if (pieces.length < 2) return null;
  // Only template text: a student's own "a > b" in a quote stays as written.
  if (!pieces.every((p) => isTemplateQuoteText(ctx.template, p))) return null;
  if (!pieces.some((p) => p.replace(/[\s*_>\\`]/g, '').length >= 12)) return null;
  return pieces.map((p, i) => (i === 0 ? `${prefix}${p}`.trimEnd() : p === '' ? '>' : `> ${p}`));
}

function joinedQuotes(ctx: DoctorContext): Draft[] {
  // One finding per prompt (or section intro): a formatter joins them all at once.
  const groups = new Map<string, { question: number | null; lines: number[]; edits: LineEdit[] }>();
  ctx.lines.forEach((line, i) => {
    if (ctx.inFence[i]) return;
    const split = splitJoinedQuote(ctx, line.content);
    if (!split) return;
    const zone = ctx.zoneAt(i);
    const key = zone ? `q${zone.order}` : `top${ctx.doc.sections.filter((s) => s.line - 1 < i).length}`;
    const group = groups.get(key) ?? { question: zone?.question.number ?? null, lines: [], edits: [] };
    groups.set(key, group);
    group.lines.push(i);
    group.edits.push({ at: i, deleteCount: 1, insert: split });
  });
  return [...groups.values()].map((g) => {
    const where = g.question !== null ? `Question ${g.question}'s prompt` : 'This quote block';
    const lineList = g.lines.map((l) => l + 1).join(', ');
    return {
      kind: 'joined-quote-lines' as const,
      severity: 'changes-grade' as const,
      line: g.lines[0],
      question: g.question,
      message: `${where} has quote lines that a formatter joined into one (line${g.lines.length > 1 ? 's' : ''} ${lineList}): the graded page shows them run together with stray ">" signs.`,
      fix: { label: `split ${g.lines.length > 1 ? 'them' : 'it'} back into one "> " line each`, edits: () => g.edits },
    };
  });
}

function markerLines(ctx: DoctorContext): Draft[] {
  const out: Draft[] = [];
  for (const zone of ctx.zones) {
    if (zone.marker === null) continue;
    const n = zone.question.number;
    const m = zone.marker;
    const content = ctx.lines[m].content;
    if (zone.question.answerOnMarkerLine) {
      const at = content.indexOf('Answer:') + 'Answer:'.length;
      const closers = /^[*_]*/.exec(content.slice(at))![0];
      const answer = content.slice(at + closers.length).replace(/^[ \t]+/, '');
      out.push({
        kind: 'answer-on-marker-line',
        severity: 'changes-grade',
        line: m,
        question: n,
        message: `Question ${n}'s answer starts on the "> Answer:" line itself, so the graded page shows its first paragraph inside the prompt's quote box.`,
        fix: {
          label: 'move the answer below "> Answer:" after a blank line',
          edits: () => [{ at: m, deleteCount: 1, insert: ['> Answer:', '', answer] }],
        },
      });
      continue;
    }
    if (content.trimEnd() !== '> Answer:') {
      out.push({
        kind: 'marker-format',
        severity: 'cosmetic',
        line: m,
        question: n,
        message: `Question ${n}'s answer line reads "${content.trim()}"; the template's is "> Answer:". The checker still finds it.`,
        fix: { label: 'write it as "> Answer:"', edits: () => [{ at: m, deleteCount: 1, insert: ['> Answer:'] }] },
      });
    }
    const next = m + 1;
    if (next >= zone.end || next >= ctx.lines.length) continue;
    const after = ctx.lines[next].content;
    if (isBlank(after) || isEmptyQuote(after) || THEMATIC_BREAK.test(after) || HEADING_LINE.test(after)) continue;
    out.push({
      kind: 'answer-glued-to-marker',
      severity: 'changes-grade',
      line: next,
      question: n,
      message: `Question ${n}'s answer starts right under "> Answer:" with no blank line between, so the graded page pulls its first paragraph into the prompt's quote box.`,
      fix: { label: 'insert a blank line after "> Answer:"', edits: () => [{ at: next, deleteCount: 0, insert: [''] }] },
    });
  }
  return out;
}

export function detectQuotes(ctx: DoctorContext): Draft[] {
  return [...joinedQuotes(ctx), ...markerLines(ctx)];
}
