/**
 * Names for the checkboxes of task lists (`- [x] Create a git repository`). GFM renders each box
 * as a bare `<input type="checkbox" disabled>` with no label, so a screen reader announced
 * "checkbox, checked" and nothing about the task; each box is named after its item's own text
 * (without any list nested under it), and its checked state says the rest.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The text of an item, nested lists left out, whitespace collapsed. */
function itemText(children: readonly ElementContent[]): string {
  let text = '';
  const walk = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') text += node.value;
      else if (node.type === 'element' && node.tagName !== 'ul' && node.tagName !== 'ol') walk(node.children);
    }
  };
  walk(children);
  return text.replace(/\s+/g, ' ').trim();
}

function taskBoxIn(nodes: readonly ElementContent[]): Element | undefined {
  return nodes.find((n): n is Element => n.type === 'element' && n.tagName === 'input' && n.properties.type === 'checkbox');
}

/** Gives every task box in `tree` an `aria-label`: its item's text ("Task" when the item has none). */
export function labelTaskBoxes(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'li') return;
    // The box is the item's first element, or the first in its paragraph in a loose list.
    const first = node.children.find((c): c is Element => c.type === 'element');
    const box = first?.tagName === 'p' ? taskBoxIn(first.children) : first && taskBoxIn([first]);
    if (!box) return;
    box.properties['ariaLabel'] = itemText(node.children) || 'Task';
  });
}
