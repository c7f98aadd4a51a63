/**
 * Strikethrough and bare URLs in the text of one block (a paragraph, a list item, a heading), as
 * GitHub reads them (GFM strikethrough and literal autolinks): the inline half of the light scan.
 * Code spans, links, autolinks and raw HTML are blanked out first, since GitHub finds neither
 * inside them.
 */
import type { MarkdownDifference } from './gradedPageTypes';
import { bareUrlMessage, strikethroughMessage } from './gradedPageMessages';

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Code spans: a run of n backticks up to the next run of exactly n. */
function maskCodeSpans(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open === -1) break;
    let n = open;
    while (text[n] === '`') n++;
    const run = n - open;
    let j = n;
    let close = -1;
    while ((j = text.indexOf('`', j)) !== -1) {
      let k = j;
      while (text[k] === '`') k++;
      if (k - j === run) {
        close = j;
        break;
      }
      j = k;
    }
    if (close === -1) {
      out += text.slice(i, n);
      i = n;
      continue;
    }
    out += text.slice(i, open) + blank(text.slice(open, close + run));
    i = close + run;
  }
  return out + text.slice(i);
}

/** Links and images `[…](…)`, autolinks `<scheme:…>`, `<a …>…</a>` and other raw tags. */
function maskLinks(text: string): string {
  return text
    .replace(/<a[\s>][\s\S]*?<\/a\s*>/gi, blank)
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, blank)
    .replace(/!?\[[^\]]*\]\[[^\]]*\]/g, blank)
    .replace(/<[a-z][a-z0-9+.-]*:[^\s<>]*>/gi, blank)
    .replace(/<[^\s<>@]+@[^\s<>]+>/g, blank)
    .replace(/<\/?[a-z][^<>]*>/gi, blank);
}

const STRIKE = /(?<!~)(~~?)(?!~)(?=\S)([\s\S]*?\S)\1(?!~)/g;
/** GitHub's boundaries: `www.` after a space or one of `(*_[]~`; a scheme after anything but a letter. */
const URL_START = /(?:(?<=^|[\s*_~()[\]])www\.|(?<![a-z])https?:\/\/)[^\s<]*/gi;
const EMAIL = /(?<![\w.+-])(?:mailto:|xmpp:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z0-9]+(?:\/[\w.-]*)?(?![\w-])/gi;

/** Inline markup removed, as in the text GitHub shows: link text, no backticks or emphasis marks. */
export function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/(?<!~)(~~?)(?!~)(?=\S)(.*?\S)\1(?!~)/g, '$2')
    .replace(/(^|[\s(])[*_]+|[*_]+(?=$|[\s.,:;!?)])/g, '$1');
}

/** GitHub leaves trailing punctuation and an unbalanced `)` out of an autolink. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const before = u;
    u = u.replace(/[?!.,:*_~'"]+$/, '');
    if (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
    if (u.endsWith(']')) u = u.slice(0, -1);
    u = u.replace(/&[a-z0-9]+;$/i, '');
    if (u === before) return u;
  }
}

export function inlineDifferences(block: readonly { text: string; line: number }[]): MarkdownDifference[] {
  if (block.length === 0) return [];
  const text = block.map((b) => b.text).join('\n');
  if (!/[~@]|www\.|:\/\//i.test(text)) return [];
  const masked = maskLinks(maskCodeSpans(text));
  const starts: number[] = [];
  let offset = 0;
  for (const b of block) {
    starts.push(offset);
    offset += b.text.length + 1;
  }
  const lineAt = (at: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= at) k++;
    return block[k].line;
  };
  const found: MarkdownDifference[] = [];
  for (const m of masked.matchAll(STRIKE)) {
    const inner = text.slice(m.index + m[1].length, m.index + m[0].length - m[1].length);
    found.push({ kind: 'strikethrough', line: lineAt(m.index), message: strikethroughMessage(m[1], inner.replace(/[*_`]/g, '')) });
  }
  const urls = new Map<number, { at: number; url: string }[]>();
  const push = (at: number, url: string) => {
    const line = lineAt(at);
    const list = urls.get(line) ?? [];
    list.push({ at, url });
    urls.set(line, list);
  };
  for (const m of masked.matchAll(URL_START)) {
    const url = trimUrl(m[0]);
    const host = url.replace(/^https?:\/\//i, '');
    // GitHub wants no underscore in the last two labels of the domain.
    const domain = /^[^/?#:]*/.exec(host)![0];
    if (/^[\w-]/.test(host) && !/_/.test(domain.split('.').slice(-2).join('.'))) push(m.index, url);
  }
  for (const m of masked.matchAll(EMAIL)) {
    if (/[-_]$/.test(m[0])) continue;
    // Part of a URL already found (its path or query holds an @).
    if (/(?:https?:\/\/|www\.)\S*$/i.test(masked.slice(0, m.index))) continue;
    push(m.index, m[0]);
  }
  for (const [line, list] of urls) {
    list.sort((a, b) => a.at - b.at);
    found.push({ kind: 'bare-url', line, message: bareUrlMessage(list.map((u) => u.url)) });
  }
  return found;
}
