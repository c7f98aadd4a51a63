/**
 * One open report: its document authority (the text, versioned; every change enters there as
 * edits), what is shown of it (the parse and its analysis, refreshed when typing pauses; the typed
 * answer's meters at once), and the save/sync state machine, which alone knows what the disk holds.
 * Answer editors are views: a keystroke is an edit of the answer's bytes in the file (nothing
 * around it is rewritten); a fix, repair, figure link or reload is an edit too, shown in the
 * editors as an ordinary change — in the answer's own undo history when it touches one answer, as
 * one entry of the global undo when it touches several. Its shapes are in sessionTypes.ts; when
 * each view catches up, ../document/scheduler.ts; saving and what the disk holds, diskSync.ts (a
 * version it could not save, keptVersion.ts); merges and git's markers, mergeResolution.ts.
 */
import { analyzeReport } from '../../core/analyzeReport';
import { setAnswer, setChecked } from '../../core/editReport';
import { findQuestion, serializeReport, type LineEnding, type ReportDocument } from '../../core/reportModel';
import type { TextEdit } from '../../core/textEdit';
import type { DiskStamp, OpenedReport, ReportApi } from '../../api/contract';
import { findConflictMarkers } from '../../core/merge/conflictMarkers';
import { AnswerSpans, editorTextIn } from '../document/answerSpans';
import { DocumentAuthority, type ChangeOrigin, type DocumentChange } from '../document/documentAuthority';
import type { FigureMove } from '../document/figureMove';
import { GlobalUndo } from '../document/globalUndo';
import { DocumentScheduler } from '../document/scheduler';
import { editsBetween } from '../document/textDiff';
import { typedEdits, type LocalChange } from '../document/typedEdits';
import { baselineOf, liveReading, type MeterBaseline } from '../model/meterReading';
import { minimalChange } from '../model/textChange';
import { structureKey } from '../model/structure';
import { LiveMeters } from './liveMeters';
import { DiskSync } from './diskSync';
import { createStore, type Store } from '../document/store';
import { MergeResolution } from './mergeResolution';
import type { EditorSync, SaveOptions, SaveOutcome, SessionOptions, SessionState } from './sessionTypes';

export type * from './sessionTypes';

let sessionCount = 0;

/** Quiet time after the re-analysis before the idle passes (doctor, graded page, figures) are offered idle time. */
const IDLE_AFTER_PAUSE_MS = 400;

export class ReportSession {
  /** Distinguishes two sessions of the same file (a re-open). */
  readonly id = ++sessionCount;
  readonly store: Store<SessionState>;
  readonly meters = new LiveMeters();
  readonly report: OpenedReport;
  /** The one owner of the report's text. */
  readonly document: DocumentAuthority;
  /** Changes no single answer's history holds (multi-answer repairs and fixes). */
  readonly undo = new GlobalUndo();
  /** Changes on disk merged into the edits here, and git's conflict markers resolved. */
  readonly merge: MergeResolution;
  /**
   * When each view of the document catches up with a new version: the re-analysis (and what reads
   * it) when typing pauses, the doctor, the graded-page scan and the figure checks when idle.
   */
  readonly scheduler: DocumentScheduler;

  private readonly spans: AnswerSpans;
  private eol: LineEnding;
  private readonly baselines = new Map<number, MeterBaseline>();
  /** What the disk holds, and saving to it: the save/sync state machine. */
  private readonly disk: DiskSync;
  /** The spans crossed an edge: rebuilt from the parse at the next refresh. */
  private spansBroken = false;
  private editors: EditorSync | null = null;
  private disposed = false;

  constructor(api: ReportApi, report: OpenedReport, options: SessionOptions = {}) {
    this.report = report;
    this.document = new DocumentAuthority(report.text);
    const pauseMs = options.flushDelayMs ?? 250;
    this.scheduler = new DocumentScheduler(this.document.version, { pauseMs, idleMs: pauseMs + IDLE_AFTER_PAUSE_MS });
    this.document.subscribe((change) => this.scheduler.advance(change.version));
    // The first pause task: everything else that runs when typing pauses reads its result.
    this.scheduler.onPause('analysis', () => this.reanalyze());
    const doc = this.document.doc;
    this.spans = new AnswerSpans(doc);
    this.eol = doc.lineEnding;
    this.store = createStore<SessionState>({
      doc,
      analysis: analyzeReport(report.text, report.profile, doc),
      saveState: 'saved',
      saveError: null,
      conflict: null,
      readOnly: null,
      removedOnDisk: false,
      markers: findConflictMarkers(report.text, doc),
      mergeNotice: null,
      syncRevision: 0,
    });
    this.disk = new DiskSync(
      {
        api,
        reportPath: report.reportPath,
        store: this.store,
        document: this.document,
        merge: () => this.merge,
        isDisposed: () => this.disposed,
        flush: () => this.flush(),
        apply: (edits, origin) => void this.applyChange(edits, origin),
      },
      report.text,
      report.stamp,
      options.autosaveDelayMs ?? 1000,
    );
    this.merge = new MergeResolution({
      store: this.store,
      document: this.document,
      isDisposed: () => this.disposed,
      base: () => this.disk.base,
      lineEnding: () => this.eol,
      isDirty: () => this.dirty,
      flush: () => this.flush(),
      acceptDisk: (text, stamp) => this.disk.acceptDisk(text, stamp),
      apply: (edits, origin, label) => void this.applyChange(edits, origin, { label }),
      save: () => this.save(),
      scheduleAutosave: () => this.scheduleAutosave(),
      cancelAutosave: () => this.disk.cancelAutosave(),
      typing: () => this.disk.autosavePending,
    });
    this.disk.restoreKept();
  }

  get state(): SessionState {
    return this.store.getState();
  }

  /** The report's text now, everything typed included. */
  get text(): string {
    return this.document.text;
  }

  /** The parse of `text` (made once per version, shared by whoever needs it at a pause). */
  get parsed(): ReportDocument {
    return this.document.doc;
  }

  /** True when something typed or ticked is not on disk yet. */
  get dirty(): boolean {
    return this.disk.dirty;
  }

  attachEditors(editors: EditorSync | null): void {
    this.editors = editors;
  }

  /** The text an editor for question `number` shows: its span of the file. */
  editorText(number: number): string {
    const span = this.spans.get(number);
    return span ? editorTextIn(this.document, span, number) : '';
  }

  /**
   * Called on every change typed in question `number`'s editor: `changes` against `before` (the
   * editor's text before), which now reads `after`. The file changes by exactly those bytes.
   */
  typeInAnswer(number: number, changes: readonly LocalChange[], before: string, after: string): void {
    if (this.disposed) return;
    const span = this.spans.get(number);
    if (!span) return;
    const edits = typedEdits(this.document, span, number, this.eol, changes, before, after);
    if (edits === null) {
      // A blank answer's first text: written with its blank lines around it, then located anew.
      const text = this.document.text;
      this.applyTyped(number, editsBetween(text, serializeReport(setAnswer(this.document.doc, number, after))));
      this.spans.rebuild(this.document.doc);
    } else {
      this.applyTyped(number, edits);
    }
    const baseline = this.baselineFor(number);
    if (baseline) {
      const reading = liveReading(baseline, after);
      // Text the checker's split reacts to: the whole report is checked now, so the meter never
      // shows a number that a later analysis corrects.
      if (reading.exact) this.meters.set(number, reading);
      else this.flush();
    }
    // (Not `dirty`: comparing the whole text on a keystroke is what typing must not cost.)
    if (this.state.saveState === 'saved') this.store.setState({ saveState: 'unsaved' });
    this.scheduleAutosave();
  }

  /** Question `number`'s editor now reads `editorText` (a whole-text form of `typeInAnswer`). */
  editAnswer(number: number, editorText: string): void {
    const before = this.editorText(number);
    const change = minimalChange(before, editorText);
    if (change) this.typeInAnswer(number, [change], before, editorText);
  }

  /** Leaving a field: save now. */
  leaveField(): void {
    if (this.dirty) void this.save();
  }

  toggleChecklist(index: number, checked: boolean): void {
    const before = this.document.doc;
    const after = setChecked(before, index, checked);
    if (after === before) return;
    this.applyChange(editsBetween(this.document.text, serializeReport(after)), 'typing');
    this.flush();
    this.scheduleAutosave();
  }

  /**
   * Applies edits made elsewhere than in an editor (a fix, a repair, a figure link, a reload):
   * `version` is the one they were computed against (they are moved onto the current text; an edit
   * whose bytes changed since throws EditMismatchError and nothing is applied). The editors show
   * the change: in the answer's own undo history when it touches one answer whose editor is there,
   * else as one entry of the global undo (`label` names it). `figureMove`: the figure file this
   * change's links followed, which its undo moves back. Not saved here (see `save`).
   */
  applyChange(
    edits: readonly TextEdit[],
    origin: ChangeOrigin,
    options: { readonly version?: number; readonly label?: string; readonly figureMove?: FigureMove } = {},
  ): DocumentChange | null {
    if (this.disposed) return null;
    const rebased = options.version === undefined ? edits : this.document.rebase(edits, options.version);
    const placement = this.spans.place(rebased);
    const undoable = origin !== 'disk' && origin !== 'undo';
    // One answer changed inside its text: the change is that answer's (its editor's undo history).
    const [only] = placement.answers;
    const own = !placement.outside && placement.answers.size === 1 && only !== undefined;
    if (own && undoable) this.editors?.mount(only);
    const was = own ? this.editorText(only) : '';
    const change = this.document.apply({ edits: rebased, origin });
    if (!change) return null;
    // An insertion at the edge of that answer (text added at its end by a merge) is the answer's:
    // `place` counted it in, so the span must grow with it, or the editor never shows it.
    this.afterChange(change, own ? only : undefined);
    let inEditor = false;
    if (own) {
      const local = minimalChange(was, this.editorText(only));
      inEditor = local ? (this.editors?.receive(only, local, undoable, options.figureMove) ?? false) : true;
    } else {
      // Several answers, or text around them: the editors are rebuilt from the new parse.
      this.spansBroken = true;
    }
    if (undoable && !inEditor) this.undo.push(change, options.label ?? 'Undo the last change', options.figureMove);
    if (this.spansBroken) this.flush();
    if (this.state.saveState === 'saved' && this.dirty) this.store.setState({ saveState: 'unsaved' });
    return change;
  }

  /**
   * Question `number`'s answer becomes what an editor holding `editorText` writes (an emptied
   * answer gets the placeholder back), as a change from elsewhere (a removed link, a fix).
   */
  replaceAnswer(number: number, editorText: string, origin: ChangeOrigin, label?: string): DocumentChange | null {
    const span = this.spans.get(number);
    const before = this.editorText(number);
    const change = minimalChange(before, editorText);
    if (!span || !change) return null;
    const edits =
      typedEdits(this.document, span, number, this.eol, [change], before, editorText) ??
      editsBetween(this.document.text, serializeReport(setAnswer(this.document.doc, number, editorText)));
    return this.applyChange(edits, origin, label === undefined ? {} : { label });
  }

  /** Undoes the newest global undo entry; false when there is none or its text changed since. */
  undoGlobal(): boolean {
    const entry = this.undo.pop();
    if (!entry) return false;
    try {
      if (entry.edits.length > 0) this.applyChange(entry.edits, 'undo', { version: entry.version });
    } catch (error) {
      if (error instanceof RangeError) return false;
      throw error;
    }
    this.undo.carryOutFiles(entry);
    this.scheduleAutosave();
    return true;
  }

  /**
   * Replaces the whole report with `text` (a repair): as edits, one per changed part, undoable as
   * one step; saved like any edit — atomically, against the stamp the disk had, so a change made
   * elsewhere meanwhile becomes a conflict instead of being lost.
   */
  replaceText(text: string, label = 'Undo the repair'): Promise<SaveOutcome> {
    if (this.disposed) return Promise.resolve('skipped');
    this.applyChange(editsBetween(this.document.text, text), 'repair', { label });
    return this.save();
  }

  /**
   * Brings what is shown (the parse, its analysis, the editors' structure, and every other task of
   * the scheduler's pause stage) up to the current version now, instead of when typing pauses.
   */
  flush(): void {
    this.scheduler.settle();
  }

  private reanalyze(): void {
    const before = this.state.doc;
    const doc = this.document.doc;
    if (doc === before) return;
    const startedAt = performance.now();
    const structureChanged = this.spansBroken || structureKey(doc) !== structureKey(before);
    this.commit(doc, structureChanged);
    // For benchmarks and profiling: how long re-checking the report takes.
    performance.measure('report-editor:flush', { start: startedAt, end: performance.now() });
  }

  /**
   * Saves the report. Saves run one after another; a save finding the file changed on disk merges
   * it in (and saves the merge) or sets `conflict` and writes nothing.
   */
  save(options: SaveOptions = {}): Promise<SaveOutcome> {
    return this.disk.save(options);
  }

  /** The file changed on disk (not by our own save): reloaded, merged, or a conflict. */
  diskChanged(text: string, stamp: DiskStamp): void {
    this.disk.diskChanged(text, stamp);
  }

  diskRemoved(): void {
    this.disk.diskRemoved();
  }

  /** "Make it writable and save" (the read-only question, or its banner). */
  makeWritableAndSave(): Promise<SaveOutcome> {
    return this.disk.makeWritableAndSave();
  }

  /** "Cancel" on the read-only question: the edits stay here, unsaved, and the banner says so. */
  keepReadOnly(): void {
    this.disk.keepReadOnly();
  }

  /** The page is being left: edits not saved yet are kept in its storage (keptVersion.ts). */
  keepUnsaved(): void {
    this.disk.keepUnsaved();
  }

  /** Before quitting or switching reports: everything saved? */
  async saveBeforeLeaving(): Promise<boolean> {
    if (!this.dirty && !this.state.removedOnDisk) return true;
    const outcome = await this.save();
    return outcome === 'saved' || outcome === 'unchanged';
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
    this.disk.cancelAutosave();
    this.editors = null;
  }

  private applyTyped(number: number, edits: readonly TextEdit[]): void {
    const change = this.document.apply({ edits, origin: 'typing', question: number });
    if (change) this.afterChange(change, number);
  }

  /** Every change: the spans move with it. */
  private afterChange(change: DocumentChange, typedIn?: number): void {
    if (!this.spans.map(change.edits, typedIn)) this.spansBroken = true;
  }

  private commit(doc: ReportDocument, resyncEditors: boolean): void {
    const analysis =
      doc === this.state.doc ? this.state.analysis : analyzeReport(this.document.text, this.report.profile, doc);
    this.baselines.clear();
    this.eol = doc.lineEnding;
    if (resyncEditors) {
      this.spans.rebuild(doc);
      this.spansBroken = false;
    }
    const saving = this.state.saveState === 'saving';
    const markers = doc === this.state.doc ? this.state.markers : findConflictMarkers(this.document.text, doc);
    this.store.setState({
      doc,
      analysis,
      markers,
      saveState: saving ? 'saving' : this.dirty ? 'unsaved' : 'saved',
      syncRevision: resyncEditors ? this.state.syncRevision + 1 : this.state.syncRevision,
    });
    // After the new analysis is in the store, so meters fall back to the fresh numbers at once.
    this.meters.clear();
    if (resyncEditors) this.editors?.resync();
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

  private scheduleAutosave(): void {
    this.disk.scheduleAutosave();
  }
}
