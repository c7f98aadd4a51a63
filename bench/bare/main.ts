/**
 * The baseline of the UI bench: the app's own answer editor (createAnswerEditor: the same
 * CodeMirror extensions, markdown and line wrapping included) alone on a page, with a trivial word
 * counter updated on every change. No React, no session, no analysis: what typing costs when
 * nothing but the editor and a counter react to it.
 */
import { createAnswerEditor } from '../../src/renderer/editor/answerEditor';
import '../../src/renderer/styles/app.css';

const host = document.getElementById('host') as HTMLElement;
const counter = document.getElementById('counter') as HTMLElement;

function showCount(text: string): void {
  const count = String(text.split(/\s+/).filter(Boolean).length);
  if (counter.dataset['count'] === count) return;
  counter.dataset['count'] = count;
  counter.textContent = count;
}

/** Called by the bench with the answer text the app's editor starts from. */
function mount(text: string): void {
  showCount(text);
  createAnswerEditor({
    number: 1,
    text,
    parent: host,
    onChange: (_changes, _before, after) => showCount(after),
    onFocus: () => undefined,
    onBlur: () => undefined,
  });
}

(window as unknown as { benchMount: typeof mount }).benchMount = mount;
