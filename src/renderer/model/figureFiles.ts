/**
 * Files as the browser hands them over (a drop, a paste, the picker) → uploads for importFigures:
 * base64 in batches small enough for one request of either host.
 */
import type { FigureUpload } from '../../api/contract';

/** At most this many bytes of files per importFigures call (base64 makes it a third more). */
export const MAX_BATCH_BYTES = 40 * 1024 * 1024;
/** The request schema's limit on files per call. */
export const MAX_BATCH_FILES = 50;
/** The service refuses larger inputs; refusing here spares reading them into memory at all. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Groups `items` in order into batches of at most `maxBytes` (a larger single item goes alone). */
export function batchBySize<T extends { readonly size: number }>(
  items: readonly T[],
  maxBytes = MAX_BATCH_BYTES,
  maxCount = MAX_BATCH_FILES,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (bytes + item.size > maxBytes || current.length >= maxCount)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The file's bytes as base64 (the browser encodes it natively through a data: URL). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma === -1 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

export async function toUpload(file: File, fileName = file.name): Promise<FigureUpload> {
  return { fileName: fileName || 'image', base64: await readBase64(file) };
}

/** Whether a drag carries files (as opposed to text or a link). */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return !!transfer && Array.from(transfer.types).includes('Files');
}

/** The files of a drop (or of the picker's FileList). */
export function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}

/**
 * The images of a paste: a screenshot arrives as an image file with no text. When the clipboard
 * also holds plain text (cells copied from a spreadsheet come with a picture of themselves), the
 * student meant the text: nothing is taken.
 */
export function pastedImages(clipboard: DataTransfer | null): File[] {
  if (!clipboard) return [];
  const files = Array.from(clipboard.files).filter((f) => f.type.startsWith('image/'));
  if (files.length === 0) return [];
  if (Array.from(clipboard.types).includes('text/plain') && clipboard.getData('text/plain').trim() !== '') return [];
  return files;
}
