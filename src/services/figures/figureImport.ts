/**
 * Importing images into the report's `figures/` folder: PNG/JPEG copied as they are, other formats
 * converted to PNG, anything else refused with a message that says what to do; named for the
 * question, deduplicated, never replacing a file. The report itself is not written: the UI inserts
 * the links.
 */
import { altFromFileName } from '../../core/figures/figureLinkEdits';
import { imageMarkdown } from '../../core/figures/figureLink';
import { FigureError } from './figureError';
import { figuresFolder, linkOf } from './figureFolder';
import { candidateName, extensionOfName, figureStem, plainFileName } from './figureNames';
import { convertToPng, imageDimensions } from './imageCodec';
import { CONVERTED_FORMATS, COPIED_FORMATS, formatName, sniffImageFormat, type ImageFormat } from './imageFormat';
import { findSameBytes, writeUnderFreeName } from './newFigureFile';

/** Above either limit the user is offered a downscaled copy (the import itself still works). */
export const OVERSIZED_BYTES = 2 * 1024 * 1024;
export const OVERSIZED_WIDTH = 2560;
/** Refused outright: no screenshot is this large, and it keeps a mistaken drop from filling memory. */
export const MAX_FIGURE_INPUT_BYTES = 50 * 1024 * 1024;

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
