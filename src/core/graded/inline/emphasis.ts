/**
 * `*` and `_` emphasis and strong emphasis. At each `*` (or `_`) five shapes are tried in order:
 * `***a*b**`, `***a**b*`, `**a*b***`, `**a**`, `*a*` (for `_` the strong and single forms need no
 * word character around them, so `snake_case_name` stays text). The inner text is split the same
 * way with only the shapes after the one that matched.
 */
import { charBefore, isWordChar } from '../pyString';
import { type Element, element } from '../tree';
import type { InlinePattern } from './pattern';

type Builder = 'double' | 'double2' | 'single';
interface Shape {
  regex: RegExp;
  builder: Builder;
  tags: [string] | [string, string];
  /** The shape starts with `(?<!\w)`: checked by hand so the character before can be a placeholder's. */
  notAfterWord: boolean;
}

const W = '[\\p{L}\\p{N}_]';
const ASTERISK: Shape[] = [
  { regex: /\*{3}(.+?)\*(.*?)\*{2}/suy, builder: 'double', tags: ['strong', 'em'], notAfterWord: false },
  { regex: /\*{3}(.+?)\*{2}(.*?)\*/suy, builder: 'double', tags: ['em', 'strong'], notAfterWord: false },
  { regex: /\*\*(?!\*)([^*]+?)\*(?!\*)(.+?)\*{3}/suy, builder: 'double2', tags: ['strong', 'em'], notAfterWord: false },
  { regex: /\*\*(.+?)\*\*/suy, builder: 'single', tags: ['strong'], notAfterWord: false },
  { regex: /\*([^*]+)\*/suy, builder: 'single', tags: ['em'], notAfterWord: false },
];
const UNDERSCORE: Shape[] = [
  { regex: /___(.+?)_(.*?)__/suy, builder: 'double', tags: ['strong', 'em'], notAfterWord: false },
  { regex: /___(.+?)__(.*?)_/suy, builder: 'double', tags: ['em', 'strong'], notAfterWord: false },
  {
    regex: new RegExp(`__(?!_)(.+?)(?<!${W})_(?!_)(.+?)___(?!${W})`, 'suy'),
    builder: 'double2',
    tags: ['strong', 'em'],
    notAfterWord: true,
  },
  { regex: new RegExp(`__(?!_)(.+?)(?<!_)__(?!${W})`, 'suy'), builder: 'single', tags: ['strong'], notAfterWord: true },
  { regex: new RegExp(`_(?!_)(.+?)(?<!_)_(?!${W})`, 'suy'), builder: 'single', tags: ['em'], notAfterWord: true },
];

function matchShape(shape: Shape, data: string, pos: number, before: string | undefined): RegExpExecArray | null {
  if (shape.notAfterWord && isWordChar(before)) return null;
  shape.regex.lastIndex = pos;
  return shape.regex.exec(data);
}

function build(shapes: Shape[], mark: string, m: RegExpExecArray, index: number): Element {
  const shape = shapes[index]!;
  if (shape.builder === 'single') {
    const el = element(shape.tags[0]);
    parseSub(shapes, mark, m[1]!, el, null, index);
    return el;
  }
  const outer = element(shape.tags[0]);
  const inner = element(shape.tags[1]!);
  if (shape.builder === 'double') {
    parseSub(shapes, mark, m[1]!, inner, null, index);
    outer.children.push(inner);
    parseSub(shapes, mark, m[2]!, outer, inner, index);
  } else {
    parseSub(shapes, mark, m[1]!, outer, null, index);
    outer.children.push(inner);
    parseSub(shapes, mark, m[2]!, inner, null, index);
  }
  return outer;
}

function parseSub(shapes: Shape[], mark: string, data: string, parent: Element, last: Element | null, index: number): void {
  let offset = 0;
  let pos = data.indexOf(mark);
  const place = (text: string): void => {
    if (!text) return;
    if (last) last.tail = text;
    else parent.text = text;
  };
  while (pos !== -1) {
    let matched = false;
    for (let i = index + 1; i < shapes.length; i++) {
      const m = matchShape(shapes[i]!, data, pos, charBefore(data, pos));
      if (!m) continue;
      place(data.slice(offset, pos));
      const el = build(shapes, mark, m, i);
      parent.children.push(el);
      last = el;
      offset = pos = m.index + m[0].length;
      matched = true;
      break;
    }
    pos = data.indexOf(mark, matched ? pos : pos + 1);
  }
  place(data.slice(offset));
}

function emphasisPattern(name: string, mark: string, shapes: Shape[]): InlinePattern {
  return {
    name,
    triggers: [mark],
    find(ctx, data, from, prevAt) {
      for (let pos = data.indexOf(mark, from); pos !== -1; pos = data.indexOf(mark, pos + 1)) {
        if (ctx.effort <= 0) return null;
        const before = prevAt(pos);
        for (let i = 0; i < shapes.length; i++) {
          const m = matchShape(shapes[i]!, data, pos, before);
          if (m) return { start: pos, end: m.index + m[0].length, node: build(shapes, mark, m, i) };
        }
        // A failed shape may have scanned to the end of the text.
        ctx.effort -= data.length - pos;
      }
      return null;
    },
  };
}

export const asterisk = emphasisPattern('em_strong', '*', ASTERISK);
export const underscore = emphasisPattern('em_strong2', '_', UNDERSCORE);
