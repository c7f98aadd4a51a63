/**
 * The report's `figures/` folder as the figure services see it: where it is (checked to stay inside
 * the report's folder, symlinks included), how a link maps to a file there and back, which files
 * it holds, and what kind of image a file is.
 */
import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FIGURES_FOLDER } from '../../core/figures/figureDiskFindings';
import { normalizeFigurePath } from '../../core/figures/figureLink';
import { OutsideRootError, resolveInside } from '../safePath';
import { FigureError } from './figureError';
import { CONVERTED_FORMATS, COPIED_FORMATS, sniffImageFormat, type ImageFormat } from './imageFormat';

export { FIGURES_FOLDER };
/** How far down `figures/` is searched (sub-folders per question are common, deeper ones are not). */
const MAX_DEPTH = 4;

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
export async function resolveInReport(reportPath: string, target: string): Promise<string> {
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

