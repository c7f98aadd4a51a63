/**
 * Marks, in a rendered preview, the blocks that will look different on the graded page, with a
 * short note under each saying what the graded page will show. Runs on the sanitized tree; the
 * notes are our own text.
 */
import type { Element, Root, RootContent } from 'hast';

export interface PreviewNote {
  /** 1-based line in the markdown that was rendered (not in the whole file). */
  readonly line: number;
  readonly message: string;
}

export const GRADED_DIFF_CLASS = 'graded-diff';
export const GRADED_NOTE_CLASS = 'graded-note';

function addClass(element: Element, name: string): void {
  const current = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? String(current).split(/\s+/) : [];
  if (!list.includes(name)) list.push(name);
  element.properties.className = list;
}

function noteElement(messages: readonly string[]): Element {
  return {
    type: 'element',
    tagName: 'aside',
    properties: { className: [GRADED_NOTE_CLASS], role: 'note' },
    children: messages.flatMap((message, i): Element['children'] => [
      ...(i > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []),
      { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: 'On the graded page: ' }] },
      { type: 'text', value: message },
    ]),
  };
}

/**
 * Adds the `graded-diff` class to each top-level block holding a note's line and puts an
 * `aside.graded-note` after it. A note whose line falls between blocks goes with the next block
 * (or at the end).
 */
export function markGradedDifferences(tree: Root, notes: readonly PreviewNote[]): void {
  if (notes.length === 0) return;
  const blocks = tree.children
    .map((node, index) => ({ node, index }))
    .filter((b): b is { node: Element; index: number } => b.node.type === 'element' && b.node.position !== undefined);
  const byBlock = new Map<number, string[]>();
  const trailing: string[] = [];
  for (const note of notes) {
    const block =
      blocks.find((b) => b.node.position!.start.line <= note.line && note.line <= b.node.position!.end.line) ??
      blocks.find((b) => b.node.position!.start.line > note.line);
    if (!block) {
      trailing.push(note.message);
      continue;
    }
    const list = byBlock.get(block.index) ?? [];
    if (!list.includes(note.message)) list.push(note.message);
    byBlock.set(block.index, list);
  }
  const children: RootContent[] = [];
  tree.children.forEach((node, index) => {
    children.push(node);
    const messages = byBlock.get(index);
    if (messages && node.type === 'element') {
      addClass(node, GRADED_DIFF_CLASS);
      children.push(noteElement(messages));
    }
  });
  if (trailing.length > 0) children.push(noteElement(trailing));
  tree.children = children;
}
