/**
 * The CodeMirror 6 editor of one answer: markdown, line wrapping, its own undo history, the
 * platform spellchecker. It is a view of its answer's bytes in the report: it reports every change
 * typed in it (undo and redo included) as changes against its text before; changes the document
 * made elsewhere (a fix, a reload from disk) come in marked, so they are not reported back.
 */
import { defaultKeymap, history, historyKeymap, invertedEffects, redo } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { isolateHistory } from '@codemirror/commands';
import {
  Annotation,
  Compartment,
  EditorState,
  Prec,
  StateEffect,
  Transaction,
  type Extension,
  type Text,
  type TransactionSpec,
} from '@codemirror/state';
import { dropCursor, EditorView, keymap, placeholder } from '@codemirror/view';
import { placeholderFor } from '../../core/reportModel';
import { estimateBlock, MAX_BLOCK_CHARS, MAX_BLOCK_COST, MAX_NESTING } from '../../core/render/renderGuard';
import { carriesFiles, filesOf, pastedImages } from '../model/figureFiles';
import { reversedMove, type FigureMove } from '../document/figureMove';
import type { LocalChange } from '../document/typedEdits';
import type { TextChange } from '../model/textChange';
import { gitGutter, setCommittedAnswer } from './gitGutter';
import { markdownHighlightStyle } from './markdownHighlight';

/** Marks a transaction that shows a change the document made elsewhere (not typing). */
export const fromDocument = Annotation.define<boolean>();

/**
 * A figure file moved with this change (a rename pointed the links at its new name). The history
 * keeps the reverse with the change, so an undo transaction carries the move that puts the file
 * back, and a redo the move again (figureMove.ts); the editor hands those to `onFigureMove`.
 */
const figureMoved = StateEffect.define<FigureMove>();

const figureMovesInHistory = invertedEffects.of((tr) =>
  tr.effects.filter((e) => e.is(figureMoved)).map((e) => figureMoved.of(reversedMove(e.value as FigureMove))),
);

export interface AnswerEditorOptions {
  readonly number: number;
  readonly text: string;
  readonly parent: HTMLElement;
  /** Typed changes, against the text `before`; the editor now reads `after`. */
  readonly onChange: (changes: readonly LocalChange[], before: string, after: string) => void;
  readonly onFocus: () => void;
  readonly onBlur: () => void;
  /** The student moved the cursor or edited here (a click, a key): it is where they mean to be. */
  readonly onStudentCursor?: () => void;
  /** Files dropped on the editor, or images pasted into it, with where that happened. */
  readonly onFiles?: (files: readonly File[], at: { readonly pos: number; readonly pasted: boolean }) => void;
  /** The answer as last committed, for the change gutter (null: no git, or not committed). */
  readonly committed?: string | null;
  /** An undo or redo here took a figure rename back (or did it again): the file must follow. */
  readonly onFigureMove?: (move: FigureMove) => void;
}

/**
 * A click, a cursor key, typing, deleting or undoing: the student put the cursor where it is. A
 * focus from the navigator (no user event) or a figure link dropped in (`input.drop`) does not.
 */
function placedByStudent(tr: Transaction): boolean {
  return (
    tr.isUserEvent('select') ||
    tr.isUserEvent('input.type') ||
    tr.isUserEvent('input.paste') ||
    tr.isUserEvent('delete') ||
    tr.isUserEvent('move') ||
    tr.isUserEvent('undo') ||
    tr.isUserEvent('redo')
  );
}

/**
 * Ctrl+Shift+Z (⌘+Shift+Z) is redo on every platform, as the help lists it. CodeMirror binds it on
 * Linux and macOS only, and reads the key without Shift when the event says "z" (Caps Lock, some
 * layouts and tools): then it ran *undo*, and with nothing to redo the student's last typing
 * vanished (and autosave wrote that). Handled first, before any keymap sees the key.
 */
const redoKey = Prec.highest(
  EditorView.domEventHandlers({
    keydown(event, view) {
      const mac = /Mac|iP(hone|ad|od)/.test(navigator.platform);
      const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      if (!mod || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return false;
      redo(view);
      event.preventDefault();
      return true;
    },
  }),
);

let shared: Extension | null = null;

/** The parts every answer editor has in common (built once). */
function sharedExtensions(): Extension {
  shared ??= [
    history(),
    figureMovesInHistory,
    redoKey,
    // Markdown without `markdown()`'s embedded HTML/JS/CSS languages: answers are prose, and those
    // parsers would triple the renderer's size.
    keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap]),
    EditorView.lineWrapping,
    // The theme's colours (readable in light and dark), not CodeMirror's white-page defaults.
    syntaxHighlighting(markdownHighlightStyle),
  ];
  return shared;
}

let markdownSupport: LanguageSupport | null = null;
const PLAIN: Extension = [];

/**
 * Markdown highlighting only for answers the parser handles quickly. Its inline parser is
 * quadratic on pathological text (40 kB of `![a](` takes seconds, a 2 MB line hangs the page), so
 * an answer that is large or full of markdown syntax is shown as plain text; real answers are a
 * few kB and always highlighted. The same limits as the render guard.
 */
function highlightable(doc: Text): boolean {
  if (doc.length > MAX_BLOCK_CHARS) return false;
  const text = doc.toString();
  const estimate = estimateBlock(text, 0, text.length);
  return estimate.cost <= MAX_BLOCK_COST && estimate.depth <= MAX_NESTING;
}

function languageFor(doc: Text): Extension {
  markdownSupport ??= new LanguageSupport(markdownLanguage);
  return highlightable(doc) ? markdownSupport : PLAIN;
}

export function createAnswerEditor(options: AnswerEditorOptions): EditorView {
  const { number } = options;
  const language = new Compartment();
  const initialDoc = EditorState.create({ doc: options.text }).doc;
  const state = EditorState.create({
    doc: options.text,
    extensions: [
      sharedExtensions(),
      language.of(languageFor(initialDoc)),
      // Switches highlighting off (or back on) when an edit crosses the limits.
      EditorState.transactionExtender.of((tr) => {
        if (!tr.docChanged) return null;
        const next = languageFor(tr.newDoc);
        return next === language.get(tr.startState) ? null : { effects: language.reconfigure(next) };
      }),
      placeholder(`Write your answer here. Until you do, the file keeps "${placeholderFor(number)}".`),
      EditorView.contentAttributes.of({
        'aria-label': `Answer to question ${number}`,
        spellcheck: 'true',
        autocorrect: 'on',
        autocapitalize: 'sentences',
      }),
      EditorView.updateListener.of((update) => {
        if (update.transactions.some(placedByStudent)) options.onStudentCursor?.();
        for (const tr of update.transactions) {
          if (!tr.isUserEvent('undo') && !tr.isUserEvent('redo')) continue;
          for (const e of tr.effects) if (e.is(figureMoved)) options.onFigureMove?.(e.value as FigureMove);
        }
        if (!update.docChanged) return;
        if (update.transactions.every((tr) => !tr.docChanged || tr.annotation(fromDocument))) return;
        const changes: LocalChange[] = [];
        update.changes.iterChanges((from, to, _fromB, _toB, inserted) => {
          changes.push({ from, to, insert: inserted.toString() });
        });
        options.onChange(changes, update.startState.doc.toString(), update.state.doc.toString());
      }),
      EditorView.domEventHandlers({
        focus: () => {
          options.onFocus();
        },
        blur: () => {
          options.onBlur();
        },
        // Files become figures (non-images get the figures service's refusal), never inserted text.
        drop: (event, view) => {
          const files = carriesFiles(event.dataTransfer) ? filesOf(event.dataTransfer?.files) : [];
          if (!options.onFiles || files.length === 0) return false;
          event.preventDefault();
          const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
          options.onFiles(files, { pos, pasted: false });
          return true;
        },
        paste: (event, view) => {
          const files = pastedImages(event.clipboardData);
          if (!options.onFiles || files.length === 0) return false;
          event.preventDefault();
          options.onFiles(files, { pos: view.state.selection.main.head, pasted: true });
          return true;
        },
      }),
      dropCursor(),
      gitGutter(),
    ],
  });
  const view = new EditorView({ state, parent: options.parent });
  if (options.committed != null) showCommittedAnswer(view, options.committed);
  return view;
}

/**
 * The editor again, in `parent`, from the state it had when it was taken off the page (its text,
 * cursor and undo history, kept while it was out of view).
 */
export function reopenAnswerEditor(state: EditorState, parent: HTMLElement): EditorView {
  return new EditorView({ state, parent });
}

const committedAnswer = (committed: string | null): TransactionSpec => ({
  effects: setCommittedAnswer.of(committed),
});

/** The change gutter compares with `committed` from now on (null: it shows nothing). */
export function showCommittedAnswer(view: EditorView, committed: string | null): void {
  view.dispatch(committedAnswer(committed));
}

/** `showCommittedAnswer` for an editor that is off the page: its kept state takes it. */
export function withCommittedAnswer(state: EditorState, committed: string | null): EditorState {
  return state.update(committedAnswer(committed)).state;
}

function documentChange(change: TextChange, undoable: boolean, move?: FigureMove): TransactionSpec {
  return {
    changes: change,
    ...(move && undoable ? { effects: figureMoved.of(move) } : {}),
    // A fix is one undo step of its own, never merged with the typing before or after it.
    annotations: [fromDocument.of(true), Transaction.addToHistory.of(undoable), isolateHistory.of('full')],
    ...(undoable ? { userEvent: 'input.replace' } : {}),
  };
}

/**
 * Shows a change the document made (the cursor maps through it): in the editor's undo history when
 * `undoable` (a fix: Ctrl/⌘+Z takes it back, one step), else not (a reload from disk).
 */
export function showDocumentChange(view: EditorView, change: TextChange, undoable: boolean, move?: FigureMove): void {
  view.dispatch(documentChange(change, undoable, move));
}

/** `showDocumentChange` for an editor that is off the page: its kept state takes the change. */
export function withDocumentChange(
  state: EditorState,
  change: TextChange,
  undoable: boolean,
  move?: FigureMove,
): EditorState {
  return state.update(documentChange(change, undoable, move)).state;
}

/** Puts the cursor at the start of `line` (1-based, clamped) and focuses the editor. */
export function focusLine(view: EditorView, line: number | null): void {
  if (line !== null) {
    const doc = view.state.doc;
    const target = doc.line(Math.min(Math.max(1, line), doc.lines));
    view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
  }
  view.focus();
}
