/**
 * Keeps real editors only where the student is. Opening a 31-question report must be interactive
 * at once, so each card first shows a light stand-in with the answer's text; the real CodeMirror
 * editor is created when the card scrolls near the viewport, or when the stand-in is clicked or
 * focused. An editor whose card has scrolled far out of view goes back to a stand-in, and keeps
 * its state (text, cursor, undo history) to come back with: every live editor costs each keystroke
 * elsewhere some work (CodeMirror listens to the whole document's selection changes), so typing
 * in a report with 31 live editors was measurably slower than with a few (docs/BENCHMARKS.md).
 *
 * CodeMirror is a chunk of its own (a third of the app's script), loaded when the form first asks
 * for an editor (after its first frame), so compiling it is not on the way to the form. Until then
 * a request for an editor (a click on a stand-in, a jump to a question) waits for the chunk; keys
 * typed into a focused stand-in meanwhile go into the editor with it.
 */
import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { placeholderFor } from '../../core/reportModel';
import type { FigureMove } from '../document/figureMove';
import { minimalChange, type TextChange } from '../model/textChange';
import type { EditorSync, ReportSession } from '../state/reportSession';
import { createStandIn, showInStandIn, typedAhead } from './answerStandIn';
import { sizeHostToEditor } from './sizedHost';

type AnswerEditorModule = typeof import('./answerEditor');
let answerEditor: AnswerEditorModule | null = null;
let loadingAnswerEditor: Promise<AnswerEditorModule> | null = null;

/** Loads CodeMirror and the answer editor (once; a failed load is tried again on the next call). */
export function loadAnswerEditor(): Promise<AnswerEditorModule> {
  loadingAnswerEditor ??= import('./answerEditor').then(
    (module) => (answerEditor = module),
    (error: unknown) => {
      loadingAnswerEditor = null;
      throw error;
    },
  );
  return loadingAnswerEditor;
}

/** What to do with an editor once CodeMirror has loaded: focus it, at a line or where the user clicked. */
interface PendingFocus {
  readonly number: number;
  readonly line: number | null;
  readonly at: { readonly x: number; readonly y: number } | null;
}

interface Host {
  readonly number: number;
  readonly element: HTMLElement;
  view: EditorView | null;
  /** The editor's state while it is off the page (its card far out of view): it comes back with it. */
  saved: EditorState | null;
  /** Within KEEP_MARGIN of the viewport, as the keeper last saw it (its editor stays while it is). */
  near: boolean;
  stub: HTMLElement | null;
  /** Typed into the focused stand-in before CodeMirror had loaded; goes in when the editor does. */
  typedAhead: string;
  /** Ends the host's sizing to its editor (see sizedHost.ts); null until the editor is first focused. */
  unsize: (() => void) | null;
}

/** A card this close to the viewport gets its editor. */
const MOUNT_MARGIN = '600px 0px';
/** A card farther away gives its editor back (wider, so an edge card does not flap as the page moves). */
const KEEP_MARGIN = '1600px 0px';

export type EditorFileHandler = (
  number: number,
  files: readonly File[],
  at: { readonly pos: number; readonly pasted: boolean },
) => void;

export class EditorManager implements EditorSync {
  private readonly hosts = new Map<number, Host>();
  /**
   * Mounts the editors of cards coming near the viewport. A card is watched by this one while it has
   * no editor, by `keeper` while it has: each observed card costs every frame an intersection test.
   */
  private observer: IntersectionObserver | null = null;
  /** Takes the editors of cards that went far out of view off the page. */
  private keeper: IntersectionObserver | null = null;
  /** The question whose editor had focus last (where "next question" starts from). */
  lastFocused: number | null = null;
  /** Questions whose cursor the student placed (clicked, moved, typed) since it was last moved for them. */
  private readonly placed = new Set<number>();
  /** Set by the figure module: files dropped on, or images pasted into, question `number`'s editor. */
  onFiles: EditorFileHandler | null = null;
  /** Editors asked for before CodeMirror had loaded. */
  private readonly wanted = new Set<number>();
  private pendingFocus: PendingFocus | null = null;
  private waitingForEditor = false;
  /** Each answer as last committed (git), for the editors' change gutter. */
  private committed: ReadonlyMap<number, string> = new Map();

  constructor(
    private readonly session: ReportSession,
    private readonly onFocusQuestion: (number: number) => void,
  ) {}

  /**
   * Starts observing `root`, the scrolling column the cards live in. Paired with `deactivate`
   * (an effect and its cleanup); the editors themselves come and go with their cards.
   */
  activate(root: HTMLElement | null): void {
    this.deactivate();
    this.session.attachEditors(this);
    if (!root) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) this.mount(Number((entry.target as HTMLElement).dataset['question']));
        }
      },
      { root, rootMargin: MOUNT_MARGIN },
    );
    this.keeper = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const host = this.hosts.get(Number((entry.target as HTMLElement).dataset['question']));
          if (!host || host.element !== entry.target) continue;
          host.near = entry.isIntersecting;
          if (!host.near) this.release(host);
        }
      },
      { root, rootMargin: KEEP_MARGIN },
    );
    for (const host of this.hosts.values()) this.observe(host);
    // CodeMirror comes right after the form's first frame, for the cards in view.
    if (!answerEditor) this.whenEditorLoaded();
  }

  private observe(host: Host): void {
    if (host.view) this.keeper?.observe(host.element);
    else this.observer?.observe(host.element);
  }

  register(number: number, element: HTMLElement): () => void {
    const host: Host = {
      number,
      element,
      view: null,
      saved: null,
      near: true,
      stub: null,
      typedAhead: '',
      unsize: null,
    };
    element.dataset['question'] = String(number);
    this.hosts.set(number, host);
    this.renderStub(host);
    this.observe(host);
    return () => {
      this.observer?.unobserve(element);
      this.keeper?.unobserve(element);
      host.unsize?.();
      host.view?.destroy();
      host.stub?.remove();
      if (this.hosts.get(number) === host) this.hosts.delete(number);
    };
  }

  /**
   * The editor of question `number`, created now if it was not yet. Null while CodeMirror is still
   * loading: the editor is then created as soon as it has (the stand-in shows the text meanwhile).
   */
  mount(number: number): EditorView | null {
    const host = this.hosts.get(number);
    if (!host) return null;
    if (host.view) return host.view;
    if (!answerEditor) {
      this.wanted.add(number);
      this.whenEditorLoaded();
      return null;
    }
    host.stub?.remove();
    host.stub = null;
    if (host.saved) {
      host.view = answerEditor.reopenAnswerEditor(host.saved, host.element);
      host.saved = null;
      // Changes made elsewhere went into the kept state; this only guards against one that did not.
      this.catchUp(host, answerEditor);
    } else host.view = this.createEditor(host, answerEditor);
    // The keeper's first report on the card says whether it is near; one mounted for a change or a
    // file while far out of view goes back then (after the change is in).
    host.near = true;
    this.observer?.unobserve(host.element);
    this.keeper?.observe(host.element);
    return host.view;
  }

  private createEditor(host: Host, editor: AnswerEditorModule): EditorView {
    const { number } = host;
    return editor.createAnswerEditor({
      number,
      text: this.session.editorText(number),
      parent: host.element,
      onChange: (changes, before, after) => this.session.typeInAnswer(number, changes, before, after),
      onFocus: () => {
        this.lastFocused = number;
        // Typed into from now on: its box becomes a relayout boundary (sizedHost.ts). Only once
        // focused, so opening the report lays out no more than before (a second pass per editor).
        if (!host.unsize && host.view) host.unsize = sizeHostToEditor(host.element, host.view.dom);
        this.onFocusQuestion(number);
      },
      onBlur: () => {
        this.session.leaveField();
        // Scrolled far away while it had the focus: it goes now that the student left it.
        if (!host.near) window.setTimeout(() => this.release(host), 0);
      },
      onStudentCursor: () => this.placed.add(number),
      onFiles: (files, at) => this.onFiles?.(number, files, at),
      onFigureMove: (move) => this.session.undo.figureFiles?.move(move),
      committed: this.committedText(number),
    });
  }

  /**
   * Takes the editor off the page (its card is far out of view), keeping its state to come back with;
   * never the one the student is in (it keeps the focus, and keys, while the page is scrolled away).
   */
  private release(host: Host): void {
    const view = host.view;
    if (!view || host.near || this.hosts.get(host.number) !== host) return;
    if (view.hasFocus || host.element.contains(document.activeElement) || this.pendingFocus?.number === host.number)
      return;
    host.saved = view.state;
    host.unsize?.();
    host.unsize = null;
    view.destroy();
    host.view = null;
    this.keeper?.unobserve(host.element);
    this.observer?.observe(host.element);
    this.renderStub(host);
  }

  /** The answers as last committed (git awareness): every editor's change gutter compares with them. */
  setCommitted(committed: ReadonlyMap<number, string>): void {
    if (committed === this.committed) return;
    this.committed = committed;
    if (!answerEditor) return;
    for (const host of this.hosts.values()) {
      const committedText = this.committedText(host.number);
      if (host.view) answerEditor.showCommittedAnswer(host.view, committedText);
      else if (host.saved) host.saved = answerEditor.withCommittedAnswer(host.saved, committedText);
    }
  }

  /** What an editor would show for the committed answer (a placeholder shows as an empty editor). */
  private committedText(number: number): string | null {
    const answer = this.committed.get(number);
    if (answer === undefined) return null;
    return answer === placeholderFor(number) ? '' : answer;
  }

  /**
   * Whether the cursor in question `number` is where the student put it (a click or a key in that
   * answer), rather than where a jump from the navigator, the problems panel or "next question" left it.
   */
  placedCursor(number: number): boolean {
    return this.placed.has(number);
  }

  isMounted(number: number): boolean {
    return !!this.hosts.get(number)?.view;
  }

  /**
   * Focuses question `number`'s editor, at `line` of the answer (1-based) when given; false when
   * there is no such question. Before CodeMirror has loaded, the focus follows once it has.
   */
  focus(number: number, line: number | null = null): boolean {
    if (!this.hosts.has(number)) return false;
    this.focusWhenReady({ number, line, at: null });
    return true;
  }

  /** Focuses `target` now, or as soon as CodeMirror has loaded. */
  private focusWhenReady(target: PendingFocus): void {
    if (answerEditor) {
      this.focusAt(target);
      return;
    }
    this.pendingFocus = target;
    this.mount(target.number);
  }

  private whenEditorLoaded(): void {
    if (this.waitingForEditor) return;
    this.waitingForEditor = true;
    loadAnswerEditor().then(
      () => {
        this.waitingForEditor = false;
        const wanted = [...this.wanted];
        this.wanted.clear();
        for (const number of wanted) this.mount(number);
        const pending = this.pendingFocus;
        this.pendingFocus = null;
        if (pending) this.focusAt(pending);
        // Typed into a stand-in that lost the focus before the editor came: goes in at its start.
        for (const host of this.hosts.values())
          if (host.view && host.typedAhead) this.insertTypedAhead(host, host.view);
      },
      (error: unknown) => {
        this.waitingForEditor = false;
        console.error('The answer editor could not be loaded:', error);
      },
    );
  }

  private focusAt({ number, line, at }: PendingFocus): void {
    const view = this.mount(number);
    if (!view) return;
    // A click on the stand-in is the student's choice of place; a jump is not.
    if (at) this.placed.add(number);
    else this.placed.delete(number);
    if (at) {
      const pos = view.posAtCoords(at);
      if (pos !== null) view.dispatch({ selection: { anchor: pos } });
      view.focus();
    } else {
      answerEditor?.focusLine(view, line);
    }
    const host = this.hosts.get(number);
    if (host?.typedAhead) this.insertTypedAhead(host, view);
  }

  /** Text typed into the stand-in, as an ordinary edit (meters, autosave, undo) at the cursor. */
  private insertTypedAhead(host: Host, view: EditorView): void {
    view.dispatch(view.state.replaceSelection(host.typedAhead), { userEvent: 'input.type', scrollIntoView: true });
    host.typedAhead = '';
  }

  /** Keys on a focused stand-in while CodeMirror is loading: kept, so nothing typed is lost. */
  private typeAhead(host: Host, event: KeyboardEvent): void {
    const typed = answerEditor ? null : typedAhead(host.typedAhead, event);
    if (typed === null) return;
    host.typedAhead = typed;
    event.preventDefault();
    if (this.pendingFocus?.number !== host.number) this.focusWhenReady({ number: host.number, line: null, at: null });
  }

  receive(number: number, change: TextChange, undoable: boolean, move?: FigureMove): boolean {
    const host = this.hosts.get(number);
    if (!host) return false;
    if (host.view && answerEditor) {
      answerEditor.showDocumentChange(host.view, change, undoable, move);
      return true;
    }
    this.renderStub(host);
    if (host.saved && answerEditor) {
      host.saved = answerEditor.withDocumentChange(host.saved, change, undoable, move);
      return true;
    }
    return false;
  }

  resync(): void {
    for (const host of this.hosts.values()) {
      if (!host.view) this.renderStub(host);
      if (answerEditor) this.catchUp(host, answerEditor);
    }
  }

  /** Brings the editor, live or kept, to the session's text (later changes are offsets into it), not undoably. */
  private catchUp(host: Host, editor: AnswerEditorModule): void {
    const text = this.session.editorText(host.number);
    if (host.view) {
      const change = minimalChange(host.view.state.doc.toString(), text);
      if (change) editor.showDocumentChange(host.view, change, false);
    } else if (host.saved) {
      const change = minimalChange(host.saved.doc.toString(), text);
      if (change) host.saved = editor.withDocumentChange(host.saved, change, false);
    }
  }

  deactivate(): void {
    this.observer?.disconnect();
    this.keeper?.disconnect();
    this.observer = null;
    this.keeper = null;
    this.session.attachEditors(null);
  }

  private renderStub(host: Host): void {
    host.stub ??= createStandIn(host.element, host.number, {
      // A click already said where the cursor goes.
      focus: () => {
        if (this.pendingFocus?.number !== host.number) this.focus(host.number);
      },
      keydown: (event) => this.typeAhead(host, event),
      dragenter: () => this.mount(host.number),
      mousedown: (event) => {
        // Before CodeMirror has loaded, the stand-in takes the focus (and what is typed) meanwhile.
        if (answerEditor) event.preventDefault();
        this.focusWhenReady({ number: host.number, line: null, at: { x: event.clientX, y: event.clientY } });
      },
    });
    showInStandIn(host.stub, host.number, this.session.editorText(host.number));
  }
}
