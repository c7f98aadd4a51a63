/**
 * Undo for changes that no single answer editor holds in its own history: a repair or fix that
 * touches several answers (or text outside them) is one entry here, undone with Ctrl/⌘+Z outside an
 * editor or the toolbar's Undo. An entry is the change's inverse, moved onto later versions when
 * it is undone; when typing since then touched the same bytes it can no longer be undone.
 */
import type { TextEdit } from '../../core/textEdit';
import { createStore, type Store } from './store';
import type { DocumentChange } from './documentAuthority';
import { reversedMove, type FigureFileUndo, type FigureMove } from './figureMove';

export interface UndoEntry {
  readonly label: string;
  /** The inverse edits, against the text of `version`. */
  readonly edits: readonly TextEdit[];
  readonly version: number;
  /** The figure file to move back with it (the change was a rename's links: figureMove.ts). */
  readonly figureMove?: FigureMove;
  /** A deleted figure to put back (its delete's token); such an entry changes no text. */
  readonly restoreToken?: string;
}

/** The edits that take `change`'s result back to the text before it. */
export function inverseOf(change: DocumentChange): TextEdit[] {
  let delta = 0;
  return change.edits.map((e) => {
    const start = e.start + delta;
    delta += e.text.length - (e.end - e.start);
    return { start, end: start + e.text.length, expect: e.text, text: e.expect };
  });
}

const DEPTH = 50;

export class GlobalUndo {
  readonly store: Store<{ readonly next: string | null }> = createStore<{ readonly next: string | null }>({
    next: null,
  });
  private readonly entries: UndoEntry[] = [];

  /** Set by the figure module: the file work of an undo (a rename's file moved back, a deleted one put back). */
  figureFiles: FigureFileUndo | null = null;

  /** `figureMove`: the figure file the change's links followed (its undo moves it back). */
  push(change: DocumentChange, label: string, figureMove?: FigureMove): void {
    const moveBack = figureMove && reversedMove(figureMove);
    this.entries.push({
      label,
      edits: inverseOf(change),
      version: change.version,
      ...(moveBack ? { figureMove: moveBack } : {}),
    });
    this.trim();
  }

  /** The figure file `target` deleted (kept by the host for `restoreToken`): one undo step that puts it back. */
  pushDeleted(target: string, restoreToken: string): void {
    this.entries.push({ label: `Undo deleting ${target}`, edits: [], version: 0, restoreToken });
    this.trim();
  }

  /** After `entry`'s text is undone: its file work. */
  carryOutFiles(entry: UndoEntry): void {
    if (entry.figureMove) this.figureFiles?.move(entry.figureMove);
    if (entry.restoreToken !== undefined) this.figureFiles?.restore(entry.restoreToken);
  }

  private trim(): void {
    if (this.entries.length > DEPTH) this.entries.shift();
    this.publish();
  }

  /** The newest entry, taken off the stack. */
  pop(): UndoEntry | undefined {
    const entry = this.entries.pop();
    this.publish();
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
    this.publish();
  }

  private publish(): void {
    this.store.setState({ next: this.entries.at(-1)?.label ?? null });
  }
}
