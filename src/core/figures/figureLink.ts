/**
 * What a figure link is — an image-ish construct of the report, with its exact position — and how
 * its target reads and is written back (`<figures/a b.png>`, `./figures/a%20b.png`, `figures\\a.png`).
 *
 * Pure: no Node, DOM or Electron.
 */

/**
 * - `image`: `![alt](target)`, counted by the checker and shown by GitHub.
 * - `link`: `[alt](target)` to an image file: no `!`, so neither counted nor shown as an image.
 * - `code`: `![alt](target)` inside backticks or a fenced block: counted, but shown as code.
 * - `html`: `<img src="target">`: shown, but not counted.
 * - `reference`: `![alt][id]` with a `[id]: target` definition: shown, but not counted.
 */
export type FigureLinkKind = 'image' | 'link' | 'code' | 'html' | 'reference';

export interface FigureLink {
  readonly kind: FigureLinkKind;
  /** The question whose answer holds the link; null outside answers. */
  readonly question: number | null;
  /** False inside the template's own text (prompts, instructions, checklist, headings). */
  readonly student: boolean;
  /** 1-based line of the link. */
  readonly line: number;
  /** Offsets (UTF-16) of the whole construct, e.g. `![a](b)` or `<img ...>`. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the target as written (for `reference`, inside the definition line). */
  readonly targetStart: number;
  readonly targetEnd: number;
  /** The target exactly as written, `<...>` included. */
  readonly rawTarget: string;
  readonly alt: string;
  readonly target: FigureTarget;
  /** Whether the course's checker counts it as an image. */
  readonly counted: boolean;
  /**
   * For `code`: the backtick span or fenced block around it (`start`/`end` include the backticks or
   * fence lines; `content*` is what they wrap); `only` when it wraps nothing but image links.
   */
  readonly code: {
    readonly start: number;
    readonly end: number;
    readonly contentStart: number;
    readonly contentEnd: number;
    readonly fence: boolean;
    readonly only: boolean;
  } | null;
}

export interface FigureTarget {
  /**
   * The decoded target, relative to the report's folder with `./` and `a/..` resolved and `/`
   * separators (`figures/my shot.png`); absolute paths as written; null for URLs and empty targets.
   */
  readonly path: string | null;
  /** `http:`, `https:`, `data:`, `//host/...` and other URL schemes (except `file:`). */
  readonly remote: boolean;
  /** `/x`, `C:\x`, `\\server\x`, `~/x` or `file:` — a path on the writer's machine, not in the repo. */
  readonly absolute: boolean;
  /** Absolute, or climbing out of the report's folder with `..`. */
  readonly outside: boolean;
  /** Lower-case extension without the dot (`png`), '' when none. */
  readonly extension: string;
}

/** What the template accepts in `figures/`. */
export const ALLOWED_FIGURE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg'];
/** Extensions that make a plain link look like a figure. */
export const IMAGE_EXTENSIONS: readonly string[] = [
  'png',
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'gif',
  'webp',
  'svg',
  'bmp',
  'tif',
  'tiff',
  'avif',
  'heic',
  'heif',
  'ico',
];

// ---------------------------------------------------------------------------------------------
// Targets

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

function decodePercent(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%([0-9a-f]{2})/gi, (m, hex: string) => {
      const code = parseInt(hex, 16);
      return code < 0x80 ? String.fromCharCode(code) : m;
    });
  }
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Reads a link target as written (`<figures/a b.png>`, `./figures/a%20b.png "title"` minus title). */
export function figureTarget(rawTarget: string): FigureTarget {
  let raw = rawTarget.trim();
  if (raw.startsWith('<') && raw.endsWith('>')) raw = raw.slice(1, -1).trim();
  const none = { path: null, remote: false, absolute: false, outside: false, extension: '' };
  if (raw === '') return none;
  const scheme = SCHEME.exec(raw);
  if ((scheme && !WINDOWS_DRIVE.test(raw) && scheme[1].toLowerCase() !== 'file') || raw.startsWith('//')) {
    const withoutQuery = raw.replace(/[?#].*$/, '');
    return { ...none, remote: true, extension: extensionOf(withoutQuery) };
  }
  let path = raw;
  if (scheme && scheme[1].toLowerCase() === 'file') path = path.replace(/^file:(\/\/[^/]*)?/i, '');
  path = path.replace(/[?#].*$/, '');
  path = decodePercent(path).replace(/\\/g, '/');
  const absolute =
    /^\//.test(path) || /^[a-z]:\//i.test(path) || /^~(\/|$)/.test(path) || scheme?.[1].toLowerCase() === 'file';
  if (absolute) return { path, remote: false, absolute: true, outside: true, extension: extensionOf(path) };
  const parts: string[] = [];
  let climbs = 0;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0) parts.pop();
      else climbs++;
    } else parts.push(part);
  }
  const normalized = [...Array<string>(climbs).fill('..'), ...parts].join('/');
  return { path: normalized, remote: false, absolute: false, outside: climbs > 0, extension: extensionOf(normalized) };
}

/** `figures/a.png`, `./figures/a.png` and `figures\a.png` all name the same file. */
export function normalizeFigurePath(path: string): string {
  return figureTarget(path).path ?? path;
}

/** `%20` for a space; also for `(` and `)`, which encodeURIComponent leaves alone. */
export function percentEscape(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Writes `path` as a link target in the style of `rawTarget` (keeps `./` and `<...>`). */
export function formatFigureTarget(path: string, rawTarget = ''): string {
  const raw = rawTarget.trim();
  const dotSlash = /^<?\.\//.test(raw) && !path.startsWith('./') && !path.startsWith('../') ? './' : '';
  if (raw.startsWith('<') && raw.endsWith('>')) return `<${dotSlash}${path.replace(/[<>]/g, percentEscape)}>`;
  return dotSlash + path.replace(/[ \t()<>%]/g, percentEscape);
}

function escapeAlt(alt: string): string {
  return alt.replace(/[\r\n]+/g, ' ').replace(/([[\]\\])/g, '\\$1');
}

/** `![alt](figures/name.png)` with the alt escaped and the path encoded where markdown needs it. */
export function imageMarkdown(alt: string, relativeLink: string): string {
  return `![${escapeAlt(alt)}](${formatFigureTarget(relativeLink)})`;
}
