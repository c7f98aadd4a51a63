/**
 * Links and images, inline (`[a](b)`, `![a](b)`) and by reference (`[a][id]`, `[a][]`, `[a]`,
 * and the same with `!`). An undefined reference stays text.
 */
import { element, setAttr } from '../tree';
import type { InlineContext } from './context';
import { closingBracket, getLink } from './linkParts';
import { sharedSlice } from '../sharedSlice';
import type { InlineMatch, InlinePattern } from './pattern';
import { PY_SPACE } from '../pyRegex';
import { isPythonWhitespace } from '../../pythonText';

type Handler = (ctx: InlineContext, data: string, start: number, afterOpen: number) => InlineMatch | 'fail';

/** Scans for `[` (or `![`), calling `handle` at each; a failed attempt resumes after its opener. */
function bracketPattern(name: string, image: boolean, handle: Handler): InlinePattern {
  return {
    name,
    triggers: [image ? '![' : '['],
    requires: ']',
    find(ctx, data, from, prevAt) {
      for (let i = data.indexOf(image ? '![' : '[', from); i !== -1; ) {
        if (ctx.effort <= 0) return null;
        if (!image && prevAt(i) === '!') {
          i = data.indexOf('[', i + 1);
          continue;
        }
        const afterOpen = i + (image ? 2 : 1);
        const result = handle(ctx, data, i, afterOpen);
        if (result !== 'fail') return result;
        i = data.indexOf(image ? '![' : '[', afterOpen);
      }
      return null;
    },
  };
}

const inlineLink: Handler = (ctx, data, start, afterOpen) => {
  const close = closingBracket(data, afterOpen);
  if (close === -1) return 'fail';
  const target = getLink(ctx, data, close + 1);
  if (!target || target.end <= start) return 'fail';
  const a = element('a');
  a.text = sharedSlice(data, afterOpen, close);
  setAttr(a, 'href', target.href);
  if (target.title !== null) setAttr(a, 'title', target.title);
  return { start, end: target.end, node: a };
};

const inlineImage: Handler = (ctx, data, start, afterOpen) => {
  const close = closingBracket(data, afterOpen);
  if (close === -1) return 'fail';
  const target = getLink(ctx, data, close + 1);
  if (!target || target.end <= start) return 'fail';
  const img = element('img');
  setAttr(img, 'src', target.href);
  if (target.title !== null) setAttr(img, 'title', target.title);
  setAttr(img, 'alt', ctx.unescape(data.slice(afterOpen, close)));
  return { start, end: target.end, node: img };
};

/** `\s?\[([^\]]*)\]` right after the link text. */
const REFERENCE_ID = new RegExp(`[${PY_SPACE}]?\\[([^\\]]*)\\]`, 'y');
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'g');

/** `[id]` right after the text (full form) or the text itself as the id (short form). */
function referenceHandler(image: boolean, short: boolean): Handler {
  return (ctx, data, start, afterOpen) => {
    const close = closingBracket(data, afterOpen);
    if (close === -1) return 'fail';
    const text = data.slice(afterOpen, close);
    let id: string;
    let end = close + 1;
    if (short) id = text.toLowerCase();
    else {
      // `\s?\[`: the id's bracket comes at once or after one space.
      const next = data.charCodeAt(end);
      if (next !== 91 && !(isPythonWhitespace(next) && data.charCodeAt(end + 1) === 91)) return 'fail';
      REFERENCE_ID.lastIndex = end;
      const m = REFERENCE_ID.exec(data);
      if (!m) return 'fail';
      id = m[1]!.toLowerCase() || text.toLowerCase();
      end = m.index + m[0].length;
    }
    id = id.replace(SPACE_RUN, ' ');
    const ref = ctx.references.get(id);
    if (!ref) return { start, end, node: null };
    const el = element(image ? 'img' : 'a');
    if (image) {
      setAttr(el, 'src', ref.href);
      if (ref.title) setAttr(el, 'title', ref.title);
      setAttr(el, 'alt', ctx.unescape(text));
    } else {
      setAttr(el, 'href', ref.href);
      if (ref.title) setAttr(el, 'title', ref.title);
      el.text = text;
    }
    return { start, end, node: el };
  };
}

export const reference = bracketPattern('reference', false, referenceHandler(false, false));
export const link = bracketPattern('link', false, inlineLink);
export const imageLink = bracketPattern('image_link', true, inlineImage);
export const imageReference = bracketPattern('image_reference', true, referenceHandler(true, false));
export const shortReference = bracketPattern('short_reference', false, referenceHandler(false, true));
export const shortImageReference = bracketPattern('short_image_ref', true, referenceHandler(true, true));
