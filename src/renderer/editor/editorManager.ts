/**
 * Mounts the answer editors lazily. Opening a 31-question report must be interactive at once, so
 * each card first shows a light stand-in with the answer's text; the real CodeMirror editor is
 * created when the card scrolls near the viewport, when the stand-in is clicked or focused, and
 * otherwise one by one while the browser is idle.
 *
 * CodeMirror itself is a chunk of its own (a third of the app's script): the page starts without
 * it and loads it when the form first asks for an editor (right after the form's first frame), so
 * compiling it is not on the way to the form. Until it has arrived, asking for an editor queues
 * the request (a click on a stand-in, a jump to a question) and it is carried out as soon as the
 * chunk is in; keys typed into a focused stand-in meanwhile go into the editor with it.
 */
import type { EditorView } from '@codemirror/view';
import { placeholderFor } from '../../core/reportModel';
import { minimalChange, type TextChange } from '../model/textChange';
import type { EditorSync, ReportSession } from '../state/reportSession';
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
  stub: HTMLElement | null;
  /** Typed into the focused stand-in before CodeMirror had loaded; goes in when the editor does. */
  typedAhead: string;
  /** Ends the host's sizing to its editor (see sizedHost.ts); null until the editor is first focused. */
  unsize: (() => void) | null;
}

type IdleHandle = number;
const requestIdle: (cb: (deadline: { timeRemaining(): number }) => void) => IdleHandle =
  typeof window.requestIdleCallback === 'function'
    ? (cb) => window.requestIdleCallback(cb, { timeout: 2000 })
    : (cb) => window.setTimeout(() => cb({ timeRemaining: () => 8 }), 50);
const cancelIdle: (handle: IdleHandle) => void =
  typeof window.cancelIdleCallback === 'function' ? (h) => window.cancelIdleCallback(h) : (h) => window.clearTimeout(h);

export type EditorFileHandler = (
  number: number,
  files: readonly File[],
  at: { readonly pos: number; readonly pasted: boolean },
) => void;

export class EditorManager implements EditorSync {
  private readonly hosts = new Map<number, Host>();
  private observer: IntersectionObserver | null = null;
  private idleHandle: IdleHandle | null = null;
  private active = false;
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
    this.active = true;
    this.session.attachEditors(this);
    this.observer?.disconnect();
    this.observer = null;
    if (!root) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const number = Number((entry.target as HTMLElement).dataset['question']);
          this.mount(number);
        }
      },
      { root, rootMargin: '600px 0px' },
    );
    for (const host of this.hosts.values()) if (!host.view) this.observer.observe(host.element);
    this.scheduleIdleMounting();
  }

  register(number: number, element: HTMLElement): () => void {
    const host: Host = { number, element, view: null, stub: null, typedAhead: '', unsize: null };
    element.dataset['question'] = String(number);
    this.hosts.set(number, host);
    this.renderStub(host);
    this.observer?.observe(element);
    this.scheduleIdleMounting();
    return () => {
      this.observer?.unobserve(element);
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
    host.view = answerEditor.createAnswerEditor({
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
      onBlur: () => this.session.leaveField(),
      onStudentCursor: () => this.placed.add(number),
      onFiles: (files, at) => this.onFiles?.(number, files, at),
      committed: this.committedText(number),
    });
    this.observer?.unobserve(host.element);
    return host.view;
  }

  /** The answers as last committed (git awareness): every editor's change gutter compares with them. */
  setCommitted(committed: ReadonlyMap<number, string>): void {
    if (committed === this.committed) return;
    this.committed = committed;
    if (!answerEditor) return;
    for (const host of this.hosts.values()) if (host.view) answerEditor.showCommittedAnswer(host.view, this.committedText(host.number));
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
        this.scheduleIdleMounting();
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
    if (answerEditor || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.key.length === 1) host.typedAhead += event.key;
    else if (event.key === 'Enter') host.typedAhead += '\n';
    else if (event.key === 'Backspace') host.typedAhead = host.typedAhead.slice(0, -1);
    else return;
    event.preventDefault();
    if (this.pendingFocus?.number !== host.number) this.focusWhenReady({ number: host.number, line: null, at: null });
  }

  receive(number: number, change: TextChange, undoable: boolean): boolean {
    const host = this.hosts.get(number);
    if (!host) return false;
    if (host.view && answerEditor) {
      answerEditor.showDocumentChange(host.view, change, undoable);
      return true;
    }
    this.renderStub(host);
    return false;
  }

  resync(): void {
    for (const host of this.hosts.values()) {
      if (host.view && answerEditor) {
        const change = minimalChange(host.view.state.doc.toString(), this.session.editorText(host.number));
        if (change) answerEditor.showDocumentChange(host.view, change, false);
      } else {
        this.renderStub(host);
      }
    }
  }

  deactivate(): void {
    this.active = false;
    this.observer?.disconnect();
    this.observer = null;
    if (this.idleHandle !== null) cancelIdle(this.idleHandle);
    this.idleHandle = null;
    this.session.attachEditors(null);
  }

  private renderStub(host: Host): void {
    const text = this.session.editorText(host.number);
    let stub = host.stub;
    if (!stub) {
      stub = document.createElement('div');
      stub.className = 'answer-stub';
      stub.tabIndex = 0;
      stub.setAttribute('role', 'textbox');
      stub.setAttribute('aria-multiline', 'true');
      stub.setAttribute('aria-label', `Answer to question ${host.number}`);
      stub.addEventListener('focus', () => {
        // A click already said where the cursor goes.
        if (this.pendingFocus?.number !== host.number) this.focus(host.number);
      });
      stub.addEventListener('keydown', (event) => this.typeAhead(host, event));
      // Files dragged over the stand-in: the real editor takes the drop.
      stub.addEventListener('dragenter', () => this.mount(host.number));
      stub.addEventListener('mousedown', (event) => {
        // Before CodeMirror has loaded, the stand-in takes the focus (and what is typed) meanwhile.
        if (answerEditor) event.preventDefault();
        this.focusWhenReady({ number: host.number, line: null, at: { x: event.clientX, y: event.clientY } });
      });
      host.element.appendChild(stub);
      host.stub = stub;
    }
    stub.classList.toggle('answer-stub--empty', text === '');
    stub.textContent =
      text === '' ? `Write your answer here. Until you do, the file keeps "${placeholderFor(host.number)}".` : text;
  }

  private scheduleIdleMounting(): void {
    if (this.idleHandle !== null || !this.active) return;
    if (!answerEditor) {
      this.whenEditorLoaded();
      return;
    }
    this.idleHandle = requestIdle((deadline) => {
      this.idleHandle = null;
      for (const host of this.hosts.values()) {
        if (host.view) continue;
        if (deadline.timeRemaining() < 6) {
          this.scheduleIdleMounting();
          return;
        }
        this.mount(host.number);
      }
    });
  }
}
