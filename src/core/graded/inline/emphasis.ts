/**
 * `*` and `_` emphasis and strong emphasis. At each `*` (or `_`) five shapes are tried in order:
 * `***a*b**`, `***a**b*`, `**a*b***`, `**a**`, `*a*` (for `_` the strong and single forms need no
 * word character around them, so `snake_case_name` stays text). The inner text is split the same
 * way with only the shapes after the one that matched.
 */
import { charBefore, isWordChar, isWordCharAt } from '../pyString';
import { sharedSlice } from '../sharedSlice';
import { type Element, appendChild, element } from '../tree';
import type { InlineContext } from './context';
import type { InlinePattern } from './pattern';

type Builder = 'double' | 'double2' | 'single';

/**
 * How a shape ends: where in a text its closing run could start. A shape whose closing run
 * cannot come after where it is tried cannot match there; without this test its lazy `(.+?)`
 * scans to the end of the text first, at every opener: quadratic on hostile paragraphs
 * (`*a **a *a **…` takes minutes at 2 MB) even where a later shape then matches.
 */
interface Closer {
  /** Equal closers (same run and conditions) share one: a text's answer is kept per closer. */
  readonly id: number;
  /** The first place at or after `from` where the closing run could start, or -1. */
  firstFrom(data: string, from: number): number;
}

const CLOSER_IDS = new Map<string, number>();

function closer(run: string, notAfterUnderscore = false, notBeforeWord = false): Closer {
  const key = `${run}${notAfterUnderscore ? '<' : ''}${notBeforeWord ? '>' : ''}`;
  let id = CLOSER_IDS.get(key);
  if (id === undefined) CLOSER_IDS.set(key, (id = CLOSER_IDS.size));
  return {
    id,
    firstFrom(data, from) {
      for (let i = data.indexOf(run, from); i !== -1; i = data.indexOf(run, i + 1)) {
        if (notAfterUnderscore && data.charCodeAt(i - 1) === 95) continue;
        if (notBeforeWord && isWordCharAt(data, i + run.length)) continue;
        return i;
      }
      return -1;
    },
  };
}

interface Shape {
  regex: RegExp;
  /** How many marks the shape starts with: where fewer stand, it is not tried at all. */
  opens: 1 | 2 | 3;
  builder: Builder;
  tags: [string] | [string, string];
  /** The shape starts with `(?<!\w)`: checked by hand so the character before can be a placeholder's. */
  notAfterWord: boolean;
  /** Its closing run, which starts at least `closerFrom` characters after the opener. */
  closer: Closer;
  closerFrom: number;
  /** The same match as `regex` found by hand (the common one-tag shapes: most matches). */
  quick?: (data: string, pos: number) => ShapeMatch | null;
}

/** What a shape matched: where it ends and its one or two inner texts. */
interface ShapeMatch {
  end: number;
  first: string;
  second: string | undefined;
}

/** `\*([^*]+)\*`: up to the next `*`, at least one character in between. */
function quickEm(data: string, pos: number): ShapeMatch | null {
  const close = data.indexOf('*', pos + 1);
  return close > pos + 1 ? { end: close + 1, first: sharedSlice(data, pos + 1, close), second: undefined } : null;
}

/** `\*\*(.+?)\*\*`: up to the first `**` after at least one character. */
function quickStrong(data: string, pos: number): ShapeMatch | null {
  if (data.charCodeAt(pos + 1) !== 42) return null;
  const close = data.indexOf('**', pos + 3);
  return close !== -1 ? { end: close + 2, first: sharedSlice(data, pos + 2, close), second: undefined } : null;
}

/**
 * `_(?!_)(.+?)(?<!_)_(?!\w)` (run 1) and `__(?!_)(.+?)(?<!_)__(?!\w)` (run 2): the first closing
 * run after at least one character that follows no `_` and precedes no word character.
 */
function quickUnderscore(run: 1 | 2): (data: string, pos: number) => ShapeMatch | null {
  const mark = run === 1 ? '_' : '__';
  return (data, pos) => {
    const textStart = pos + run;
    if ((run === 2 && data.charCodeAt(pos + 1) !== 95) || data.charCodeAt(textStart) === 95) return null;
    for (let close = data.indexOf(mark, textStart + 1); close !== -1; close = data.indexOf(mark, close + 1)) {
      if (data.charCodeAt(close - 1) === 95 || isWordCharAt(data, close + run)) continue;
      return { end: close + run, first: sharedSlice(data, textStart, close), second: undefined };
    }
    return null;
  };
}

const W = '[\\p{L}\\p{N}_]';
const ASTERISK: Shape[] = [
  { regex: /\*{3}(.+?)\*(.*?)\*{2}/sy, opens: 3, builder: 'double', tags: ['strong', 'em'], notAfterWord: false, closer: closer('**'), closerFrom: 5 },
  { regex: /\*{3}(.+?)\*{2}(.*?)\*/sy, opens: 3, builder: 'double', tags: ['em', 'strong'], notAfterWord: false, closer: closer('*'), closerFrom: 6 },
  {
    regex: /\*\*(?!\*)([^*]+?)\*(?!\*)(.+?)\*{3}/sy,
    opens: 2,
    builder: 'double2',
    tags: ['strong', 'em'],
    notAfterWord: false,
    closer: closer('***'),
    closerFrom: 5,
  },
  { regex: /\*\*(.+?)\*\*/sy, opens: 2, builder: 'single', tags: ['strong'], notAfterWord: false, closer: closer('**'), closerFrom: 3, quick: quickStrong },
  { regex: /\*([^*]+)\*/sy, opens: 1, builder: 'single', tags: ['em'], notAfterWord: false, closer: closer('*'), closerFrom: 2, quick: quickEm },
];
const UNDERSCORE: Shape[] = [
  { regex: /___(.+?)_(.*?)__/sy, opens: 3, builder: 'double', tags: ['strong', 'em'], notAfterWord: false, closer: closer('__'), closerFrom: 5 },
  { regex: /___(.+?)__(.*?)_/sy, opens: 3, builder: 'double', tags: ['em', 'strong'], notAfterWord: false, closer: closer('_'), closerFrom: 6 },
  {
    regex: new RegExp(`__(?!_)(.+?)(?<!${W})_(?!_)(.+?)___(?!${W})`, 'suy'),
    opens: 2,
    builder: 'double2',
    tags: ['strong', 'em'],
    notAfterWord: true,
    closer: closer('___', false, true),
    closerFrom: 5,
  },
  {
    regex: new RegExp(`__(?!_)(.+?)(?<!_)__(?!${W})`, 'suy'),
    opens: 2,
    builder: 'single',
    tags: ['strong'],
    notAfterWord: true,
    closer: closer('__', true, true),
    closerFrom: 3,
    quick: quickUnderscore(2),
  },
  {
    regex: new RegExp(`_(?!_)(.+?)(?<!_)_(?!${W})`, 'suy'),
    opens: 1,
    builder: 'single',
    tags: ['em'],
    notAfterWord: true,
    closer: closer('_', true, true),
    closerFrom: 2,
    quick: quickUnderscore(1),
  },
];

/**
 * Whether each kind of closing run still comes in one text, from where a shape is tried. Each
 * answer is the closing run found from some place on (or none): it answers every question
 * asked from that place up to the run, so a text searched onwards is read once per kind (a
 * search backwards from the end, the engine's `lastIndexOf`, reads several times slower).
 */
class Closers {
  /** By closer id (arrays made at the first question: a Map per text cost more than the answers on hostile text). */
  private found: number[] | null = null;
  private searchedFrom: number[] | null = null;
  constructor(readonly data: string) {}
  allow(shape: Shape, pos: number): boolean {
    const found = (this.found ??= []);
    const searchedFrom = (this.searchedFrom ??= []);
    const id = shape.closer.id;
    const want = pos + shape.closerFrom;
    const from = searchedFrom[id];
    if (from !== undefined && from <= want) {
      const at = found[id]!;
      if (at === -1) return false;
      if (at >= want) return true;
    }
    const at = shape.closer.firstFrom(this.data, want);
    found[id] = at;
    searchedFrom[id] = want;
    return at !== -1;
  }
}

/**
 * The closers of a text a pattern searches, kept for the pass by `ctx`: the same text is
 * searched again and again (after each match), with the texts of the elements found in it
 * searched in between.
 */
function closersOf(ctx: InlineContext, data: string): Closers {
  const known = ctx.recall(data);
  if (known instanceof Closers) return known;
  const closers = new Closers(data);
  ctx.remember(data, closers);
  return closers;
}

function matchShape(shape: Shape, closers: Closers, pos: number, before: string | undefined): ShapeMatch | null {
  const data = closers.data;
  // The marks are the same character; a run shorter than the shape's opening fails at once.
  if (shape.opens > 1 && (data.charCodeAt(pos + 1) !== data.charCodeAt(pos) || (shape.opens > 2 && data.charCodeAt(pos + 2) !== data.charCodeAt(pos))))
    return null;
  if (shape.notAfterWord && isWordChar(before)) return null;
  if (!closers.allow(shape, pos)) return null;
  if (shape.quick) return shape.quick(data, pos);
  shape.regex.lastIndex = pos;
  const m = shape.regex.exec(data);
  return m ? { end: m.index + m[0].length, first: m[1]!, second: m[2] } : null;
}

function build(shapes: Shape[], mark: string, m: ShapeMatch, index: number): Element {
  const shape = shapes[index]!;
  if (shape.builder === 'single') {
    const el = element(shape.tags[0]);
    parseSub(shapes, mark, m.first, el, null, index);
    return el;
  }
  const outer = element(shape.tags[0]);
  const inner = element(shape.tags[1]!);
  if (shape.builder === 'double') {
    parseSub(shapes, mark, m.first, inner, null, index);
    appendChild(outer, inner);
    parseSub(shapes, mark, m.second!, outer, inner, index);
  } else {
    parseSub(shapes, mark, m.first, outer, null, index);
    appendChild(outer, inner);
    parseSub(shapes, mark, m.second!, inner, null, index);
  }
  return outer;
}

function parseSub(shapes: Shape[], mark: string, data: string, parent: Element, last: Element | null, index: number): void {
  let offset = 0;
  let pos = data.indexOf(mark);
  const closers = new Closers(data);
  const place = (text: string): void => {
    if (!text) return;
    if (last) last.tail = text;
    else parent.text = text;
  };
  while (pos !== -1) {
    let matched = false;
    for (let i = index + 1; i < shapes.length; i++) {
      const m = matchShape(shapes[i]!, closers, pos, charBefore(data, pos));
      if (!m) continue;
      place(sharedSlice(data, offset, pos));
      const el = build(shapes, mark, m, i);
      appendChild(parent, el);
      last = el;
      offset = pos = m.end;
      matched = true;
      break;
    }
    pos = data.indexOf(mark, matched ? pos : pos + 1);
  }
  place(sharedSlice(data, offset));
}

function emphasisPattern(name: string, mark: string, shapes: Shape[]): InlinePattern {
  return {
    name,
    triggers: [mark],
    find(ctx, data, from, prevAt) {
      const closers = closersOf(ctx, data);
      for (let pos = data.indexOf(mark, from); pos !== -1; pos = data.indexOf(mark, pos + 1)) {
        if (ctx.effort <= 0) return null;
        const before = prevAt(pos);
        for (let i = 0; i < shapes.length; i++) {
          const m = matchShape(shapes[i]!, closers, pos, before);
          if (m) return { start: pos, end: m.end, node: build(shapes, mark, m, i) };
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
