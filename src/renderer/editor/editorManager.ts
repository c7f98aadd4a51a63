/**
 * Mounts the answer editors lazily. Opening a 31-question report must be interactive at once, so
 * each card first shows a light stand-in with the answer's text; the real CodeMirror editor is
 * created when the card scrolls near the viewport, when the stand-in is clicked or focused, and
 * otherwise one by one while the browser is idle.
 */
import type { EditorView } from '@codemirror/view';
import { findQuestion, placeholderFor, type ReportDocument } from '../../core/reportModel';
import { editorTextOf, sameAnswer } from '../model/answerText';
import type { EditorSync, ReportSession } from '../state/reportSession';
import { createAnswerEditor, focusLine, replaceEditorText } from './answerEditor';

interface Host {
  readonly number: number;
  readonly element: HTMLElement;
  view: EditorView | null;
  stub: HTMLElement | null;
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
  /** Set by the figure module: files dropped on, or images pasted into, question `number`'s editor. */
  onFiles: EditorFileHandler | null = null;

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
    const host: Host = { number, element, view: null, stub: null };
    element.dataset['question'] = String(number);
    this.hosts.set(number, host);
    this.renderStub(host);
    this.observer?.observe(element);
    this.scheduleIdleMounting();
    return () => {
      this.observer?.unobserve(element);
      host.view?.destroy();
      host.stub?.remove();
      if (this.hosts.get(number) === host) this.hosts.delete(number);
    };
  }

  /** The editor of question `number`, created now if it was not yet. */
  mount(number: number): EditorView | null {
    const host = this.hosts.get(number);
    if (!host) return null;
    if (host.view) return host.view;
    host.stub?.remove();
    host.stub = null;
    host.view = createAnswerEditor({
      number,
      text: this.session.editorText(number),
      parent: host.element,
      onChange: (text) => this.session.editAnswer(number, text),
      onFocus: () => {
        this.lastFocused = number;
        this.onFocusQuestion(number);
      },
      onBlur: () => this.session.leaveField(),
      onFiles: (files, at) => this.onFiles?.(number, files, at),
    });
    this.observer?.unobserve(host.element);
    return host.view;
  }

  isMounted(number: number): boolean {
    return !!this.hosts.get(number)?.view;
  }

  /** Focuses question `number`'s editor, at `line` of the answer (1-based) when given. */
  focus(number: number, line: number | null = null): boolean {
    const view = this.mount(number);
    if (!view) return false;
    focusLine(view, line);
    return true;
  }

  syncFromDoc(doc: ReportDocument): void {
    for (const host of this.hosts.values()) {
      const question = findQuestion(doc, host.number);
      if (!question) continue;
      const text = editorTextOf(question);
      if (host.view) {
        if (!sameAnswer(host.view.state.doc.toString(), text)) replaceEditorText(host.view, text);
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
      stub.addEventListener('focus', () => this.focus(host.number));
      // Files dragged over the stand-in: the real editor takes the drop.
      stub.addEventListener('dragenter', () => this.mount(host.number));
      stub.addEventListener('mousedown', (event) => {
        event.preventDefault();
        const view = this.mount(host.number);
        if (!view) return;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (pos !== null) view.dispatch({ selection: { anchor: pos } });
        view.focus();
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
