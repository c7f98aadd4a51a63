/**
 * The report's `figures/` folder: importing, renaming, deleting, listing, downscaling and previewing
 * figures. Plain Node (no Electron), so the app, the browser host, the CLI and the tests share it.
 *
 * Rules every write follows: it lands inside `<report folder>/figures/` (resolveInside, symlinks
 * included), it never replaces an existing file (a new name appears only through an exclusive hard
 * link of a fully written, flushed temp file), and a file with the same bytes is reused.
 */
import { link, lstat, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { altFromFileName, renameFigureLinkEdits } from '../../core/figures/figureLinkEdits';
import { imageMarkdown, normalizeFigurePath } from '../../core/figures/figureLink';
import { reportFigureLinks } from '../../core/figures/scanFigureLinks';
import type { TextEdit } from '../../core/textEdit';
import { syncFolder, tempPathFor, writeFileAtomic, writeFlushedTemp } from '../atomicWrite';
import { OutsideRootError, resolveInside } from '../safePath';
import { FigureError } from './figureError';
import { candidateName, extensionOfName, figureStem, plainFileName, renamedStem } from './figureNames';
import { convertToPng, downscaleImage, imageDimensions, thumbnail } from './imageCodec';
import { CONVERTED_FORMATS, COPIED_FORMATS, formatName, sniffImageFormat, type ImageFormat } from './imageFormat';

export const FIGURES_FOLDER = 'figures';
/** Above either limit the user is offered a downscaled copy (the import itself still works). */
export const OVERSIZED_BYTES = 2 * 1024 * 1024;
export const OVERSIZED_WIDTH = 2560;
/** Refused outright: no screenshot is this large, and it keeps a mistaken drop from filling memory. */
export const MAX_FIGURE_INPUT_BYTES = 50 * 1024 * 1024;
/** How far down `figures/` is searched (sub-folders per question are common, deeper ones are not). */
const MAX_DEPTH = 4;
const MAX_CANDIDATES = 999;

export interface Oversize {
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

export interface ImportFigureRequest {
  /** Absolute path of the report markdown file; figures go to `figures/` beside it. */
  readonly reportPath: string;
  /** The question the figure is for (its name gets `q<N>-`); null for none. */
  readonly question: number | null;
  /** The dropped file's name (any OS's path, any characters: only a slug of it is used). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** A clipboard image: named `q<N>-screenshot-<timestamp>`. */
  readonly pasted?: boolean;
  /** For the timestamp of pasted images (tests). */
  readonly now?: Date;
}

export interface ImportedFigure {
  /** What the report links: `figures/q19-gcp-bucket.png`. */
  readonly relativeLink: string;
  readonly path: string;
  /** An identical file was already in `figures/`: nothing was written. */
  readonly reused: boolean;
  /** The source was not PNG/JPEG and was converted to PNG. */
  readonly converted: boolean;
  readonly sourceFormat: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  /** Set when over 2 MB or wider than 2560 px: offer downscaleFigure. */
  readonly oversized?: Oversize;
  /** `![alt](figures/...)`, ready to insert on its own line. */
  readonly markdown: string;
}

export interface FigureFile {
  /** `figures/...`, relative to the report's folder. */
  readonly relativeLink: string;
  readonly path: string;
  readonly bytes: number;
  /** From the file's first bytes; null when it is not an image. */
  readonly format: ImageFormat | null;
  /** Questions whose answers link it (case-insensitively, as a laptop would show it). */
  readonly linkedBy: readonly number[];
  /** Linked from anywhere in the student's text (answers or not). */
  readonly linked: boolean;
}

// ---------------------------------------------------------------------------------------------
// Folder and files

export function reportFolder(reportPath: string): string {
  return dirname(resolve(reportPath));
}

/** `<report folder>/figures`, checked to stay inside the report's folder; created when asked. */
export async function figuresFolder(reportPath: string, create: boolean): Promise<string> {
  const root = reportFolder(reportPath);
  let folder: string;
  try {
    folder = await resolveInside(root, FIGURES_FOLDER);
  } catch (error) {
    if (error instanceof OutsideRootError) {
      throw new FigureError(
        'outside-figures',
        `${join(root, FIGURES_FOLDER)} links to a folder outside the report's folder; figures are only written inside it.`,
      );
    }
    throw error;
  }
  if (create) {
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new FigureError(
          'outside-figures',
          `${folder} exists but is not a folder; rename it so figures/ can be created.`,
        );
      }
      throw error;
    }
  }
  return folder;
}

/** A path relative to the report's folder (`figures/a.png`) → the absolute file inside figures/. */
export async function resolveFigure(
  reportPath: string,
  relativeLink: string,
): Promise<{ folder: string; path: string; relativeLink: string }> {
  const normalized = normalizeFigurePath(relativeLink);
  const folder = await figuresFolder(reportPath, false);
  const inner = normalized.startsWith(`${FIGURES_FOLDER}/`) ? normalized.slice(FIGURES_FOLDER.length + 1) : null;
  if (inner === null || inner === '') {
    throw new FigureError(
      'outside-figures',
      `${relativeLink} is not inside ${FIGURES_FOLDER}/; only figures there can be changed.`,
    );
  }
  try {
    return { folder, path: await resolveInside(folder, inner), relativeLink: normalized };
  } catch (error) {
    if (error instanceof OutsideRootError)
      throw new FigureError(
        'outside-figures',
        `${relativeLink} leaves ${FIGURES_FOLDER}/; only figures there can be changed.`,
      );
    throw error;
  }
}

/** A link target (relative to the report's folder) → the absolute path, refused when it leaves the folder. */
async function resolveInReport(reportPath: string, target: string): Promise<string> {
  try {
    return await resolveInside(reportFolder(reportPath), normalizeFigurePath(target));
  } catch (error) {
    if (error instanceof OutsideRootError)
      throw new FigureError('outside-figures', `${target} is outside the report's folder.`);
    throw error;
  }
}

export function linkOf(folder: string, path: string): string {
  return [FIGURES_FOLDER, ...relative(folder, path).split(sep)].join('/');
}

/** Regular files under `folder` (not hidden, symlinks not followed), at most MAX_DEPTH deep. */
export async function walkFigures(folder: string): Promise<{ path: string; size: number }[]> {
  const found: { path: string; size: number }[] = [];
  const visit = async (dir: string, depth: number) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await visit(path, depth + 1);
      else if (entry.isFile()) found.push({ path, size: (await stat(path)).size });
    }
  };
  await visit(folder, 1);
  return found;
}

/** node:crypto is loaded here, on first use: `check` reads figures but never hashes them. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file under `folder` holding exactly `bytes` (the preferred name first), or null. */
async function findSameBytes(folder: string, bytes: Uint8Array, preferred: string): Promise<string | null> {
  const candidates = (await walkFigures(folder)).filter((f) => f.size === bytes.length);
  candidates.sort((a, b) => Number(basename(b.path) === preferred) - Number(basename(a.path) === preferred));
  const wanted = await sha256(bytes);
  for (const file of candidates) {
    try {
      if ((await sha256(await readFile(file.path))) === wanted) return file.path;
    } catch {
      // Vanished or unreadable: not a match.
    }
  }
  return null;
}

/** Errors meaning "this filesystem has no hard links" (FAT/exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `bytes` as a new file at `path`, atomically and only if nothing is there yet: the bytes go
 * to a flushed temp file, which is then hard-linked to `path` (an exclusive operation: it fails when
 * the name exists, even if another process took it a moment ago). Without hard links, the name is
 * reserved with an exclusive create and replaced by writeFileAtomic. Returns false when taken.
 */
export async function writeNewFile(
  path: string,
  bytes: Uint8Array,
  options: { hardLinks?: boolean } = {},
): Promise<boolean> {
  const dir = dirname(path);
  const temp = tempPathFor(path);
  const useLinks = options.hardLinks !== false;
  if (useLinks) await writeFlushedTemp(temp, bytes);
  try {
    if (useLinks) {
      try {
        await link(temp, path);
        await syncFolder(dir);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') return false;
        if (!NO_HARD_LINKS.has(code)) throw error;
      }
    }
    let reservation;
    try {
      reservation = await open(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    await reservation.close();
    try {
      await writeFileAtomic(path, bytes);
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    return true;
  } finally {
    if (useLinks) await unlink(temp).catch(() => undefined);
  }
}

/** Writes under the first free `stem[-n].ext` in `dir` (free also case-insensitively). */
async function writeUnderFreeName(dir: string, stem: string, extension: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; n <= MAX_CANDIDATES; n++) {
    const name = candidateName(stem, extension, n);
    const taken = new Set((await readdir(dir)).map((entry) => entry.toLowerCase()));
    if (taken.has(name.toLowerCase())) continue;
    const path = await resolveInside(dir, name);
    if (await writeNewFile(path, bytes)) return path;
  }
  throw new FigureError(
    'exists',
    `${stem}.${extension} and ${MAX_CANDIDATES} numbered variants already exist in ${dir}.`,
  );
}

function oversizeOf(bytes: number, width: number, height: number): Oversize | undefined {
  return bytes > OVERSIZED_BYTES || width > OVERSIZED_WIDTH ? { bytes, width, height } : undefined;
}

function unsupportedMessage(fileName: string, format: ImageFormat | null): string {
  const name = plainFileName(fileName) || 'This file';
  const accepted = 'Figures must be PNG or JPEG; WebP, GIF, BMP, TIFF, AVIF and SVG are converted to PNG.';
  switch (format) {
    case 'heic':
      return `"${name}" is a HEIC photo, which cannot be converted here. Export it as JPEG or PNG (on an iPhone: Settings → Camera → Formats → Most Compatible) and drop that. Nothing was written.`;
    case 'pdf':
      return `"${name}" is a PDF, not an image. Export the page as PNG (or take a screenshot) and drop that. Nothing was written.`;
    case null: {
      const ext = extensionOfName(fileName);
      return `"${name}" is not an image${ext ? ` (its content is not a .${ext} picture)` : ''}. ${accepted} Nothing was written.`;
    }
    default:
      return `"${name}" is a ${formatName(format)} image, which cannot be converted here. ${accepted} Nothing was written.`;
  }
}

/** PNG/JPEG bytes as they are, anything convertible as PNG, anything else refused. */
async function templateBytes(
  fileName: string,
  bytes: Uint8Array,
): Promise<{
  bytes: Uint8Array;
  extension: string;
  format: ImageFormat;
  converted: boolean;
  width: number;
  height: number;
}> {
  if (bytes.length === 0) throw new FigureError('empty', `"${plainFileName(fileName)}" is empty. Nothing was written.`);
  if (bytes.length > MAX_FIGURE_INPUT_BYTES) {
    throw new FigureError(
      'too-large',
      `"${plainFileName(fileName)}" is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; figures over ${MAX_FIGURE_INPUT_BYTES / 1024 / 1024} MB are refused. Nothing was written.`,
    );
  }
  const format = sniffImageFormat(bytes);
  if (format !== null && COPIED_FORMATS.includes(format)) {
    const { width, height } = await imageDimensions(bytes, format);
    // The bytes decide the extension: JPEG bytes named .png become .jpg.
    const extension = format === 'png' ? 'png' : extensionOfName(fileName) === 'jpeg' ? 'jpeg' : 'jpg';
    return { bytes, extension, format, converted: false, width, height };
  }
  if (format !== null && CONVERTED_FORMATS.includes(format)) {
    const png = await convertToPng(bytes, format);
    return { ...png, extension: 'png', format, converted: true };
  }
  throw new FigureError('unsupported-format', unsupportedMessage(fileName, format));
}

// ---------------------------------------------------------------------------------------------
// Operations

/**
 * Copies (or converts) one image into the report's `figures/` folder under a safe, unique name
 * and says how to link it. Reuses an identical file already there. Nothing is written when the
 * file is refused.
 */
export async function importFigure(request: ImportFigureRequest): Promise<ImportedFigure> {
  const image = await templateBytes(request.fileName, request.bytes);
  const folder = await figuresFolder(request.reportPath, true);
  const stem = figureStem({
    question: request.question,
    fileName: request.fileName,
    pasted: request.pasted,
    now: request.now,
    extension: image.extension,
  });
  const existing = await findSameBytes(folder, image.bytes, candidateName(stem, image.extension, 1));
  const path = existing ?? (await writeUnderFreeName(folder, stem, image.extension, image.bytes));
  const relativeLink = linkOf(folder, path);
  const alt = request.pasted ? 'screenshot' : altFromFileName(plainFileName(request.fileName));
  return {
    relativeLink,
    path,
    reused: existing !== null,
    converted: image.converted,
    sourceFormat: image.format,
    width: image.width,
    height: image.height,
    bytes: image.bytes.length,
    oversized: oversizeOf(image.bytes.length, image.width, image.height),
    markdown: imageMarkdown(alt, relativeLink),
  };
}

export type ImportOutcome =
  | ({ readonly ok: true; readonly fileName: string } & ImportedFigure)
  | {
      readonly ok: false;
      readonly fileName: string;
      readonly problem: FigureError['problem'];
      readonly message: string;
    };

/** Several files at once (a multi-file drop), one after the other so their names stay predictable. */
export async function importFigures(
  request: Omit<ImportFigureRequest, 'fileName' | 'bytes'> & {
    files: readonly { fileName: string; bytes: Uint8Array }[];
  },
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of request.files) {
    try {
      outcomes.push({ ok: true, fileName: file.fileName, ...(await importFigure({ ...request, ...file })) });
    } catch (error) {
      if (!(error instanceof FigureError)) throw error;
      outcomes.push({ ok: false, fileName: file.fileName, problem: error.problem, message: error.message });
    }
  }
  return outcomes;
}

function linkedLower(text: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const l of reportFigureLinks(text)) {
    if (!l.student || l.target.path === null || l.target.remote) continue;
    const key = l.target.path.toLowerCase();
    const list = map.get(key) ?? [];
    if (l.question !== null && !list.includes(l.question)) list.push(l.question);
    map.set(key, list);
  }
  return map;
}

/** The image format of a file from its first bytes; null when unreadable or not an image. */
export async function sniffFile(path: string): Promise<ImageFormat | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffImageFormat(head.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** PNG/JPEG, or a format importFigure converts. */
export function isImportableFormat(format: ImageFormat | null): format is ImageFormat {
  return format !== null && (COPIED_FORMATS.includes(format) || CONVERTED_FORMATS.includes(format));
}

/** Every file in `figures/`, with the questions linking it when `text` (the report) is given. */
export async function listFigures(request: { reportPath: string; text?: string }): Promise<FigureFile[]> {
  const folder = await figuresFolder(request.reportPath, false);
  const linked = request.text !== undefined ? linkedLower(request.text) : new Map<string, number[]>();
  const files: FigureFile[] = [];
  for (const file of await walkFigures(folder)) {
    const relativeLink = linkOf(folder, file.path);
    const format = await sniffFile(file.path);
    const by = linked.get(relativeLink.toLowerCase());
    files.push({
      relativeLink,
      path: file.path,
      bytes: file.size,
      format,
      linkedBy: by ?? [],
      linked: by !== undefined,
    });
  }
  return files;
}

async function moveWithoutOverwrite(from: string, to: string): Promise<void> {
  if (basename(from).toLowerCase() === basename(to).toLowerCase() && dirname(from) === dirname(to)) {
    // A change of case only: on case-insensitive disks `to` "exists" (it is `from`), so go through a temp name.
    const temp = tempPathFor(from);
    await rename(from, temp);
    await rename(temp, to);
    return;
  }
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new FigureError('exists', `${basename(to)} already exists; nothing was renamed.`);
    if (!NO_HARD_LINKS.has(code)) throw error;
    const exists = await lstat(to).then(
      () => true,
      () => false,
    );
    if (exists) throw new FigureError('exists', `${basename(to)} already exists; nothing was renamed.`);
    await rename(from, to);
    return;
  }
  await unlink(from);
  await syncFolder(dirname(to));
}

/** Whether another file in the same folder differs from `path` only by case (then case matters). */
async function hasCaseTwin(path: string): Promise<boolean> {
  const name = basename(path);
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  return entries.some((e) => e !== name && e.toLowerCase() === name.toLowerCase());
}

/**
 * Renames a figure (same folder, same extension, the name made safe like an import's) and points
 * every link to it at the new name. Refuses to replace an existing file. Returns the edits of
 * `text` that point the links at the new name, for the caller to apply (and save) as any edit.
 */
export async function renameFigure(request: {
  reportPath: string;
  text: string;
  from: string;
  to: string;
}): Promise<{ edits: TextEdit[]; relativeLink: string; path: string; changedLinks: number }> {
  const source = await resolveFigure(request.reportPath, request.from);
  const info = await lstat(source.path).catch(() => null);
  if (!info?.isFile()) throw new FigureError('not-found', `${source.relativeLink} does not exist.`);
  const extension = extensionOfName(source.path);
  const name = `${renamedStem(request.to)}${extension ? `.${extension}` : ''}`;
  const target = await resolveInside(dirname(source.path), name);
  const relativeLink = linkOf(source.folder, target);
  if (target === source.path) return { edits: [], relativeLink, path: target, changedLinks: 0 };
  const caseOnly = name.toLowerCase() === basename(source.path).toLowerCase();
  if (!caseOnly) {
    const entries = await readdir(dirname(source.path));
    if (entries.some((e) => e.toLowerCase() === name.toLowerCase())) {
      throw new FigureError('exists', `${relativeLink} already exists; choose another name. Nothing was renamed.`);
    }
  }
  const caseInsensitive = !(await hasCaseTwin(source.path));
  await moveWithoutOverwrite(source.path, target);
  const edits = renameFigureLinkEdits(request.text, source.relativeLink, relativeLink, { caseInsensitive });
  return { edits, relativeLink, path: target, changedLinks: edits.length };
}

/**
 * Deletes a figure only when no student link in `text` (the report as it will be saved) points at
 * it, whatever the case of the link. Returns which questions still link it otherwise.
 */
export async function deleteFigureIfUnused(request: {
  reportPath: string;
  text: string;
  target: string;
}): Promise<{ deleted: boolean; linkedBy: readonly number[] }> {
  const figure = await resolveFigure(request.reportPath, request.target);
  const linked = linkedLower(request.text).get(figure.relativeLink.toLowerCase());
  if (linked !== undefined) return { deleted: false, linkedBy: linked };
  const info = await lstat(figure.path).catch(() => null);
  if (!info?.isFile()) throw new FigureError('not-found', `${figure.relativeLink} does not exist.`);
  await unlink(figure.path);
  return { deleted: true, linkedBy: [] };
}

export interface DownscaledFigure {
  readonly relativeLink: string;
  readonly path: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly original: Oversize;
  /** The edits of `text` (when given) that point its links to the original at the copy. */
  readonly edits?: TextEdit[];
}

/**
 * Writes a smaller copy of a PNG/JPEG figure (at most `maxWidth` wide, encoded harder) next to it,
 * as `<name>-<width>px.<ext>`; the original stays. Returns null when the copy would not be smaller.
 */
export async function downscaleFigure(request: {
  reportPath: string;
  target: string;
  maxWidth?: number;
  text?: string;
}): Promise<DownscaledFigure | null> {
  const figure = await resolveFigure(request.reportPath, request.target);
  const bytes = await readFile(figure.path).catch(() => {
    throw new FigureError('not-found', `${figure.relativeLink} does not exist.`);
  });
  const format = sniffImageFormat(bytes);
  if (format !== 'png' && format !== 'jpeg') {
    throw new FigureError(
      'unsupported-format',
      `${figure.relativeLink} is not a PNG or JPEG image; only those are downscaled.`,
    );
  }
  const original = await imageDimensions(bytes, format);
  const small = await downscaleImage(bytes, format, request.maxWidth ?? OVERSIZED_WIDTH, OVERSIZED_BYTES);
  if (small.bytes.length >= bytes.length && small.width >= original.width) return null;
  const extension = extensionOfName(figure.path) || (format === 'png' ? 'png' : 'jpg');
  const stem = basename(figure.path).slice(0, basename(figure.path).length - extension.length - 1);
  const path = await writeUnderFreeName(dirname(figure.path), `${stem}-${small.width}px`, extension, small.bytes);
  const relativeLink = linkOf(figure.folder, path);
  return {
    relativeLink,
    path,
    bytes: small.bytes.length,
    width: small.width,
    height: small.height,
    original: { bytes: bytes.length, ...original },
    ...(request.text !== undefined
      ? { edits: renameFigureLinkEdits(request.text, figure.relativeLink, relativeLink) }
      : {}),
  };
}

/** A small preview of any image inside the report's folder, for the thumbnails under an answer. */
export async function figureThumbnail(request: {
  reportPath: string;
  target: string;
  size?: number;
}): Promise<{ dataUrl: string; width: number; height: number; bytes: number }> {
  const path = await resolveInReport(request.reportPath, request.target);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new FigureError('not-found', `${request.target} does not exist.`);
  if (info.size > MAX_FIGURE_INPUT_BYTES)
    throw new FigureError('too-large', `${request.target} is too large to preview.`);
  const bytes = await readFile(path);
  const format = sniffImageFormat(bytes);
  if (!isImportableFormat(format)) {
    throw new FigureError('unsupported-format', `${request.target} is not an image that can be previewed.`);
  }
  return { ...(await thumbnail(bytes, format, request.size ?? 320)), bytes: bytes.length };
}

/**
 * Converts a linked figure in another format (`.webp`, `.svg`...) to PNG in `figures/` and points its
 * links at the PNG. The original stays (offer deleteFigureIfUnused).
 */
export async function convertFigureToPng(request: {
  reportPath: string;
  text: string;
  target: string;
}): Promise<{ edits: TextEdit[]; relativeLink: string }> {
  const path = await resolveInReport(request.reportPath, request.target);
  const bytes = await readFile(path).catch(() => {
    throw new FigureError('not-found', `${request.target} does not exist.`);
  });
  const imported = await importFigure({
    reportPath: request.reportPath,
    question: null,
    fileName: basename(path),
    bytes,
  });
  return {
    edits: renameFigureLinkEdits(request.text, normalizeFigurePath(request.target), imported.relativeLink),
    relativeLink: imported.relativeLink,
  };
}
