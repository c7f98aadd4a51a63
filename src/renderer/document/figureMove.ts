/**
 * A figure file the student renamed, as part of a change to the report: the file moved from one
 * link to the other (both as the report links them, `figures/...`), and the change pointed the
 * links at the new name. Its undo puts the links back, so it must put the file back too, or the
 * links would point at a name no file has; its redo moves the file again. The undo histories
 * (the answer editor's and the global one) carry the move that undoing or redoing must carry out.
 * A deleted figure is one global undo step of its own, with no text change (`pushDeleted`).
 */
export interface FigureMove {
  readonly from: string;
  readonly to: string;
}

/** The move that takes `move` back. */
export const reversedMove = (move: FigureMove): FigureMove => ({ from: move.to, to: move.from });

/**
 * The file work of an undo, carried out by the figure module (the figures service does it): a
 * renamed file moved back (or again, for a redo in an answer), a deleted one put back (the token
 * its delete answered).
 */
export interface FigureFileUndo {
  move(move: FigureMove): void;
  restore(token: string): void;
}
