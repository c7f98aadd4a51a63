/** The open report's session, as the UI and the editors see it: its state and the shapes around it. */
import type { DiskStamp, SaveResult } from '../../api/contract';
import type { ReportAnalysis } from '../../core/analyzeReport';
import type { ConflictRegion } from '../../core/merge/conflictMarkers';
import type { ReportDocument } from '../../core/reportModel';
import type { FigureMove } from '../document/figureMove';
import type { LocalChange } from '../document/typedEdits';

export type SaveState = 'saved' | 'unsaved' | 'saving';

/**
 * The file changed on disk while there were unsaved edits here, and the merge of the two found
 * answers (or template text) both sides changed: nothing is written until each is resolved.
 */
export interface Conflict {
  readonly diskText: string;
  readonly stamp: DiskStamp;
  /**
   * `external`: the file changed on disk while there were unsaved edits; `save`: a save found it
   * changed; `kept`: edits a closed or reloaded page could not save, brought back (keptVersion.ts).
   */
  readonly cause: 'external' | 'save' | 'kept';
  /** The local text the merge was made from. */
  readonly mine: string;
  /** The merged text, with conflict markers (base included) in each of `regions`. */
  readonly merged: string;
  readonly regions: readonly ConflictRegion[];
  /** "Cancel": the dialog is closed; the local text stays here unsaved, the disk keeps its version. */
  readonly dismissed: boolean;
  /** The student was typing as the change arrived: the dialog (which takes the focus) waits for a pause. */
  readonly waiting?: boolean;
}

/** The last save found the file read-only; `asking`: the dialog is up (until the student answers). */
export interface ReadOnlyNotice {
  readonly message: string;
  readonly asking: boolean;
}

export interface SessionState {
  readonly doc: ReportDocument;
  readonly analysis: ReportAnalysis;
  readonly saveState: SaveState;
  readonly saveError: string | null;
  readonly conflict: Conflict | null;
  readonly readOnly: ReadOnlyNotice | null;
  readonly removedOnDisk: boolean;
  /** Git's conflict markers in the text (after a `git pull`), found at each refresh. */
  readonly markers: readonly ConflictRegion[];
  /** The last change merged in from disk without conflict, for a quiet notice (`id` tells two apart). */
  readonly mergeNotice: { readonly text: string; readonly id: number } | null;
  /** Bumped when the document was replaced by something other than typing (disk reload, new structure). */
  readonly syncRevision: number;
}

/** The editors, as the session needs them: shown the changes made elsewhere. */
export interface EditorSync {
  /** Creates question `number`'s editor if it can (so that a change to come lands in its history). */
  mount(number: number): unknown;
  /**
   * Shows `change` (against the editor's text) in question `number`'s editor, in its undo history
   * when `undoable`, with the figure `move` it made, if any (its undo moves the file back). False
   * when that question has no editor (yet).
   */
  receive(number: number, change: LocalChange, undoable: boolean, move?: FigureMove): boolean;
  /** The structure changed: every editor takes its text from the session again. */
  resync(): void;
}

export interface SessionOptions {
  /** Quiet time after a keystroke before the scheduler's pause stage re-analyses the document (250 ms). */
  readonly flushDelayMs?: number;
  /** Idle time after a keystroke before saving. */
  readonly autosaveDelayMs?: number;
}

export type SaveOutcome = SaveResult['kind'] | 'skipped';

export interface SaveOptions {
  /** "Keep mine" after a conflict: write over what is on disk. */
  readonly force?: boolean;
  /** "Make it writable and save" after a read-only answer. */
  readonly makeWritable?: boolean;
}

