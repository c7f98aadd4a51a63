/**
 * File operations on the figures of the open report: listing, renaming, deleting, downscaling,
 * converting and previewing. Plain Node (no Electron), so the app, the browser host, the CLI and
 * the tests share it.
 *
 * None of them sees the report's text as the student is editing it: an operation that moves a
 * file answers a `FigureRelink` (from → to), and the caller points the links of its own text at the
 * new name (core's relinkEdits), as edits against the version it holds. Every write stays inside
 * `<report folder>/figures/` and never replaces an existing file (see newFigureFile.ts).
 */
import { link, lstat, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { questionsLinking } from '../../core/figures/figureDiskFindings';
import { normalizeFigurePath } from '../../core/figures/figureLink';
import type { FigureRelink } from '../../core/figures/figureLinkEdits';
import { syncFolder, tempPathFor } from '../atomicWrite';
import { resolveInside } from '../safePath';
import { keepDeleted } from './deletedFigures';
import { FigureError } from './figureError';
import { figuresFolder, isImportableFormat, linkOf, resolveFigure, resolveInReport, sniffFile, walkFigures } from './figureFolder';
import { importFigure, MAX_FIGURE_INPUT_BYTES, OVERSIZED_BYTES, OVERSIZED_WIDTH, type Oversize } from './figureImport';
import { extensionOfName, plainFileName, renamedStem } from './figureNames';
import { downscaleImage, imageDimensions, thumbnail } from './imageCodec';
import { sniffImageFormat, type ImageFormat } from './imageFormat';
import { NO_HARD_LINKS, writeUnderFreeName } from './newFigureFile';

export interface FigureFile {
  /** `figures/...`, relative to the report's folder. */
  readonly relativeLink: string;
  readonly path: string;
  readonly bytes: number;
  /** From the file's first bytes; null when it is not an image. */
  readonly format: ImageFormat | null;
}

/** Every file in `figures/` (which of them the report links is the caller's to say, from its text). */
export async function listFigures(request: { reportPath: string }): Promise<FigureFile[]> {
  const folder = await figuresFolder(request.reportPath, false);
  const files: FigureFile[] = [];
  for (const file of await walkFigures(folder)) {
    files.push({ relativeLink: linkOf(folder, file.path), path: file.path, bytes: file.size, format: await sniffFile(file.path) });
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

export interface RenamedFigure {
  readonly relativeLink: string;
  readonly path: string;
  /** Links to `from` should follow to `to`; `caseInsensitive` unless another file differs from it only by case. */
  readonly relink: FigureRelink;
}

/**
 * The name an undo puts a renamed figure back under, exactly as it was (spaces, capitals and all),
 * so long as it is one plain file name with the figure's own extension (`to` may be the link,
 * `figures/...`: the file stays in its folder): a page cannot use it to give a figure another kind
 * or move it out of its folder.
 */
function exactName(to: string, extension: string): string {
  const name = plainFileName(to);
  const climbs = to.includes('\\') || to.split('/').includes('..');
  if (climbs || name === '' || name === '.' || name !== to.slice(to.length - name.length)) {
    throw new FigureError('bad-name', `"${to}" is not a plain file name; nothing was renamed.`);
  }
  if (extensionOfName(name).toLowerCase() !== extension.toLowerCase()) {
    throw new FigureError('bad-name', `${name} would change the figure's extension; nothing was renamed.`);
  }
  return name;
}

/**
 * Renames a figure (same folder, same extension, the name made safe like an import's; with `exact`,
 * the name as given: an undo putting a file back, see exactName). Refuses to replace an existing
 * file. Answers the relink for the caller to point its text's links at the new name.
 */
export async function renameFigure(request: {
  reportPath: string;
  from: string;
  to: string;
  exact?: boolean;
}): Promise<RenamedFigure> {
  const source = await resolveFigure(request.reportPath, request.from);
  const info = await lstat(source.path).catch(() => null);
  if (!info?.isFile()) throw new FigureError('not-found', `${source.relativeLink} does not exist.`);
  const extension = extensionOfName(source.path);
  const name = request.exact
    ? exactName(request.to, extension)
    : `${renamedStem(request.to)}${extension ? `.${extension}` : ''}`;
  const target = await resolveInside(dirname(source.path), name);
  const relativeLink = linkOf(source.folder, target);
  if (target === source.path) return { relativeLink, path: target, relink: { from: source.relativeLink, to: relativeLink } };
  const caseOnly = name.toLowerCase() === basename(source.path).toLowerCase();
  if (!caseOnly) {
    const entries = await readdir(dirname(source.path));
    if (entries.some((e) => e.toLowerCase() === name.toLowerCase())) {
      throw new FigureError('exists', `${relativeLink} already exists; choose another name. Nothing was renamed.`);
    }
  }
  const caseInsensitive = !(await hasCaseTwin(source.path));
  await moveWithoutOverwrite(source.path, target);
  return { relativeLink, path: target, relink: { from: source.relativeLink, to: relativeLink, caseInsensitive } };
}

/**
 * Deletes a figure only when no student link of the saved report points at it, whatever the case of
 * the link; answers which questions link it otherwise. The caller checks the text being edited
 * first (a link typed a second ago counts); this check holds even against a caller that does not.
 */
export async function deleteFigureIfUnused(request: {
  reportPath: string;
  target: string;
}): Promise<{ deleted: boolean; linkedBy: readonly number[]; restoreToken?: string }> {
  const figure = await resolveFigure(request.reportPath, request.target);
  const saved = await readFile(request.reportPath, 'utf8').catch(() => '');
  const linked = questionsLinking(saved, figure.relativeLink);
  if (linked !== null) return { deleted: false, linkedBy: linked };
  const info = await lstat(figure.path).catch(() => null);
  if (!info?.isFile()) throw new FigureError('not-found', `${figure.relativeLink} does not exist.`);
  // Kept for an undo (deletedFigures.ts); too large to keep, it is deleted all the same.
  const bytes = info.size <= MAX_FIGURE_INPUT_BYTES ? await readFile(figure.path) : null;
  await unlink(figure.path);
  const restoreToken = bytes ? keepDeleted(figure.path, figure.relativeLink, bytes) : undefined;
  return { deleted: true, linkedBy: [], ...(restoreToken ? { restoreToken } : {}) };
}

export interface DownscaledFigure {
  readonly relativeLink: string;
  readonly path: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly original: Oversize;
  /** Links to the original may follow to the copy. */
  readonly relink: FigureRelink;
}

/**
 * Writes a smaller copy of a PNG/JPEG figure (at most `maxWidth` wide, encoded harder) next to it,
 * as `<name>-<width>px.<ext>`; the original stays. Returns null when the copy would not be smaller.
 */
export async function downscaleFigure(request: {
  reportPath: string;
  target: string;
  maxWidth?: number;
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
    relink: { from: figure.relativeLink, to: relativeLink },
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
 * Converts a linked figure in another format (`.webp`, `.svg`...) to PNG in `figures/`; its links
 * may follow to the PNG. The original stays (offer deleteFigureIfUnused).
 */
export async function convertFigureToPng(request: {
  reportPath: string;
  target: string;
}): Promise<{ relativeLink: string; relink: FigureRelink }> {
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
  return { relativeLink: imported.relativeLink, relink: { from: normalizeFigurePath(request.target), to: imported.relativeLink } };
}
