/** HTML `<img>` tags in markdown: the checker never counts them, GitHub and the graded page show them. */

/** The start of an `<img` tag; its end is the next `>` (as `<img\b[^>]*>` matches, but linearly). */
const IMG_OPEN = /<img\b/gi;
const SRC_ATTR = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const ALT_ATTR = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** One `<img …>` tag with a `src`: offsets are into the line's text. */
export interface ImgTag {
  readonly start: number;
  readonly end: number;
  readonly alt: string;
  readonly srcStart: number;
  readonly srcEnd: number;
}

/** The `<img>` tags of one line that have a `src`, in order. */
export function imgTags(content: string): ImgTag[] {
  const found: ImgTag[] = [];
  IMG_OPEN.lastIndex = 0;
  for (let m = IMG_OPEN.exec(content); m; m = IMG_OPEN.exec(content)) {
    const close = content.indexOf('>', m.index);
    if (close === -1) break; // no later tag on this line can close either
    IMG_OPEN.lastIndex = close + 1;
    const tag = content.slice(m.index, close + 1);
    const src = SRC_ATTR.exec(tag);
    if (!src) continue;
    const value = src[1] ?? src[2] ?? src[3];
    const srcStart = m.index + src.index + src[0].length - value.length - (src[3] === undefined ? 1 : 0);
    const alt = ALT_ATTR.exec(tag);
    found.push({ start: m.index, end: close + 1, alt: alt ? (alt[1] ?? alt[2] ?? alt[3]) : '', srcStart, srcEnd: srcStart + value.length });
  }
  return found;
}
