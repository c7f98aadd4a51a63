/**
 * The small piece of markdown the template's prompts, examples and checklist items use — `code`,
 * **strong**, *emphasis*, [links](figures/x.png) and backslash escapes — read into a tree the UI
 * renders as elements. Nothing here ever becomes HTML: a `<script>` in a prompt stays text.
 *
 * Not the preview's pipeline on purpose: that one is a lazily loaded chunk for whole answers, and
 * every card's prompt is on screen the moment a report opens.
 */

export type InlineNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong' | 'em'; readonly children: readonly InlineNode[] }
  | { readonly kind: 'link'; readonly href: string | null; readonly children: readonly InlineNode[] };

/** Longer text is shown as it is: prompts are a few hundred characters, and the scan is not linear on junk. */
const MAX_INLINE_CHARS = 4000;

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>|~]/;

/** The template's own folder in the course repository: its prompts link figures relative to it. */
export const COURSE_REPORTS_URL = 'https://github.com/SkafteNicki/dtu_mlops/blob/main/reports/';
const COURSE_RAW_REPORTS_URL = 'https://raw.githubusercontent.com/SkafteNicki/dtu_mlops/main/reports/';

/**
 * Where a prompt's link leads: web links as they are; a path (`figures/bucket.png`) is the course
 * repository's file next to the template — an image as the picture itself, anything else as
 * GitHub's page of it. Any other scheme (`javascript:`, `file:`, `data:`) is no link at all.
 */
export function promptLinkTarget(href: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  if (/^https?:\/\//i.test(trimmed)) return safeUrl(trimmed);
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  const image = /\.(?:png|jpe?g|gif|svg|webp)(?:[?#].*)?$/i.test(trimmed);
  return safeUrl(trimmed, image ? COURSE_RAW_REPORTS_URL : COURSE_REPORTS_URL);
}

function safeUrl(href: string, base?: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads `text` into inline nodes (adjacent text merged). */
export function parseInline(text: string): readonly InlineNode[] {
  if (text.length > MAX_INLINE_CHARS) return [{ kind: 'text', text }];
  return parseRange(text, 0, text.length);
}

function parseRange(text: string, start: number, end: number): InlineNode[] {
  const out: InlineNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\' && i + 1 < end && ESCAPABLE.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const code = codeSpanAt(text, i, end);
      if (code) {
        flush();
        out.push({ kind: 'code', text: code.text });
        i = code.end;
        continue;
      }
      // An unmatched run of backticks is text, all of it.
      let run = i;
      while (run < end && text[run] === '`') run++;
      plain += text.slice(i, run);
      i = run;
      continue;
    }
    if (c === '[') {
      const link = linkAt(text, i, end);
      if (link) {
        flush();
        out.push({
          kind: 'link',
          href: promptLinkTarget(link.href),
          children: parseRange(text, i + 1, link.labelEnd),
        });
        i = link.end;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const emphasis = emphasisAt(text, i, end);
      if (emphasis) {
        flush();
        out.push({ kind: emphasis.kind, children: parseRange(text, emphasis.innerStart, emphasis.innerEnd) });
        i = emphasis.end;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** A code span opening at `i`: the same number of backticks closes it. */
function codeSpanAt(text: string, i: number, end: number): { text: string; end: number } | null {
  let run = i;
  while (run < end && text[run] === '`') run++;
  const fence = text.slice(i, run);
  let from = run;
  while (from < end) {
    const close = text.indexOf(fence, from);
    if (close === -1 || close + fence.length > end) return null;
    let after = close + fence.length;
    if (text[after] !== '`') {
      let inner = text.slice(run, close).replace(/\n/g, ' ');
      if (inner.length > 1 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') {
        inner = inner.slice(1, -1);
      }
      return { text: inner, end: after };
    }
    while (after < end && text[after] === '`') after++;
    from = after;
  }
  return null;
}

/** `[label](href "title")` opening at `i`, with balanced brackets in the label. */
function linkAt(text: string, i: number, end: number): { labelEnd: number; href: string; end: number } | null {
  let depth = 0;
  let j = i;
  for (; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '`') {
      const code = codeSpanAt(text, j, end);
      if (code) j = code.end - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= end || text[j + 1] !== '(') return null;
  const close = text.indexOf(')', j + 2);
  if (close === -1 || close >= end) return null;
  const destination = text.slice(j + 2, close).trim();
  const angled = /^<([^>]*)>/.exec(destination);
  const href = angled ? angled[1] : (destination.split(/\s+/)[0] ?? '');
  return { labelEnd: j, href, end: close + 1 };
}

const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const space = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * `**strong**`, `__strong__`, `*em*`, `_em_` opening at `i`. The text inside may not start or end
 * with a space, and `_` never works inside a word (`requirements_dev.txt` stays as it is).
 */
function emphasisAt(
  text: string,
  i: number,
  end: number,
): { kind: 'strong' | 'em'; innerStart: number; innerEnd: number; end: number } | null {
  const c = text[i];
  const double = text[i + 1] === c;
  for (const size of double ? [2, 1] : [1]) {
    const innerStart = i + size;
    if (space(text[innerStart]) || text[innerStart] === c) continue;
    if (c === '_' && wordChar(text[i - 1])) return null;
    const delimiter = c.repeat(size);
    let from = innerStart + 1;
    while (from < end) {
      const close = text.indexOf(delimiter, from);
      if (close === -1 || close + size > end) break;
      const fits = !space(text[close - 1]) && text[close + size] !== c && !(c === '_' && wordChar(text[close + size]));
      if (fits) return { kind: size === 2 ? 'strong' : 'em', innerStart, innerEnd: close, end: close + size };
      from = close + 1;
    }
  }
  return null;
}
