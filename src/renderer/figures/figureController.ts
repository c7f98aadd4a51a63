/**
 * The figures of one open report, as the UI works with them: importing dropped, pasted and picked
 * images (the service copies them into figures/, this inserts the links through the editors),
 * removing and renaming, the offer of a downscaled copy, and the hygiene findings the problems
 * panel shows with their fixes.
 *
 * The report text is only ever changed through the session's one door, as edits (the editors show
 * them in their undo history, meters and the normal save path see them); the service changes
 * files, never the report.
 */
import { figureLinkFindings, type FigureFinding, type FigureFindingKind, type FigureFix } from '../../core/figures/figureFindings';
import { removeFigureLink } from '../../core/figures/figureLinkEdits';
import { reportFigureLinks } from '../../core/figures/scanFigureLinks';
import { parseReport } from '../../core/parseReport';
import type { TextEdit } from '../../core/textEdit';
import type {
  FigureHygieneResult,
  FigureImportOutcome,
  FigureUpload,
  InitialState,
  ReportApi,
} from '../../api/contract';
import type { EditorManager } from '../editor/editorManager';
import { Delayed } from '../state/delayed';
import type { ReportSession } from '../state/reportSession';
import { createStore, type Store } from '../state/store';
import { insertLinksInEditor, insertPosition, type InsertPoint } from './editorEdits';
import { batchBySize, MAX_FILE_BYTES, toUpload } from './figureFiles';
import { answerEdits, fileNameOf, formatBytes, insertLinksAt, isLinked } from './figureText';

export type FigureMessageTone = 'ok' | 'info' | 'error';

export interface FigureMessage {
  readonly id: number;
  readonly tone: FigureMessageTone;
  readonly text: string;
  /** An oversized image just added: the student may switch its link to a downscaled copy. */
  readonly downscale?: string;
}

export interface CardFigures {
  /** What is running for this question ("Adding 2 images…"), or null. */
  readonly busy: string | null;
  readonly messages: readonly FigureMessage[];
}

export interface FigureState {
  readonly cards: ReadonlyMap<number, CardFigures>;
  /** The hygiene findings to show: the service's for the current text, else the text-level ones plus the last disk/git ones. */
  readonly findings: readonly FigureFinding[];
  readonly git: FigureHygieneResult['git'] | null;
  /**
   * What the last disk check found for the student's links (paths relative to the report's folder):
   * thumbnails load only files known to be there, so a missing one is never requested.
   */
  readonly disk: { readonly checked: ReadonlySet<string>; readonly missing: ReadonlySet<string> } | null;
}

export const NO_CARD: CardFigures = { busy: null, messages: [] };

/** Findings only the service can make (disk and git); the text-level ones are recomputed live. */
const DISK_KINDS: ReadonlySet<FigureFindingKind> = new Set<FigureFindingKind>([
  'missing-file',
  'case-mismatch',
  'unused-file',
  'untracked-file',
  'ignored-file',
]);

const LIVE_DELAY_MS = 300;
const HYGIENE_DELAY_MS = 150;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The outcome of applying a whole-report text through the editors. */
export interface Applied {
  readonly changed: readonly number[];
  /** Questions typed in while the service ran: their links were not updated. */
  readonly skipped: readonly number[];
  /** The change reached outside the answers: nothing was applied. */
  readonly outside: boolean;
}

export class FigureController {
  readonly store: Store<FigureState>;
  private manager: EditorManager | null = null;
  private users = 0;
  private unsubscribe: (() => void) | null = null;
  private readonly liveLater = new Delayed(() => this.updateLive());
  private readonly hygieneLater = new Delayed(() => this.refreshHygiene());
  private hygieneRun = 0;
  private service: { readonly text: string; readonly result: FigureHygieneResult } | null = null;
  private live: { readonly text: string; readonly findings: readonly FigureFinding[] } | null = null;
  private messageId = 0;

  constructor(
    readonly api: ReportApi,
    readonly host: InitialState['host'],
    readonly session: ReportSession,
  ) {
    this.store = createStore<FigureState>({ cards: new Map(), findings: [], git: null, disk: null });
  }

  /** A component using the figures: the first starts the hygiene checks, the last stops them. */
  retain(): () => void {
    this.users += 1;
    if (this.users === 1) this.start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users -= 1;
      if (this.users === 0) this.stop();
    };
  }

  /** The form's editors: files dropped on or pasted into an answer come here. */
  attach(manager: EditorManager): void {
    if (this.manager === manager) return;
    this.manager = manager;
    manager.onFiles = (number, files, at) => {
      const view = manager.mount(number);
      void this.importFiles(number, files, {
        pasted: at.pasted,
        at: view ? { doc: view.state.doc, pos: at.pos } : null,
      });
    };
  }

  // -------------------------------------------------------------------------------------------
  // Importing

  /**
   * Copies `files` into figures/ for question `number` and inserts a link for each accepted one,
   * at `at` (a drop or paste point), at the cursor the student placed, or at the end of the answer.
   */
  async importFiles(
    number: number,
    files: readonly File[],
    options: { readonly pasted?: boolean; readonly at?: InsertPoint | null } = {},
  ): Promise<void> {
    if (files.length === 0) return;
    const messages: Omit<FigureMessage, 'id'>[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        messages.push({
          tone: 'error',
          text: `"${file.name}" is ${formatBytes(file.size)}; figures over ${MAX_FILE_BYTES / 1024 / 1024} MB are refused. Nothing was written.`,
        });
      } else accepted.push(file);
    }
    this.setCard(number, {
      busy: `Adding ${accepted.length === 1 ? 'the image' : `${accepted.length} images`}…`,
    });
    const outcomes: FigureImportOutcome[] = [];
    try {
      for (const batch of batchBySize(accepted)) {
        const uploads: FigureUpload[] = await Promise.all(batch.map((file) => toUpload(file)));
        const result = await this.api.invoke('importFigures', {
          question: number,
          files: uploads,
          ...(options.pasted ? { pasted: true } : {}),
        });
        outcomes.push(...result);
      }
    } catch (error) {
      messages.push({ tone: 'error', text: `The images could not be added: ${errorText(error)}` });
    }
    const added = outcomes.filter((o): o is Extract<FigureImportOutcome, { ok: true }> => o.ok);
    if (added.length > 0) {
      this.insert(
        number,
        added.map((o) => o.markdown),
        options.at ?? null,
      );
    }
    for (const outcome of outcomes) messages.push(importMessage(outcome));
    this.setCard(number, { busy: null }, messages);
    if (added.length > 0) this.scheduleHygiene();
  }

  /** Inserts the links through question `number`'s editor (mounted if it was not yet). */
  private insert(number: number, markdown: readonly string[], at: InsertPoint | null): void {
    const view = this.manager?.mount(number) ?? null;
    if (view) {
      insertLinksInEditor(view, insertPosition(view, at, this.manager?.placedCursor(number) ?? false), markdown);
      return;
    }
    const text = this.session.editorText(number);
    this.session.editAnswer(number, insertLinksAt(text, text.length, markdown).text);
  }

  /** Switches the links to an oversized figure over to a downscaled copy (the original stays). */
  async downscale(number: number, messageId: number, target: string): Promise<void> {
    this.setCard(number, { busy: `Making a smaller copy of ${fileNameOf(target)}…` });
    const messages: Omit<FigureMessage, 'id'>[] = [];
    try {
      const version = this.session.document.version;
      const base = this.session.text;
      const result = await this.api.invoke('downscaleFigure', { target, text: base });
      if (!result) {
        messages.push({ tone: 'info', text: `A smaller copy of ${target} would not be smaller; it stays as it is.` });
      } else {
        const applied = await this.applyServiceEdits(base, result.edits ?? [], version, 'figure');
        messages.push(
          applied.outside || applied.changed.length === 0
            ? {
                tone: 'error',
                text: `Made ${result.relativeLink}, but could not point the links at it: ${this.whyNot(applied)}`,
              }
            : {
                tone: 'ok',
                text: `Now linking ${result.relativeLink} (${formatBytes(result.bytes)}, ${result.width}×${result.height} px) instead of ${target} (${formatBytes(result.original.bytes)}, ${result.original.width} px wide). The original is still in figures/.`,
              },
        );
      }
    } catch (error) {
      messages.push({ tone: 'error', text: `No smaller copy was made: ${errorText(error)}` });
    }
    this.dismiss(number, messageId);
    this.setCard(number, { busy: null }, messages);
    this.scheduleHygiene();
  }

  // -------------------------------------------------------------------------------------------
  // Remove, delete, rename

  /**
   * Removes question `number`'s links to `target`. Answers whether the file may now be deleted:
   * it is in figures/ and nothing else in the report links it.
   */
  removeLink(number: number, target: string): { removed: number; canDelete: boolean } {
    const base = this.session.text;
    const { text, removed } = removeFigureLink(base, number, target);
    if (removed === 0) return { removed, canDelete: false };
    const next = answerEdits(base, text)?.get(number);
    if (next === undefined) return { removed: 0, canDelete: false };
    this.session.replaceAnswer(number, next, 'figure', `Undo removing the link to ${target}`);
    this.postMessages(number, [{ tone: 'ok', text: `Removed the link to ${target}.` }]);
    this.scheduleHygiene();
    return { removed, canDelete: target.startsWith('figures/') && !isLinked(this.session.text, target) };
  }

  /** Deletes `target` from figures/ (the service refuses when the report links it again). */
  async deleteFile(number: number, target: string): Promise<void> {
    try {
      const result = await this.api.invoke('deleteFigure', {
        text: this.session.text,
        target,
      });
      this.postMessages(number, [
        result.deleted
          ? { tone: 'ok', text: `Deleted ${target}.` }
          : {
              tone: 'info',
              text: `${target} was kept: question ${result.linkedBy.join(', ')} still links it.`,
            },
      ]);
    } catch (error) {
      this.postMessages(number, [{ tone: 'error', text: `${target} was not deleted: ${errorText(error)}` }]);
    }
    this.scheduleHygiene();
  }

  /** Renames the file and points every link at the new name. Throws with the reason when refused. */
  async rename(number: number, from: string, to: string): Promise<void> {
    const version = this.session.document.version;
    const base = this.session.text;
    const result = await this.api.invoke('renameFigure', { text: base, from, to });
    const applied = await this.applyServiceEdits(base, result.edits, version, 'figure');
    const links = result.changedLinks === 1 ? '1 link' : `${result.changedLinks} links`;
    this.postMessages(number, [
      applied.outside || applied.skipped.length > 0
        ? {
            tone: 'error',
            text: `Renamed ${from} to ${result.relativeLink}, but not every link was updated: ${this.whyNot(applied)}`,
          }
        : { tone: 'ok', text: `Renamed ${from} to ${result.relativeLink} (${links} updated).` },
    ]);
    this.scheduleHygiene();
  }

  // -------------------------------------------------------------------------------------------
  // Hygiene

  /** Carries out one fix of a finding; answers what happened, for a notice. */
  async applyFix(fix: FigureFix): Promise<string> {
    const version = this.session.document.version;
    const base = this.session.text;
    let message: string;
    try {
      if (fix.kind === 'edit') {
        this.applyEdits(fix.edits, 'fix', fix.label);
        message = `${fix.label}: done.`;
      } else {
        const result = await this.api.invoke('applyFigureFix', { text: base, fix });
        message = `${result.message}.`;
        if (result.edits.length > 0) {
          const applied = await this.applyServiceEdits(base, result.edits, version, 'fix');
          if (applied.outside || applied.skipped.length > 0)
            message = `Not fixed in the report: ${this.whyNot(applied)}`;
        }
      }
    } catch (error) {
      this.refreshHygiene();
      return error instanceof RangeError
        ? 'The report changed since this was checked; the check runs again, then try once more.'
        : `Not fixed: ${errorText(error)}`;
    }
    if (fix.kind === 'edit') await this.session.save();
    this.refreshHygiene();
    return message;
  }

  /** Asks the service for every check (disk and git included) on the current text. */
  refreshHygiene(): void {
    this.hygieneLater.cancel();
    const text = this.session.text;
    const run = ++this.hygieneRun;
    this.api.invoke('figureHygiene', { text }).then(
      (result) => {
        if (run !== this.hygieneRun || this.users === 0) return;
        this.service = { text, result };
        this.publish();
        this.store.setState({ disk: diskOf(text, result) });
      },
      () => undefined, // Another report was opened meanwhile, or the host is gone: nothing to show.
    );
  }

  private scheduleHygiene(delay = HYGIENE_DELAY_MS): void {
    this.hygieneLater.schedule(delay);
  }

  private updateLive(): void {
    const text = this.session.text;
    if (this.live?.text === text) return;
    this.live = { text, findings: figureLinkFindings(text) };
    this.publish();
  }

  private publish(): void {
    const { service, live } = this;
    let findings: readonly FigureFinding[];
    if (service && (!live || live.text === service.text)) findings = service.result.findings;
    else {
      const disk = service?.result.findings.filter((f) => DISK_KINDS.has(f.kind)) ?? [];
      findings = [...(live?.findings ?? []), ...disk].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    }
    this.store.setState({ findings, git: service?.result.git ?? null });
  }

  private start(): void {
    let previous = this.session.state;
    this.unsubscribe = this.session.store.subscribe(() => {
      const state = this.session.state;
      if (state.doc !== previous.doc) this.liveLater.schedule(LIVE_DELAY_MS);
      // After a save (and after a reload from disk) the files may match the text differently.
      if (
        (state.saveState === 'saved' && previous.saveState !== 'saved') ||
        state.syncRevision !== previous.syncRevision
      ) {
        this.scheduleHygiene();
      }
      previous = state;
    });
    // Not at once: the form's first frame comes first (the check sends the whole text to the host).
    this.scheduleHygiene();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.liveLater.cancel();
    this.hygieneLater.cancel();
    this.hygieneRun++;
  }

  // -------------------------------------------------------------------------------------------
  // Applying text and card state

  /**
   * Applies the edits a service computed against `base` (the text at `version`) through the
   * session (undoable: in the answer's editor, or one global undo step when several answers
   * change), then saves. A question typed in since `base` where an edit falls is left alone
   * (`skipped`); edits outside the answers are not applied at all (`outside`).
   */
  async applyServiceEdits(
    base: string,
    serviceEdits: readonly TextEdit[],
    version: number,
    origin: 'figure' | 'fix',
  ): Promise<Applied> {
    const baseDoc = parseReport(base);
    const byQuestion = new Map<number, TextEdit[]>();
    for (const edit of serviceEdits) {
      const question = baseDoc.questions.find((q) => {
        const segment = baseDoc.segments[q.answerSegment];
        return edit.start >= segment.start && edit.end <= segment.start + segment.text.length;
      });
      if (!question) return { changed: [], skipped: [], outside: true };
      byQuestion.set(question.number, [...(byQuestion.get(question.number) ?? []), edit]);
    }
    const changed: number[] = [];
    const skipped: number[] = [];
    const edits: TextEdit[] = [];
    for (const [number, questionEdits] of byQuestion) {
      try {
        edits.push(...this.session.document.rebase(questionEdits, version));
        changed.push(number);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        skipped.push(number);
      }
    }
    if (edits.length > 0) {
      this.applyEdits(edits, origin, origin === 'fix' ? 'Undo the fix' : 'Undo the figure change');
      await this.session.save();
    }
    return { changed, skipped, outside: false };
  }

  /** Edits against the current text, through the session; the answer's editor mounted first, for its undo. */
  private applyEdits(edits: readonly TextEdit[], origin: 'figure' | 'fix', label: string): void {
    this.session.applyChange(edits, origin, { label });
  }

  private whyNot(applied: Applied): string {
    if (applied.outside) return 'the change reaches outside the answers; edit the file itself.';
    if (applied.skipped.length > 0) {
      return `question ${applied.skipped.join(', ')} changed meanwhile; the problems panel offers the fix.`;
    }
    return 'nothing linked it.';
  }

  /** Patches the card; new `messages` replace the old ones (pending downscale offers stay when `keepOffers`). */
  private setCard(
    number: number,
    patch: Partial<Omit<CardFigures, 'messages'>>,
    messages?: readonly Omit<FigureMessage, 'id'>[],
    keepOffers = true,
  ): void {
    const cards = new Map(this.store.getState().cards);
    const card = cards.get(number) ?? NO_CARD;
    const next: CardFigures = {
      ...card,
      ...patch,
      messages:
        messages === undefined
          ? card.messages
          : [
              ...(keepOffers ? card.messages.filter((m) => m.downscale !== undefined) : []),
              ...messages.map((m) => ({ ...m, id: ++this.messageId })),
            ],
    };
    cards.set(number, next);
    this.store.setState({ cards });
  }

  postMessages(number: number, messages: readonly Omit<FigureMessage, 'id'>[]): void {
    this.setCard(number, {}, messages);
  }

  dismiss(number: number, id: number): void {
    const card = this.store.getState().cards.get(number);
    if (!card || !card.messages.some((m) => m.id === id)) return;
    const cards = new Map(this.store.getState().cards);
    cards.set(number, { ...card, messages: card.messages.filter((m) => m.id !== id) });
    this.store.setState({ cards });
  }
}

/** The local paths the check looked at, and those it found missing (or only in another case). */
function diskOf(text: string, result: FigureHygieneResult): NonNullable<FigureState['disk']> {
  const checked = new Set<string>();
  for (const link of reportFigureLinks(text)) {
    const { target } = link;
    if (link.student && target.path !== null && !target.remote && !target.outside) checked.add(target.path);
  }
  const missing = new Set<string>();
  for (const f of result.findings) {
    if ((f.kind === 'missing-file' || f.kind === 'case-mismatch') && f.target !== null) missing.add(f.target);
  }
  return { checked, missing };
}

/** What the student is told about one imported (or refused) file. */
export function importMessage(outcome: FigureImportOutcome): Omit<FigureMessage, 'id'> {
  if (!outcome.ok) return { tone: 'error', text: outcome.message };
  const parts: string[] = [];
  if (outcome.reused) {
    parts.push(`${outcome.relativeLink} already holds this image: linked it instead of adding a copy.`);
  } else if (outcome.converted) {
    parts.push(
      `Converted "${outcome.fileName}" (${outcome.sourceFormat.toUpperCase()}) to PNG, which the template accepts: added ${outcome.relativeLink}.`,
    );
  } else {
    parts.push(`Added ${outcome.relativeLink}.`);
  }
  if (outcome.oversized) {
    const { bytes, width } = outcome.oversized;
    parts.push(
      `It is ${formatBytes(bytes)} and ${width} px wide: GitHub and the graders' page load it slowly. Use a smaller copy?`,
    );
    return { tone: 'info', text: parts.join(' '), downscale: outcome.relativeLink };
  }
  return { tone: 'ok', text: parts.join(' ') };
}

const controllers = new WeakMap<ReportSession, FigureController>();

/** The one controller of `session` (made on first use). */
export function figureControllerFor(
  session: ReportSession,
  api: ReportApi,
  host: InitialState['host'],
): FigureController {
  let controller = controllers.get(session);
  if (!controller) {
    controller = new FigureController(api, host, session);
    controllers.set(session, controller);
  }
  return controller;
}
