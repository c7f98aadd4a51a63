/**
 * The session's merges: a change on disk merged into the local edits (silently when nobody's
 * answer was changed on both sides, else held until every conflicted place has a choice), and git's
 * conflict markers in the text resolved one region at a time. It acts on the session only through
 * `MergePort`: the same doors as any change (edits with an origin) and as any save.
 */
import type { DiskStamp } from '../../api/contract';
import { findConflictMarkers } from '../../core/merge/conflictMarkers';
import type { TextEdit } from '../../core/textEdit';
import type { ChangeOrigin } from '../document/documentAuthority';
import { editsBetween } from '../document/textDiff';
import { minimalChange } from '../model/textChange';
import { chosenText, describeDiskChange, mergeDiskChange, resolveRegions, type RegionChoice } from './diskMerge';
import type { Conflict, SaveOutcome, SessionState } from './sessionTypes';
import type { Store } from '../document/store';
import type { DocumentAuthority } from '../document/documentAuthority';

/** What the merges need of the session. */
export interface MergePort {
  readonly store: Store<SessionState>;
  readonly document: DocumentAuthority;
  isDisposed(): boolean;
  /** The text last loaded or saved: the base of a merge. */
  base(): string;
  lineEnding(): string;
  isDirty(): boolean;
  flush(): void;
  /** The disk's text becomes the base (and its stamp the one saves are made against); no conflict pending. */
  acceptDisk(text: string, stamp: DiskStamp): void;
  apply(edits: readonly TextEdit[], origin: ChangeOrigin, label: string): void;
  save(): Promise<SaveOutcome>;
  scheduleAutosave(): void;
  cancelAutosave(): void;
  /** Something changed within the autosave's delay (the student is typing). */
  typing(): boolean;
}

export class MergeResolution {
  constructor(private readonly port: MergePort) {}

  private get conflict(): Conflict | null {
    return this.port.store.getState().conflict;
  }

  /**
   * Merges the disk's `text` into the local edits (base: the text last loaded or saved). Without
   * conflict the merge becomes the document at once (one change, undoable), the disk's text the
   * new base, and a notice says what merged: true. With conflicts nothing changes here and the
   * merge waits for the student's choices: false.
   */
  withDisk(text: string, stamp: DiskStamp, cause: Conflict['cause']): boolean {
    const { port } = this;
    // Keys typed as the change arrives would land in the dialog, which takes the focus, and be
    // lost: while the student types it waits for the pause (the autosave's, which opens it), then
    // asks about the text as it is by then.
    const waiting = cause === 'external' && port.typing();
    port.cancelAutosave();
    const mine = port.document.text;
    const base = port.base();
    const merge = mergeDiskChange(base, mine, text);
    if (merge.regions.length > 0) {
      port.store.setState({ conflict: { diskText: text, stamp, cause, mine, merged: merge.text, regions: merge.regions, dismissed: false, waiting } });
      if (waiting) port.scheduleAutosave();
      return false;
    }
    const notice = describeDiskChange(base, text);
    port.acceptDisk(text, stamp);
    port.apply(editsBetween(mine, merge.text), 'merge', 'Undo the merge');
    port.flush();
    const id = (port.store.getState().mergeNotice?.id ?? 0) + 1;
    port.store.setState({ mergeNotice: { text: notice, id }, saveState: port.isDirty() ? 'unsaved' : 'saved' });
    return true;
  }

  /**
   * Every conflicted region of the pending merge answered (`choices[i]` for `regions[i]`): the
   * resolved merge becomes the document (one change, undoable) against the disk's version, and is
   * saved. When the text was edited after the merge was made ("cancel", then more typing), it is
   * merged again instead and the new conflicts are asked about.
   */
  resolve(choices: readonly RegionChoice[]): Promise<SaveOutcome> {
    const { port } = this;
    const conflict = this.conflict;
    if (port.isDisposed() || !conflict) return Promise.resolve('skipped');
    port.flush();
    if (port.document.text !== conflict.mine) {
      this.withDisk(conflict.diskText, conflict.stamp, conflict.cause);
      return this.conflict ? Promise.resolve('conflict') : port.save();
    }
    if (choices.length !== conflict.regions.length) throw new RangeError('Every conflict needs a choice');
    port.acceptDisk(conflict.diskText, conflict.stamp);
    port.apply(editsBetween(port.document.text, resolveRegions(conflict.merged, conflict.regions, choices)), 'merge', 'Undo the merge');
    port.flush();
    return port.save();
  }

  /** "Cancel" on the merge: the local text stays here (unsaved), the disk keeps its version. */
  cancel(): void {
    const conflict = this.conflict;
    if (conflict) this.port.store.setState({ conflict: { ...conflict, dismissed: true } });
  }

  /** Opens the merge again after "cancel" (merged anew when the text changed since). */
  review(): void {
    const conflict = this.conflict;
    if (!conflict) return;
    this.port.flush();
    if (this.port.document.text !== conflict.mine) {
      if (this.withDisk(conflict.diskText, conflict.stamp, conflict.cause)) this.port.scheduleAutosave();
    } else this.port.store.setState({ conflict: { ...conflict, dismissed: false, waiting: false } });
  }

  /**
   * Resolves git's conflict markers at `regionStart` (as found in the current text) with `choice`:
   * an edit of just that region, undoable, then saved like typing. False when no region starts there.
   */
  resolveMarkers(regionStart: number, choice: RegionChoice): boolean {
    const { port } = this;
    port.flush();
    const text = port.document.text;
    const region = findConflictMarkers(text, port.document.doc).find((r) => r.start === regionStart);
    if (!region) return false;
    // Only the bytes that change: a region inside an answer stays that answer's edit (its editor's undo).
    const change = minimalChange(text.slice(region.start, region.end), chosenText(region, choice, port.lineEnding()));
    if (change) {
      const start = region.start + change.from;
      const end = region.start + change.to;
      port.apply([{ start, end, expect: text.slice(start, end), text: change.insert }], 'fix', 'Undo the conflict resolution');
    }
    port.flush();
    port.scheduleAutosave();
    return true;
  }
}
