/** The 27-question report's Jekyll header: the course's tools cut exactly its 43 characters. */
import { codePointOffset, normalizeNewlines } from '../pythonText';
import type { DoctorContext, Draft } from './context';
import { isBlank, type LineEdit } from './textLines';

/** The 27-question template's front matter: exactly the 43 characters the course's tools cut. */
export const JEKYLL_HEADER = ['---', 'layout: default', 'nav_exclude: true', '---', ''];

export function frontMatter(ctx: DoctorContext): Draft[] {
  if (ctx.profile.generation !== 27 || ctx.profile.headerChars !== 43) return [];
  const { bom } = ctx.textLines;
  const body = normalizeNewlines(ctx.text.slice(bom.length));
  const cut = codePointOffset(body, ctx.profile.headerChars - bom.length);
  let frontEnd = -1;
  let frontLines = 0;
  if (ctx.doc.hasFrontMatter) {
    const segment = ctx.doc.segments.find((s) => s.kind === 'frontMatter')!;
    frontEnd = normalizeNewlines(segment.text).length;
    frontLines = segment.text.split(/\r\n|\r|\n/).length - 1;
  }
  if (frontEnd >= 0 && cut >= frontEnd && body.slice(frontEnd, cut).trim() === '') return [];
  const shown = body.slice(cut).split('\n')[0].trim();
  const edits: LineEdit[] = [];
  let message: string;
  if (frontEnd < 0) {
    edits.push({ at: 0, deleteCount: 0, insert: JEKYLL_HEADER });
    message = `This 27-question report has no Jekyll header. The course's tools cut the first 43 characters of the file (where the header should be), so they cut into your title instead: the graded page begins with "${shown}".`;
  } else {
    let deleteCount = frontLines;
    while (deleteCount < ctx.lines.length && isBlank(ctx.lines[deleteCount].content)) deleteCount++;
    edits.push({ at: 0, deleteCount, insert: JEKYLL_HEADER, dropsWords: true });
    message = `The Jekyll header is not exactly the template's 43 characters ("---", "layout: default", "nav_exclude: true", "---" and a blank line). The course's tools cut exactly 43 characters, so the graded page begins with "${shown}".`;
  }
  // The 2024-11 template itself came without the header: there the cut title is the course's own doing.
  const templateHasHeader = ctx.template.primary.text.startsWith('---');
  if (!templateHasHeader) message += ` (The ${ctx.template.primary.version} template came without the header; adding it keeps the title on the page.)`;
  return [
    {
      kind: 'front-matter',
      severity: templateHasHeader ? 'changes-grade' : 'cosmetic',
      line: 0,
      question: null,
      message,
      fix: { label: frontEnd < 0 ? "insert the template's Jekyll header" : "write the template's Jekyll header exactly", edits: () => edits },
    },
  ];
}
