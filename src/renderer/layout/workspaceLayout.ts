/**
 * Where the form's columns go for a window width and the panels the student has open. The answer
 * column is what the app is for, so it gets its room first: the whole-report preview sits beside
 * it only when both fit, and otherwise under it; on a wide screen the form grows and the preview
 * takes the side, instead of two empty gutters.
 */

export interface PanelState {
  readonly navigatorOpen: boolean;
  readonly problemsOpen: boolean;
  readonly previewOpen: boolean;
}

export type PreviewPlace = 'none' | 'side' | 'below';

export interface WorkspaceLayout {
  /** CSS grid-template-columns of the workspace. */
  readonly columns: string;
  readonly preview: PreviewPlace;
}

/** Widths in CSS pixels. A collapsed panel keeps a rail with the button that opens it again. */
export const NAVIGATOR_WIDTH = 220;
export const PROBLEMS_WIDTH = 300;
export const RAIL_WIDTH = 40;
/** The cards column's room around the answer editor: its padding, the card's padding, its and the editor's borders. */
export const CARD_CHROME = 2 * 24 + 2 * 18 + 2 + 2;
/** The answer editor never gets narrower than this while a panel could make room. */
export const MIN_ANSWER_WIDTH = 580;
/** A preview narrower than this reads badly beside the form: it goes under the answers instead. */
export const MIN_SIDE_PREVIEW = 440;

export function workspaceLayout(width: number, panels: PanelState): WorkspaceLayout {
  const nav = panels.navigatorOpen ? NAVIGATOR_WIDTH : RAIL_WIDTH;
  const problems = panels.problemsOpen ? PROBLEMS_WIDTH : RAIL_WIDTH;
  const middle = width - nav - problems;
  const cardsMin = MIN_ANSWER_WIDTH + CARD_CHROME;
  if (!panels.previewOpen) {
    return { columns: `${nav}px minmax(0, 1fr) ${problems}px`, preview: 'none' };
  }
  if (middle - cardsMin >= MIN_SIDE_PREVIEW) {
    // Beside: the form and the preview share the room, the form never below its minimum.
    return {
      columns: `${nav}px minmax(${cardsMin}px, 1fr) minmax(${MIN_SIDE_PREVIEW}px, 1fr) ${problems}px`,
      preview: 'side',
    };
  }
  return { columns: `${nav}px minmax(0, 1fr) ${problems}px`, preview: 'below' };
}
