/**
 * Which rendering each preview shows: every answer's own preview under its editor, and the
 * whole-report pane beside the form, each off, "GitHub" (what the student's repo page shows) or
 * "Graded" (the course's page, `report.py html`). One key switches the answer being edited (and
 * the pane, when it is open) between the two.
 */
import { createStore, type Store } from '../document/store';

export type RenderingMode = 'github' | 'graded';

export interface PreviewModesState {
  /** The whole-report pane; null when closed. */
  readonly report: RenderingMode | null;
  /** Open answer previews by question number. */
  readonly answers: ReadonlyMap<number, RenderingMode>;
}

const other = (mode: RenderingMode): RenderingMode => (mode === 'github' ? 'graded' : 'github');

export class PreviewModes {
  readonly store: Store<PreviewModesState> = createStore<PreviewModesState>({ report: null, answers: new Map() });

  /** A toolbar button: shows the answer in `mode`, or closes its preview when it already does. */
  toggleAnswer(number: number, mode: RenderingMode): void {
    const answers = new Map(this.store.getState().answers);
    if (answers.get(number) === mode) answers.delete(number);
    else answers.set(number, mode);
    this.store.setState({ answers });
  }

  /** A top-bar button: shows the whole report in `mode`, or closes the pane when it already does. */
  toggleReport(mode: RenderingMode): void {
    this.store.setState({ report: this.store.getState().report === mode ? null : mode });
  }

  /**
   * The switch key: the answer of question `number` changes to the other rendering (a closed
   * preview opens as Graded — the one the student cannot see elsewhere), and so does the
   * whole-report pane when open. Answers the mode now shown for that question.
   */
  switchRendering(number: number | null): RenderingMode {
    const { report, answers } = this.store.getState();
    let shown: RenderingMode = report ? other(report) : 'graded';
    const patch: { report?: RenderingMode | null; answers?: ReadonlyMap<number, RenderingMode> } = {};
    if (number !== null) {
      const current = answers.get(number);
      shown = current ? other(current) : 'graded';
      const next = new Map(answers);
      next.set(number, shown);
      patch.answers = next;
    }
    if (report) patch.report = number === null ? shown : other(report);
    this.store.setState(patch);
    return shown;
  }
}
