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
  /**
   * Read-only until the first child: `NO_CHILDREN`, shared by every childless element, and
   * replaced by an array of its own by `appendChild`/`insertChildren`. Most inline elements never
   * get a child, and an empty array each is a third of what a hostile line's links keep alive.
   */
  children: readonly Element[];
}

/** The children of every element that has none (frozen: a push to it would be a bug). */
export const NO_CHILDREN: readonly Element[] = Object.freeze([]);

export function element(tag: string): Element {
  return { tag, attrs: null, text: null, atomic: false, tail: null, children: NO_CHILDREN };
}

/** `el`'s children as an array it owns, made at the first child. */
function ownChildren(el: Element): Element[] {
  if (el.children === NO_CHILDREN) el.children = [];
  return el.children as Element[];
}

export function appendChild(parent: Element, child: Element): void {
  ownChildren(parent).push(child);
}

/**
 * `children.splice(pos, 0, ...items)` without spreading `items` into arguments: a hostile line can
 * make hundreds of thousands of inline nodes, past the engine's limit on call arguments. `items`
 * is a list made for this call: a parent without children takes it as its own.
 */
export function insertChildren(parent: Element, pos: number, items: Element[]): void {
  if (items.length === 0) return;
  if (parent.children === NO_CHILDREN) {
    parent.children = items;
    return;
  }
  const children = ownChildren(parent);
  if (pos === children.length) {
    for (const item of items) children.push(item);
    return;
  }
  const after = children.splice(pos);
  for (const item of items) children.push(item);
  for (const item of after) children.push(item);
}

/**
 * Attribute lists are never changed in place (`setAttr` and `setAttrValue` make a new one), so
 * elements made alike share one: a hostile line of a million equal links keeps one list, not a
 * million. The last list made is remembered with what it was made from.
 */
let lastMade: { from: string[] | null; key: string; value: string; attrs: string[] } = { from: null, key: '', value: '', attrs: [] };

export function setAttr(el: Element, key: string, value: string): void {
  const from = el.attrs;
  const last = lastMade;
  if (last.from === from && last.key === key && last.value === value) {
    el.attrs = last.attrs;
    return;
  }
  let attrs: string[];
  if (!from) attrs = [key, value];
  else {
    let i = 0;
    while (i < from.length && from[i]! < key) i += 2;
    attrs = from.slice();
    if (from[i] === key) attrs[i + 1] = value;
    else attrs.splice(i, 0, key, value);
  }
  lastMade = { from, key, value, attrs };
  el.attrs = attrs;
}

/** The element's `i`th attribute value (`attrs[i]`, i odd) replaced, in a list of its own. */
export function setAttrValue(el: Element, i: number, value: string): void {
  const attrs = el.attrs!.slice();
  attrs[i] = value;
  el.attrs = attrs;
}

export function subElement(parent: Element, tag: string): Element {
  const child = element(tag);
  appendChild(parent, child);
  return child;
}

export function lastChild(parent: Element): Element | null {
  return parent.children.length ? parent.children[parent.children.length - 1]! : null;
}

/**
 * `visit` on every element in document order, the root first (ElementTree's `iter()`), without a
 * list of them all (a hostile line makes hundreds of thousands). Recursive like the serializer,
 * which must walk the same depth anyway.
 */
export function forEachElement(el: Element, visit: (el: Element) => void): void {
  visit(el);
  const children = el.children;
  for (let i = 0; i < children.length; i++) forEachElement(children[i]!, visit);
}
