/**
 * One open report: the ReportDocument (the file's text, losslessly), its analysis, and the
 * save/sync state machine. Editors own their text while the student types; each keystroke only
 * records the text and updates that question's meters. The edits are folded into the document
 * (setAnswer) when typing pauses, when a field is left, and before every save, so the document and
 * the file never hold anything reformatted.
 */
import { analyzeReport, type ReportAnalysis } from '../../core/analyzeReport';
import { setAnswer, setChecked } from '../../core/editReport';
import { parseReport } from '../../core/parseReport';
import { findQuestion, serializeReport, type ReportDocument } from '../../core/reportModel';
import type { DiskStamp, OpenedReport, ReportApi, SaveResult } from '../../api/contract';
import { editorTextOf, sameAnswer } from '../model/answerText';
import { baselineOf, liveReading, type MeterBaseline } from '../model/meterReading';
import { structureKey } from '../model/structure';
import { LiveMeters } from './liveMeters';
import { Delayed } from './delayed';
import { createStore, type Store } from './store';

export type SaveState = 'saved' | 'unsaved' | 'saving';

export interface Conflict {
  readonly diskText: string;
  readonly stamp: DiskStamp;
  /** `external`: the file changed on disk while there were unsaved edits; `save`: a save found it changed. */
  readonly cause: 'external' | 'save';
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
  /** Bumped when the document was replaced by something other than typing (disk reload, new structure). */
  readonly syncRevision: number;
}

/** The editors, as the session needs them: told when the document changed under them. */
export interface EditorSync {
  syncFromDoc(doc: ReportDocument): void;
}

export interface SessionOptions {
  /** Idle time after a keystroke before the edit is folded into the document and re-analysed. */
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

let sessionCount = 0;

export class ReportSession {
  /** Distinguishes two sessions of the same file (a re-open). */
  readonly id = ++sessionCount;
  readonly store: Store<SessionState>;
  readonly meters = new LiveMeters();
  readonly report: OpenedReport;

  private readonly pending = new Map<number, string>();
  private readonly baselines = new Map<number, MeterBaseline>();
  private docText: string;
  private diskText: string;
  private stamp: DiskStamp;
  private inFlightText: string | null = null;
  private saveChain: Promise<unknown> = Promise.resolve();
  private readonly flushLater = new Delayed(() => this.flush());
  private readonly autosaveLater = new Delayed(() => void this.save());
  private editors: EditorSync | null = null;
  private disposed = false;
  /** "Cancel" on the read-only question: autosaves stop asking (the banner stays) until a save succeeds. */
  private readOnlyDeclined = false;
  private readonly flushDelayMs: number;
  private readonly autosaveDelayMs: number;

  constructor(
    private readonly api: ReportApi,
    report: OpenedReport,
    options: SessionOptions = {},
  ) {
    this.report = report;
    this.flushDelayMs = options.flushDelayMs ?? 250;
    this.autosaveDelayMs = options.autosaveDelayMs ?? 1000;
    const doc = parseReport(report.text);
    this.docText = report.text;
    this.diskText = report.text;
    this.stamp = report.stamp;
    this.store = createStore<SessionState>({
      doc,
      analysis: analyzeReport(report.text, report.profile, doc),
      saveState: 'saved',
      saveError: null,
      conflict: null,
      readOnly: null,
      removedOnDisk: false,
      syncRevision: 0,
    });
  }

  get state(): SessionState {
    return this.store.getState();
  }

  /** True when something typed or ticked is not on disk yet. */
  get dirty(): boolean {
    return this.pending.size > 0 || this.docText !== this.diskText;
  }

  /** The report's text as it would be saved now, edits included (changes no state). */
  textWithEdits(): string {
    if (this.pending.size === 0) return this.docText;
    let doc = this.state.doc;
    for (const [number, text] of this.pending) if (findQuestion(doc, number)) doc = setAnswer(doc, number, text);
    return serializeReport(doc);
  }

  attachEditors(editors: EditorSync | null): void {
    this.editors = editors;
  }

  /** The text an editor for question `number` should show. */
  editorText(number: number): string {
    const pending = this.pending.get(number);
    if (pending !== undefined) return pending;
    const question = findQuestion(this.state.doc, number);
    return question ? editorTextOf(question) : '';
  }

  /** Called on every keystroke in question `number`'s editor, with its whole text. */
  editAnswer(number: number, editorText: string): void {
    if (this.disposed) return;
    this.pending.set(number, editorText);
    const baseline = this.baselineFor(number);
    let exact = false;
    if (baseline) {
      const reading = liveReading(baseline, editorText);
      exact = reading.exact;
      this.meters.set(number, reading);
    }
    if (this.state.saveState === 'saved') this.store.setState({ saveState: 'unsaved' });
    // An inexact reading waits for the analysis: make that wait short.
    this.scheduleFlush(exact ? this.flushDelayMs : Math.min(this.flushDelayMs, 60));
    this.scheduleAutosave();
  }

  /** Leaving a field: fold its edit in and save now. */
  leaveField(): void {
    if (this.dirty) void this.save();
  }

  toggleChecklist(index: number, checked: boolean): void {
    this.flush();
    const doc = setChecked(this.state.doc, index, checked);
    if (doc === this.state.doc) return;
    this.commit(doc, false);
    this.scheduleAutosave();
  }

  /**
   * Replaces the whole report with `text` (a repair, a rewritten link): the document and the
   * editors take it at once, and it is saved like any edit — atomically, against the stamp the
   * disk had, so a change made elsewhere meanwhile becomes a conflict instead of being lost.
   */
  replaceText(text: string): Promise<SaveOutcome> {
    if (this.disposed) return Promise.resolve('skipped');
    this.flush();
    if (text !== this.docText) this.commit(parseReport(text), true);
    return this.save();
  }

  /** Folds every pending editor text into the document and re-analyses it. */
  flush(): void {
    this.flushLater.cancel();
    if (this.pending.size === 0) return;
    const startedAt = performance.now();
    const before = this.state.doc;
    let doc = before;
    for (const [number, text] of this.pending) {
      if (findQuestion(doc, number)) doc = setAnswer(doc, number, text);
    }
    const edited = [...this.pending];
    this.pending.clear();
    const structureChanged = structureKey(doc) !== structureKey(before);
    // An edit that moved text out of its question (e.g. a typed `### Question 7` line) means an
    // editor shows text its question no longer holds: rebuild the editors from the file.
    const misplaced = edited.some(([number, text]) => {
      const q = findQuestion(doc, number);
      return q !== undefined && !sameAnswer(editorTextOf(q), text.trim() === '' ? '' : text);
    });
    this.commit(doc, structureChanged || misplaced);
    // For benchmarks and profiling: how long folding edits in and re-checking the report takes.
    performance.measure('report-editor:flush', { start: startedAt, end: performance.now() });
  }

  /**
   * Saves the report (edits folded in first). Saves run one after another; a save finding the file
   * changed on disk sets `conflict` and writes nothing.
   */
  save(options: SaveOptions = {}): Promise<SaveOutcome> {
    const run = this.saveChain.then(() => this.saveNow(options));
    this.saveChain = run.catch(() => undefined);
    return run;
  }

  /** The file changed on disk (not by our own save). */
  diskChanged(text: string, stamp: DiskStamp): void {
    if (this.disposed || text === this.inFlightText) return;
    if (text === this.diskText) {
      this.stamp = stamp;
      return;
    }
    this.flush();
    if (text === this.docText) {
      // The disk caught up with us (another tool wrote the same text).
      this.diskText = text;
      this.stamp = stamp;
      this.store.setState({ saveState: 'saved', conflict: null, removedOnDisk: false });
      return;
    }
    if (!this.dirty) {
      this.reload(text, stamp);
      return;
    }
    this.autosaveLater.cancel();
    this.store.setState({ conflict: { diskText: text, stamp, cause: 'external' } });
  }

  diskRemoved(): void {
    if (this.disposed) return;
    this.store.setState({ removedOnDisk: true });
  }

  /** Conflict resolved by keeping the local text: overwrite the disk version. */
  async keepMine(): Promise<SaveOutcome> {
    const conflict = this.state.conflict;
    if (conflict) this.stamp = conflict.stamp;
    this.store.setState({ conflict: null });
    return this.save({ force: true });
  }

  /** Conflict resolved by taking the disk version: local edits are dropped. */
  takeDisk(): void {
    const conflict = this.state.conflict;
    if (!conflict) return;
    this.reload(conflict.diskText, conflict.stamp);
  }

  /** "Make it writable and save" (the read-only question, or its banner). */
  makeWritableAndSave(): Promise<SaveOutcome> {
    this.store.setState({ readOnly: null });
    return this.save({ makeWritable: true });
  }

  /** "Cancel" on the read-only question: the edits stay here, unsaved, and the banner says so. */
  keepReadOnly(): void {
    const notice = this.state.readOnly;
    this.readOnlyDeclined = true;
    if (notice) this.store.setState({ readOnly: { ...notice, asking: false } });
  }

  /** Before quitting or switching reports: everything saved? */
  async saveBeforeLeaving(): Promise<boolean> {
    this.flush();
    if (!this.dirty && !this.state.removedOnDisk) return true;
    const outcome = await this.save();
    return outcome === 'saved' || outcome === 'unchanged';
  }

  dispose(): void {
    this.disposed = true;
    this.flushLater.cancel();
    this.autosaveLater.cancel();
    this.editors = null;
  }

  private reload(text: string, stamp: DiskStamp): void {
    this.flushLater.cancel();
    this.autosaveLater.cancel();
    this.pending.clear();
    this.diskText = text;
    this.stamp = stamp;
    this.store.setState({ conflict: null, removedOnDisk: false, saveError: null });
    this.commit(parseReport(text), true);
  }

  private commit(doc: ReportDocument, resyncEditors: boolean): void {
    this.docText = serializeReport(doc);
    const analysis =
      doc === this.state.doc ? this.state.analysis : analyzeReport(this.docText, this.report.profile, doc);
    this.baselines.clear();
    const saving = this.state.saveState === 'saving';
    this.store.setState({
      doc,
      analysis,
      saveState: saving ? 'saving' : this.dirty ? 'unsaved' : 'saved',
      syncRevision: resyncEditors ? this.state.syncRevision + 1 : this.state.syncRevision,
    });
    // After the new analysis is in the store, so meters fall back to the fresh numbers at once.
    this.meters.clear();
    if (resyncEditors) this.editors?.syncFromDoc(doc);
  }

  private baselineFor(number: number): MeterBaseline | undefined {
    let baseline = this.baselines.get(number);
    if (baseline) return baseline;
    const { doc, analysis } = this.state;
    const question = findQuestion(doc, number);
    const view = analysis.questions.find((q) => q.number === number);
    if (!question || !view) return undefined;
    baseline = baselineOf(view, question);
    this.baselines.set(number, baseline);
    return baseline;
  }

  private async saveNow({ force = false, makeWritable = false }: SaveOptions): Promise<SaveOutcome> {
    if (this.disposed) return 'skipped';
    this.flush();
    this.autosaveLater.cancel();
    if (this.state.conflict && !force) return 'conflict';
    // The read-only question is open: the student answers it before anything is tried again.
    if (this.state.readOnly?.asking && !makeWritable) return 'read-only';
    if (!force && !this.dirty && !this.state.removedOnDisk) {
      if (this.state.saveState !== 'saved') this.store.setState({ saveState: 'saved' });
      return 'unchanged';
    }
    const text = this.docText;
    this.inFlightText = text;
    this.store.setState({ saveState: 'saving' });
    let result: SaveResult;
    try {
      result = await this.api.invoke('saveReport', {
        reportPath: this.report.reportPath,
        text,
        baseStamp: this.stamp,
        ...(force ? { force: true } : {}),
        ...(makeWritable ? { makeWritable: true } : {}),
      });
    } catch (error) {
      result = { kind: 'error', message: `Could not save: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.inFlightText = null;
    }
    if (this.disposed) return result.kind;
    const patch: { -readonly [K in keyof SessionState]?: SessionState[K] } = {};
    if (result.kind === 'saved' || result.kind === 'unchanged') {
      this.stamp = result.stamp;
      this.diskText = text;
      patch.saveError = null;
      patch.removedOnDisk = false;
      patch.readOnly = null;
      this.readOnlyDeclined = false;
    } else if (result.kind === 'conflict') {
      patch.conflict = { diskText: result.diskText, stamp: result.stamp, cause: 'save' };
    } else if (result.kind === 'read-only') {
      patch.readOnly = { message: result.message, asking: !this.readOnlyDeclined };
      patch.saveError = null;
    } else {
      patch.saveError = result.message;
    }
    patch.saveState = this.dirty ? 'unsaved' : 'saved';
    this.store.setState(patch);
    // Typed while the save was running: save that too, shortly.
    if ((result.kind === 'saved' || result.kind === 'unchanged') && this.dirty) this.scheduleAutosave();
    return result.kind;
  }

  private scheduleFlush(delay: number): void {
    this.flushLater.schedule(delay);
  }

  private scheduleAutosave(): void {
    this.autosaveLater.schedule(this.autosaveDelayMs);
  }
}
