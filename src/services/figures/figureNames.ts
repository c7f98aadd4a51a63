/**
 * Names of imported figures: a readable, lowercase ASCII slug of the original name, prefixed with
 * the question (`q19-gcp-bucket.png`), safe on every filesystem a student's clone may land on.
 * Whatever the dropped file was called — with folders, `..`, control characters, a reserved
 * Windows device name or 300 characters — the result is one plain file name.
 */
import { IMAGE_EXTENSIONS } from '../../core/figures/figureLink';

/** Whole file name, extension and collision suffix included. */
export const MAX_FIGURE_NAME_LENGTH = 80;
/** Room kept for a collision suffix (`-999`). */
const SUFFIX_ROOM = 4;

/** Windows refuses these as file names, with any extension (`CON.png` is the console). */
const RESERVED_WINDOWS_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Letters NFKD does not take apart; Danish first (the course is at DTU). */
const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ß: 'ss',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåßœłđðþı]/g, (c) => TRANSLITERATIONS[c])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The last path component of a name that may hold `/`, `\` or control characters. */
export function plainFileName(fileName: string): string {
  const parts = fileName.replace(/\p{Cc}/gu, '').split(/[\\/]/);
  return parts[parts.length - 1].trim();
}

function stemOf(fileName: string): string {
  const base = plainFileName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base.startsWith('.') ? '' : base;
}

/** Lower-case extension of a name, without the dot; '' when it has none. */
export function extensionOfName(fileName: string): string {
  const base = plainFileName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `20250124-145353`, local time: what the student saw on the clock when pasting. */
export function screenshotTimestamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

function shorten(stem: string, budget: number): string {
  if (stem.length <= budget) return stem;
  let cut = stem.slice(0, budget);
  const hyphen = cut.lastIndexOf('-');
  // Cut at a word boundary when that does not throw away too much.
  if (hyphen >= budget / 2) cut = cut.slice(0, hyphen);
  return cut.replace(/-+$/, '');
}

export interface FigureNameRequest {
  readonly question: number | null;
  /** The dropped file's name as the OS or browser gave it. */
  readonly fileName: string;
  /** A clipboard image: named `q19-screenshot-<timestamp>` whatever the clipboard called it. */
  readonly pasted?: boolean;
  readonly now?: Date;
  /** The extension the written file gets (`png`, `jpg`, `jpeg`). */
  readonly extension: string;
}

/** The stem (no extension, no collision suffix) an imported figure is saved under. */
export function figureStem(request: FigureNameRequest): string {
  const prefix = request.question !== null ? `q${request.question}` : '';
  let slug = request.pasted
    ? `screenshot-${screenshotTimestamp(request.now ?? new Date())}`
    : slugify(stemOf(request.fileName));
  if (slug === '') slug = 'image';
  if (prefix && slug !== prefix && !slug.startsWith(`${prefix}-`)) slug = `${prefix}-${slug}`;
  slug = shorten(slug, MAX_FIGURE_NAME_LENGTH - request.extension.length - 1 - SUFFIX_ROOM);
  return RESERVED_WINDOWS_NAME.test(slug) ? `${slug}-file` : slug;
}

/** `stem.ext`, or `stem-n.ext` for the n-th candidate when earlier ones are taken. */
export function candidateName(stem: string, extension: string, n: number): string {
  return n <= 1 ? `${stem}.${extension}` : `${stem}-${n}.${extension}`;
}

/** A name for a renamed figure: the same rules as imports, without the question prefix. */
export function renamedStem(requested: string): string {
  // Only an image extension is dropped; any other dot is part of the name (`results v1.2`).
  const name = plainFileName(requested);
  const base = IMAGE_EXTENSIONS.includes(extensionOfName(name)) ? stemOf(name) : name;
  const slug = shorten(slugify(base), MAX_FIGURE_NAME_LENGTH - 6 - SUFFIX_ROOM);
  const stem = slug === '' ? 'image' : slug;
  return RESERVED_WINDOWS_NAME.test(stem) ? `${stem}-file` : stem;
}
