/**
 * Links the figure UI inserts into an answer, as ordinary edits of its CodeMirror editor: they land
 * in the editor's undo history and reach the session (meters, autosave) exactly like typing.
 */
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { insertLinksAt } from './figureText';

/** Where a drop or paste happened: used when the text has not changed since. */
export interface InsertPoint {
  readonly doc: Text;
  readonly pos: number;
}

/** Inserts the links as paragraphs of their own at `pos` and puts the cursor after them. */
export function insertLinksInEditor(view: EditorView, pos: number, markdown: readonly string[]): void {
  const { from, to, insert, cursor } = insertLinksAt(view.state.doc.toString(), pos, markdown);
  view.dispatch({
    changes: { from, to, insert },
    selection: { anchor: cursor },
    scrollIntoView: true,
    userEvent: 'input.drop',
  });
}

/**
 * Where links go in `view`: the drop (or paste) point when the text is unchanged since; else the
 * cursor when the student put it there (`studentCursor`: a click or a key in this answer, not a
 * navigator jump that merely focused it); else the end of the answer.
 */
export function insertPosition(view: EditorView, at: InsertPoint | null, studentCursor: boolean): number {
  const doc = view.state.doc;
  if (at && at.doc === doc) return Math.min(at.pos, doc.length);
  if (studentCursor) return view.state.selection.main.head;
  return doc.length;
}
