/**
 * Patterns that are one regular expression each: `<http://…>` and `<a@b>` autolinks, the
 * two-space line break, raw inline HTML and entities (stashed as raw HTML), and a lone `*`/`_`
 * between spaces (kept as text so it never opens emphasis).
 */
import { AMP_SUBSTITUTE } from '../markers';
import { PY_SPACE } from '../pyRegex';
import { element, setAttr } from '../tree';
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

const NAMED: Record<number, string> = { 34: 'quot', 38: 'amp', 60: 'lt', 62: 'gt' };

export const automail = regexPattern('automail', ['@'], /<([^<> !]+@[^@<> ]+)>/s, (m, ctx) => {
  let email = ctx.unescape(m[1]!);
  if (email.startsWith('mailto:')) email = email.slice('mailto:'.length);
  const a = element('a');
  let text = '';
  for (const ch of email) {
    const code = ch.codePointAt(0)!;
    text += NAMED[code] ? `${AMP_SUBSTITUTE}${NAMED[code]};` : `${AMP_SUBSTITUTE}#${code};`;
  }
  a.text = text;
  a.atomic = true;
  let href = '';
  for (const ch of `mailto:${email}`) href += `${AMP_SUBSTITUTE}#${ch.codePointAt(0)!};`;
  setAttr(a, 'href', href);
  return a;
});

export const lineBreak = regexPattern('linebreak', ['  \n'], / {2}\n/, () => element('br'));

export const html = regexPattern(
  'html',
  ['<'],
  /(<(\/?[a-zA-Z][^<>@ ]*( [^<>]*)?|!--(?:(?!<!--|-->).)*--)>)/s,
  (m, ctx) => ctx.htmlStash.store(ctx.unescapeToHtml(m[1]!)),
);

export const entity = regexPattern('entity', ['&'], /(&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)/, (m, ctx) =>
  ctx.htmlStash.store(ctx.unescapeToHtml(m[1]!)),
);

/** `(^|\s)(\*|_)(\s|$)`, where `$` is also just before a final newline. */
const NOT_STRONG = new RegExp(`(?:^|[${PY_SPACE}])[*_](?:[${PY_SPACE}]|$)`, 'g');
export const notStrong: InlinePattern = {
  name: 'not_strong',
  triggers: ['*', '_'],
  find(_ctx, data, from) {
    NOT_STRONG.lastIndex = from;
    for (;;) {
      const m = NOT_STRONG.exec(data);
      if (!m) return null;
      return { start: m.index, end: m.index + m[0].length, node: m[0] };
    }
  },
};
