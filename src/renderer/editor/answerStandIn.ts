/**
 * The light stand-in an answer shows while it has no live editor (before CodeMirror has loaded, and
 * while its card is far from the viewport): the answer's text in a focusable box that reads as a
 * text field to assistive technology. What happens on a focus, a key, a click or a drag is the
 * editor manager's to say (it puts the real editor there).
 */
import { placeholderFor } from '../../core/reportModel';

export interface StandInEvents {
  readonly focus: () => void;
  readonly keydown: (event: KeyboardEvent) => void;
  /** Files dragged over it: the real editor takes the drop. */
  readonly dragenter: () => void;
  readonly mousedown: (event: MouseEvent) => void;
}

/** A stand-in for question `number`'s answer, added to `parent`. */
export function createStandIn(parent: HTMLElement, number: number, events: StandInEvents): HTMLElement {
  const stub = document.createElement('div');
  stub.className = 'answer-stub';
  stub.tabIndex = 0;
  stub.setAttribute('role', 'textbox');
  stub.setAttribute('aria-multiline', 'true');
  stub.setAttribute('aria-label', `Answer to question ${number}`);
  stub.addEventListener('focus', events.focus);
  stub.addEventListener('keydown', events.keydown);
  stub.addEventListener('dragenter', events.dragenter);
  stub.addEventListener('mousedown', events.mousedown);
  parent.appendChild(stub);
  return stub;
}

/** Shows `text` (the answer as its editor would hold it) in the stand-in; an empty answer says what the file keeps. */
export function showInStandIn(stub: HTMLElement, number: number, text: string): void {
  stub.classList.toggle('answer-stub--empty', text === '');
  stub.textContent =
    text === '' ? `Write your answer here. Until you do, the file keeps "${placeholderFor(number)}".` : text;
}

/**
 * What was typed into a focused stand-in, `typed` before, after the key `event` (a character, Enter
 * or Backspace); null for a key that types nothing (a shortcut, an arrow, a composition).
 */
export function typedAhead(typed: string, event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (event.key.length === 1) return typed + event.key;
  if (event.key === 'Enter') return `${typed}\n`;
  if (event.key === 'Backspace') return typed.slice(0, -1);
  return null;
}
