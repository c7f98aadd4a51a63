/**
 * The element tree Python-Markdown builds between its block parser and its serializer: an
 * ElementTree-like node with `text` (before the first child) and `tail` (after the element,
 * inside its parent). The graded page's whitespace depends on exactly where text sits in this
 * model, so it is kept instead of a DOM-like list of text nodes.
 */
export interface Element {
  tag: string;
  /**
   * Names and values alternating, names in the order the serializer writes them (sorted). Null
   * until the first attribute: most elements have none, and a Map each (a hostile line makes
   * hundreds of thousands of links) cost more to make and collect than the rest of the element.
   */
  attrs: string[] | null;
  text: string | null;
  /** Python-Markdown's AtomicString: text no inline pattern may touch (code, autolinks). */
  atomic: boolean;
  tail: string | null;
  children: Element[];
}

export function element(tag: string): Element {
  return { tag, attrs: null, text: null, atomic: false, tail: null, children: [] };
}

export function setAttr(el: Element, key: string, value: string): void {
  const attrs = el.attrs;
  if (!attrs) {
    el.attrs = [key, value];
    return;
  }
  let i = 0;
  while (i < attrs.length && attrs[i]! < key) i += 2;
  if (attrs[i] === key) attrs[i + 1] = value;
  else if (i === attrs.length) attrs.push(key, value);
  else attrs.splice(i, 0, key, value);
}

export function subElement(parent: Element, tag: string): Element {
  const child = element(tag);
  parent.children.push(child);
  return child;
}

export function lastChild(parent: Element): Element | null {
  return parent.children.length ? parent.children[parent.children.length - 1]! : null;
}

/**
 * Every element in document order, the root first (ElementTree's `iter()`), as a list made once:
 * cheaper than a generator, and the callers change texts, not the tree.
 */
export function iterTree(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return out;
}
