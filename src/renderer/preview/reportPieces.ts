/**
 * A whole report cut into pieces for the preview — the part before the first heading, then each
 * checklist, section and question from its heading on — so that an edit renders one piece again.
 */
import type { ReportDocument, SegmentKind } from '../../core/reportModel';

/** A new piece starts at each of these, so one edit re-renders one piece. */
const STARTS_PIECE: ReadonlySet<SegmentKind> = new Set(['checklistHeading', 'sectionHeading', 'questionHeading']);

export interface Piece {
  readonly markdown: string;
  /** 1-based file line of the piece's first line. */
  readonly firstLine: number;
}

/**
 * The report's body in pieces. Line numbers are kept: the BOM is dropped and the front matter's
 * lines are blanked (as `reportBodyMarkdown` does), so a piece's lines are the file's lines.
 */
export function piecesOf(doc: ReportDocument): Piece[] {
  const pieces: Piece[] = [];
  let markdown = '';
  let firstLine = 1;
  let line = 1;
  for (const segment of doc.segments) {
    if (STARTS_PIECE.has(segment.kind) && markdown !== '') {
      pieces.push({ markdown, firstLine });
      markdown = '';
      firstLine = line;
    }
    if (segment.kind === 'bom') continue;
    markdown += segment.kind === 'frontMatter' ? segment.text.replace(/[^\r\n]+/g, '') : segment.text;
    const breaks = segment.text.match(/\r\n|\r|\n/g);
    line += breaks ? breaks.length : 0;
  }
  if (markdown !== '') pieces.push({ markdown, firstLine });
  return pieces;
}
