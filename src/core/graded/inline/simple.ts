/**
 * Patterns that are one regular expression each: `<http://…>` and `<a@b>` autolinks, the
 * two-space line break, raw inline HTML and entities (stashed as raw HTML), and a lone `*`/`_`
 * between spaces (kept as text so it never opens emphasis).
 */
import { AMP_SUBSTITUTE } from '../markers';
import { isPythonWhitespace } from '../../pythonText';
import { element, setAttr } from '../tree';
import { CODEPOINT_TO_NAME } from './entityNames';
import type { InlineMatch, InlinePattern } from './pattern';

function regexPattern(
  name: string,
  triggers: string[],
  regex: RegExp,
  build: (m: RegExpExecArray, ctx: Parameters<InlinePattern['find']>[0]) => InlineMatch['node'],
): InlinePattern {
  const global = new RegExp(regex.source, `${regex.flags.replace('g', '')}g`);
  return {
    name,
    triggers,
    find(ctx, data, from) {
      global.lastIndex = from;
      const m = global.exec(data);
      if (!m) return null;
      return { start: m.index, end: m.index + m[0].length, node: build(m, ctx) };
    },
  };
}

export const autolink = regexPattern('autolink', ['<'], /<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?:\/\/[^<>]*)>/s, (m, ctx) => {
  const a = element('a');
  setAttr(a, 'href', ctx.unescape(m[1]!));
  a.text = m[1]!;
  a.atomic = true;
  return a;
});

export const automail = regexPattern('automail', ['@'], /<([^<> !]+@[^@<> ]+)>/s, (m, ctx) => {
  let email = ctx.unescape(m[1]!);
  if (email.startsWith('mailto:')) email = email.slice('mailto:'.length);
  const a = element('a');
  let text = '';
  for (const ch of email) {
    const code = ch.codePointAt(0)!;
    const name = CODEPOINT_TO_NAME[code];
    text += name ? `${AMP_SUBSTITUTE}${name};` : `${AMP_SUBSTITUTE}#${code};`;
  }
  a.text = text;
  a.atomic = true;
  let href = '';
  for (const ch of `mailto:${email}`) href += `${AMP_SUBSTITUTE}#${ch.codePointAt(0)!};`;
  setAttr(a, 'href', href);
  return a;
});

/**
 * Two spaces before a newline. Found from each newline: searching for the three characters
 * stops at every space of the prose.
 */
export const lineBreak: InlinePattern = {
  name: 'linebreak',
  triggers: ['\n'],
  find(_ctx, data, from) {
    for (let k = data.indexOf('\n', from + 2); k !== -1; k = data.indexOf('\n', k + 1)) {
      if (data.charCodeAt(k - 1) === 32 && data.charCodeAt(k - 2) === 32) return { start: k - 2, end: k + 1, node: element('br') };
    }
    return null;
  },
};

export const html = regexPattern(
  'html',
  ['<'],
  /(<(\/?[a-zA-Z][^<>@ ]*( [^<>]*)?|!--(?:(?!<!--|-->).)*--)>)/s,
  (m, ctx) => ctx.htmlStash.store(ctx.unescapeToHtml(m[1]!)),
);

export const entity = regexPattern('entity', ['&'], /(&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)/, (m, ctx) =>
  ctx.htmlStash.store(ctx.unescapeToHtml(m[1]!)),
);

/**
 * `(^|\s)(\*|_)(\s|$)`, a final newline being a space anyway. Found from each `*` and
 * `_` by looking at its neighbours, rather than by a regex tried at every character.
 */
function isSpaceOrEnd(data: string, i: number): boolean {
  return i >= data.length || isPythonWhitespace(data.charCodeAt(i));
}
export const notStrong: InlinePattern = {
  name: 'not_strong',
  triggers: ['*', '_'],
  find(_ctx, data, from) {
    let star = data.indexOf('*', from);
    let underscore = data.indexOf('_', from);
    while (star !== -1 || underscore !== -1) {
      const i = star === -1 ? underscore : underscore === -1 ? star : Math.min(star, underscore);
      if (i === star) star = data.indexOf('*', i + 1);
      else underscore = data.indexOf('_', i + 1);
      if (!isSpaceOrEnd(data, i + 1)) continue;
      // Preceded by a space inside the searched range, or at the very start of the text (`^`).
      const start = i === 0 ? 0 : i - 1 >= from && isPythonWhitespace(data.charCodeAt(i - 1)) ? i - 1 : -1;
      if (start === -1) continue;
      const end = i + 1 < data.length ? i + 2 : i + 1;
      return { start, end, node: data.slice(start, end) };
    }
    return null;
  },
};
