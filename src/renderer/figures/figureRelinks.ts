/**
 * The text half of a figure operation: the figures service moved a file and said so (a
 * `FigureRelink`); this points the links of the text the renderer holds now at the new path, as
 * edits through the session's one door (undoable: in the answer's editor, or one global undo step
 * when several answers change), then saves them like typing. Computed on the current text, so a
 * link typed while the service worked follows too.
 */
import { relinkEdits, type FigureRelink } from '../../core/figures/figureLinkEdits';
import { parseReport } from '../../core/parseReport';
import type { TextEdit } from '../../core/textEdit';
import type { FigureMove } from '../document/figureMove';
import type { ReportSession } from '../state/reportSession';

/** What applying a relink changed. */
export interface Applied {
  /** The questions whose answers changed. */
  readonly changed: readonly number[];
  /** An edit reached outside the answers (a heading, the checklist): nothing was applied. */
  readonly outside: boolean;
  /** How many edits were applied (one per link). */
  readonly edits: number;
}

/**
 * Applies `edits` (against the session's current text) when every one falls inside an answer, then
 * saves. Edits outside the answers are not applied at all: the form has no editor for those bytes.
 */
export async function applyAnswerEdits(
  session: ReportSession,
  edits: readonly TextEdit[],
  origin: 'figure' | 'fix',
  label: string,
  figureMove?: FigureMove,
): Promise<Applied> {
  if (edits.length === 0) return { changed: [], outside: false, edits: 0 };
  const doc = parseReport(session.text);
  const changed = new Set<number>();
  for (const edit of edits) {
    const question = doc.questions.find((q) => {
      const segment = doc.segments[q.answerSegment];
      return edit.start >= segment.start && edit.end <= segment.start + segment.text.length;
    });
    if (!question) return { changed: [], outside: true, edits: 0 };
    changed.add(question.number);
  }
  session.applyChange(edits, origin, { label, ...(figureMove ? { figureMove } : {}) });
  await session.save();
  return { changed: [...changed], outside: false, edits: edits.length };
}

/**
 * Points the session's links to `relink.from` at `relink.to` (see applyAnswerEdits). `moved`: the
 * file itself moved (a rename, not a copy), so undoing this moves it back (figureMove.ts).
 */
export function applyRelink(
  session: ReportSession,
  relink: FigureRelink,
  origin: 'figure' | 'fix',
  options: { readonly moved?: boolean } = {},
): Promise<Applied> {
  const edits = relinkEdits(session.text, relink);
  const label = origin === 'fix' ? 'Undo the fix' : 'Undo the figure change';
  return applyAnswerEdits(session, edits, origin, label, options.moved ? { from: relink.from, to: relink.to } : undefined);
}

/** Why a relink changed nothing, for a message. */
export function whyNotRelinked(applied: Applied): string {
  return applied.outside ? 'the change reaches outside the answers; edit the file itself.' : 'nothing linked it.';
}
