/**
 * The figures of one open report, as the UI works with them: importing dropped, pasted and picked
 * images (the service copies them into figures/, this inserts the links through the editors),
 * removing and renaming, the offer of a downscaled copy, and the hygiene findings the problems
 * panel shows with their fixes.
 *
 * The report text is only ever changed through the session's one door, as edits (the editors show
 * them in their undo history, meters and the normal save path see them); the service changes
 * files, never the report, and never sees its text: it says which file moved, and the links of
 * the text held here follow (figureRelinks.ts). The hygiene findings live in figureHygieneChecks.ts.
 */
import { questionsLinking } from '../../core/figures/figureDiskFindings';
import { removeFigureLink } from '../../core/figures/figureLinkEdits';
import type { FigureFix } from '../../core/figures/figureFindings';
import type { FigureImportOutcome, FigureUpload, InitialState, ReportApi } from '../../api/contract';
import type { FigureMove } from '../document/figureMove';
import type { EditorManager } from '../editor/editorManager';
import type { ReportSession } from '../state/reportSession';
import { createStore, type Store } from '../document/store';
import { insertLinksInEditor, insertPosition, type InsertPoint } from './editorEdits';
import { batchBySize, MAX_FILE_BYTES, toUpload } from '../model/figureFiles';
import { FigureHygieneChecks, type HygieneState } from './figureHygieneChecks';
import { applyRelink, whyNotRelinked } from './figureRelinks';
import { answerEdits, fileNameOf, formatBytes, insertLinksAt } from './figureText';

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

export interface FigureState extends HygieneState {
  readonly cards: ReadonlyMap<number, CardFigures>;
}

export const NO_CARD: CardFigures = { busy: null, messages: [] };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FigureController {
  readonly store: Store<FigureState>;
  private manager: EditorManager | null = null;
  private users = 0;
  private readonly hygiene: FigureHygieneChecks;
  private messageId = 0;
  /** The card a file was deleted from, by its restore token: where putting it back is told. */
  private readonly deletedFrom = new Map<string, number>();
  private undoWork: Promise<void> = Promise.resolve();

  constructor(
    readonly api: ReportApi,
    readonly host: InitialState['host'],
    readonly session: ReportSession,
  ) {
    this.store = createStore<FigureState>({ cards: new Map(), findings: [], git: null, disk: null });
    this.hygiene = new FigureHygieneChecks(api, session, this.store);
    session.undo.figureFiles = {
      move: (move) => this.afterUndoWork(() => this.followUndo(move)),
      restore: (token) => this.afterUndoWork(() => this.restoreDeleted(token)),
    };
  }

  /** A component using the figures: the first starts the hygiene checks, the last stops them. */
  retain(): () => void {
    this.users += 1;
    if (this.users === 1) this.hygiene.start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users -= 1;
      if (this.users === 0) this.hygiene.stop();
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
    if (added.length > 0) this.hygiene.schedule();
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
      const result = await this.api.invoke('downscaleFigure', { target });
      if (!result) {
        messages.push({ tone: 'info', text: `A smaller copy of ${target} would not be smaller; it stays as it is.` });
      } else {
        const applied = await applyRelink(this.session, result.relink, 'figure');
        messages.push(
          applied.outside || applied.changed.length === 0
            ? {
                tone: 'error',
                text: `Made ${result.relativeLink}, but could not point the links at it: ${whyNotRelinked(applied)}`,
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
    this.hygiene.schedule();
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
    this.hygiene.schedule();
    return { removed, canDelete: target.startsWith('figures/') && questionsLinking(this.session.text, target) === null };
  }

  /**
   * Deletes `target` from figures/ unless the text being edited links it (a link typed a second ago
   * counts); the service also refuses when the saved report links it.
   */
  async deleteFile(number: number, target: string): Promise<void> {
    try {
      const linkedBy = questionsLinking(this.session.text, target);
      // Saved first: the service checks the saved report too, which may still hold the link just removed.
      if (linkedBy === null) await this.session.save();
      const result = linkedBy !== null ? { deleted: false, linkedBy } : await this.api.invoke('deleteFigure', { target });
      if (result.deleted && 'restoreToken' in result && result.restoreToken) {
        this.session.undo.pushDeleted(target, result.restoreToken);
        this.deletedFrom.set(result.restoreToken, number);
      }
      this.postMessages(number, [
        result.deleted
          ? { tone: 'ok', text: `Deleted ${target}. Undo in the top bar puts it back.` }
          : {
              tone: 'info',
              text: `${target} was kept: question ${result.linkedBy.join(', ')} still links it.`,
            },
      ]);
    } catch (error) {
      this.postMessages(number, [{ tone: 'error', text: `${target} was not deleted: ${errorText(error)}` }]);
    }
    this.hygiene.schedule();
  }

  /** Renames the file and points every link at the new name. Throws with the reason when refused. */
  async rename(number: number, from: string, to: string): Promise<void> {
    const result = await this.api.invoke('renameFigure', { from, to });
    const applied = await applyRelink(this.session, result.relink, 'figure', { moved: true });
    const links = applied.edits === 1 ? '1 link' : `${applied.edits} links`;
    this.postMessages(number, [
      applied.outside
        ? {
            tone: 'error',
            text: `Renamed ${from} to ${result.relativeLink}, but not every link was updated: ${whyNotRelinked(applied)}`,
          }
        : { tone: 'ok', text: `Renamed ${from} to ${result.relativeLink} (${links} updated).` },
    ]);
    this.hygiene.schedule();
  }

  /**
   * Undo's file work runs in the order the undos came: two quick Ctrl/⌘+Z after two renames move
   * C back to B, then B back to A (run at once, the second would find no B yet).
   */
  private afterUndoWork(work: () => Promise<void>): void {
    this.undoWork = this.undoWork.then(work, work);
  }

  /**
   * An undo (or redo) took a rename's links back (or again): the file moves with them, under its
   * exact name, so the links point at a file again. Refused when that name is taken meanwhile: the
   * student is told, and nothing is overwritten.
   */
  private async followUndo(move: FigureMove): Promise<void> {
    const number = questionsLinking(this.session.text, move.to)?.[0] ?? null;
    let message: Omit<FigureMessage, 'id'>;
    try {
      await this.api.invoke('renameFigure', { from: move.from, to: move.to, exact: true });
      message = { tone: 'ok', text: `Renamed ${move.from} to ${move.to}, as its links now say.` };
    } catch (error) {
      message = {
        tone: 'error',
        text: `The links point at ${move.to} again, but the file is still ${move.from}: ${errorText(error)}`,
      };
    }
    if (number !== null) this.postMessages(number, [message]);
    this.hygiene.schedule();
  }

  /** An undo of a delete: the file comes back where it was, unless a file took its name since. */
  private async restoreDeleted(token: string): Promise<void> {
    let message: Omit<FigureMessage, 'id'>;
    let link: string | null = null;
    try {
      link = (await this.api.invoke('restoreFigure', { token })).relativeLink;
      message = { tone: 'ok', text: `Put ${link} back.` };
    } catch (error) {
      message = { tone: 'error', text: `The deleted file was not put back: ${errorText(error)}` };
    }
    const number =
      this.deletedFrom.get(token) ?? (link === null ? undefined : questionsLinking(this.session.text, link)?.[0]) ?? null;
    this.deletedFrom.delete(token);
    if (number !== null) this.postMessages(number, [message]);
    this.hygiene.schedule();
  }

  // -------------------------------------------------------------------------------------------
  // Hygiene (figureHygieneChecks.ts)

  /** Carries out one fix of a finding; answers what happened, for a notice. */
  applyFix(fix: FigureFix): Promise<string> {
    return this.hygiene.applyFix(fix);
  }

  /** Checks the current text against the disk and git now. */
  refreshHygiene(): void {
    this.hygiene.refresh();
  }

  // -------------------------------------------------------------------------------------------
  // Card state

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
