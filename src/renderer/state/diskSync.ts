/**
 * The session's save/sync state machine, which alone knows what the disk holds: the text last
 * loaded or saved and its stamp, autosave, saves one after another against that stamp (a change
 * made elsewhere meanwhile becomes a merge or a conflict, never a lost write), the read-only
 * question, and what to do when the file changes or disappears on disk. It reaches the document
 * only through `DiskSyncPort`: the same doors as any change.
 */
import type { DiskStamp, ReportApi, SaveResult } from '../../api/contract';
import type { TextEdit } from '../../core/textEdit';
import type { ChangeOrigin, DocumentAuthority } from '../document/documentAuthority';
import { editsBetween } from '../document/textDiff';
import { Delayed } from './delayed';
import { KeptVersions } from './keptVersion';
import type { MergeResolution } from './mergeResolution';
import type { SaveOptions, SaveOutcome, SessionState } from './sessionTypes';
import type { Store } from '../document/store';

/** What the save machine needs of the session. */
export interface DiskSyncPort {
  readonly api: ReportApi;
  readonly reportPath: string;
  readonly store: Store<SessionState>;
  readonly document: DocumentAuthority;
  readonly merge: () => MergeResolution;
  isDisposed(): boolean;
  /** Brings what is shown up to the current version (a save writes what the student sees). */
  flush(): void;
  apply(edits: readonly TextEdit[], origin: ChangeOrigin): void;
}

export class DiskSync {
  /** What the disk holds as far as we know, and its stamp. */
  private diskText: string;
  private stamp: DiskStamp;
  private saveChain: Promise<unknown> = Promise.resolve();
  private readonly autosaveLater = new Delayed(() => void this.save());
  /** "Cancel" on the read-only question: autosaves stop asking (the banner stays) until a save succeeds. */
  private readOnlyDeclined = false;
  /**
   * Our own saves, whose echo the host sends every page (another tab must see them): the text of
   * the save in flight (an echo before its answer) and the stamps written lately (a late echo).
   */
  private inFlight: string | null = null;
  private readonly written: DiskStamp[] = [];
  /** The student's version while it cannot be saved, kept across a reload or a closed tab. */
  private readonly kept: KeptVersions;

  constructor(
    private readonly port: DiskSyncPort,
    text: string,
    stamp: DiskStamp,
    private readonly autosaveDelayMs: number,
  ) {
    this.diskText = text;
    this.stamp = stamp;
    this.kept = new KeptVersions(port.reportPath);
  }

  /** The text last loaded or saved: the base of a merge. */
  get base(): string {
    return this.diskText;
  }

  /** True when something typed or ticked is not on disk yet. */
  get dirty(): boolean {
    return this.port.document.text !== this.diskText;
  }

  private get state(): SessionState {
    return this.port.store.getState();
  }

  /** Something changed within the autosave's delay: the student is (likely) typing. */
  get autosavePending(): boolean {
    return this.autosaveLater.pending;
  }

  scheduleAutosave(): void {
    this.autosaveLater.schedule(this.autosaveDelayMs);
  }

  cancelAutosave(): void {
    this.autosaveLater.cancel();
  }

  /** Saves one after another; a save finding the file changed on disk merges or sets `conflict`. */
  save(options: SaveOptions = {}): Promise<SaveOutcome> {
    const run = this.saveChain.then(() => this.saveNow(options));
    this.saveChain = run.catch(() => undefined);
    return run;
  }

  /**
   * The file changed on disk. What it reports with the stamp we know is nothing new, and neither
   * is the echo of our own save (the host tells every page of every change).
   */
  diskChanged(text: string, stamp: DiskStamp): void {
    if (this.port.isDisposed() || stamp === this.stamp) return;
    if (text === this.inFlight || this.written.includes(stamp)) return;
    // Events come in the order the disk changed: an echo of ours older than this one came before it.
    this.written.length = 0;
    this.port.flush();
    if (text === this.port.document.text) {
      // The disk caught up with us (another tool wrote the same text).
      this.diskText = text;
      this.stamp = stamp;
      this.kept.clear();
      this.port.store.setState({ saveState: 'saved', conflict: null, removedOnDisk: false });
      return;
    }
    if (!this.dirty) {
      this.reload(text, stamp);
      return;
    }
    if (this.port.merge().withDisk(text, stamp, 'external')) this.scheduleAutosave();
    else this.keepUnsaved();
  }

  /** Edits this page cannot save (yet) are kept in its storage until they are: a reload loses nothing. */
  keepUnsaved(): void {
    if (this.dirty) this.kept.keep(this.diskText, this.port.document.text);
  }

  /**
   * A version of this report kept by a page that could not save it (reloaded, closed): merged into
   * the text just opened like a change on disk (base: the text it was edited from), so where the
   * file changed too the merge dialog asks, and the rest comes back and is saved.
   */
  restoreKept(): void {
    const kept = this.kept.read();
    if (!kept || this.port.isDisposed()) return;
    this.kept.adopt(kept);
    const disk = this.diskText;
    if (kept.text === disk) return this.kept.clear();
    this.diskText = kept.base;
    this.port.apply(editsBetween(disk, kept.text), 'disk');
    this.port.flush();
    if (!this.port.merge().withDisk(disk, this.stamp, 'kept')) return;
    const id = (this.state.mergeNotice?.id ?? 0) + 1;
    const text = 'Your edits that were not saved when this report was last closed in this browser are back, merged with the file.';
    this.port.store.setState({ mergeNotice: { text, id } });
    this.scheduleAutosave();
  }

  diskRemoved(): void {
    if (this.port.isDisposed()) return;
    this.port.store.setState({ removedOnDisk: true });
  }

  /** "Make it writable and save" (the read-only question, or its banner). */
  makeWritableAndSave(): Promise<SaveOutcome> {
    this.port.store.setState({ readOnly: null });
    return this.save({ makeWritable: true });
  }

  /** "Cancel" on the read-only question: the edits stay here, unsaved, and the banner says so. */
  keepReadOnly(): void {
    const notice = this.state.readOnly;
    this.readOnlyDeclined = true;
    if (notice) this.port.store.setState({ readOnly: { ...notice, asking: false } });
  }

  /** The disk's text is the base from now on (its stamp the one saves are made against). */
  acceptDisk(text: string, stamp: DiskStamp): void {
    this.diskText = text;
    this.stamp = stamp;
    this.port.store.setState({ conflict: null, removedOnDisk: false, saveError: null });
  }

  /** The disk's text becomes the document's, through the same door as any change (not undoable). */
  private reload(text: string, stamp: DiskStamp): void {
    this.autosaveLater.cancel();
    this.acceptDisk(text, stamp);
    this.port.apply(editsBetween(this.port.document.text, text), 'disk');
    this.port.flush();
  }

  private async saveNow({ force = false, makeWritable = false }: SaveOptions, retried = false): Promise<SaveOutcome> {
    const { port } = this;
    if (port.isDisposed()) return 'skipped';
    port.flush();
    this.autosaveLater.cancel();
    if (this.state.conflict && !force) {
      // The merge waited for the typing to pause (mergeResolution.ts): now it asks.
      if (this.state.conflict.waiting) port.merge().review();
      this.keepUnsaved();
      return 'conflict';
    }
    // The read-only question is open: the student answers it before anything is tried again.
    if (this.state.readOnly?.asking && !makeWritable) return 'read-only';
    if (!force && !this.dirty && !this.state.removedOnDisk) {
      this.kept.clear();
      if (this.state.saveState !== 'saved') port.store.setState({ saveState: 'saved' });
      return 'unchanged';
    }
    const text = port.document.text;
    port.store.setState({ saveState: 'saving' });
    let result: SaveResult;
    this.inFlight = text;
    try {
      result = await port.api.invoke('saveReport', {
        reportPath: port.reportPath,
        text,
        baseStamp: this.stamp,
        ...(force ? { force: true } : {}),
        ...(makeWritable ? { makeWritable: true } : {}),
      });
    } catch (error) {
      result = { kind: 'error', message: `Could not save: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.inFlight = null;
    }
    if (port.isDisposed()) return result.kind;
    const patch: { -readonly [K in keyof SessionState]?: SessionState[K] } = {};
    if (result.kind === 'saved' || result.kind === 'unchanged') {
      this.stamp = result.stamp;
      this.diskText = text;
      this.written.push(result.stamp);
      if (this.written.length > 4) this.written.shift();
      this.kept.clear();
      patch.saveError = null;
      patch.removedOnDisk = false;
      patch.readOnly = null;
      this.readOnlyDeclined = false;
    } else if (result.kind === 'conflict') {
      // Merged with what is on disk now: saved right away when nothing conflicts (once, so two
      // programs writing in turn cannot keep this going), else the merge asks.
      if (port.merge().withDisk(result.diskText, result.stamp, 'save')) {
        if (!retried) return this.saveNow({ force, makeWritable }, true);
        this.scheduleAutosave();
      }
      patch.saveState = this.dirty ? 'unsaved' : 'saved';
      port.store.setState(patch);
      if (this.state.conflict) this.keepUnsaved();
      return this.state.conflict ? 'conflict' : result.kind;
    } else if (result.kind === 'read-only') {
      patch.readOnly = { message: result.message, asking: !this.readOnlyDeclined };
      patch.saveError = null;
      this.keepUnsaved();
    } else {
      patch.saveError = result.message;
      this.keepUnsaved();
    }
    patch.saveState = this.dirty ? 'unsaved' : 'saved';
    port.store.setState(patch);
    // Typed while the save was running: save that too, shortly.
    if ((result.kind === 'saved' || result.kind === 'unchanged') && this.dirty) this.scheduleAutosave();
    return result.kind;
  }
}
