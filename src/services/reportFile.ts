/**
 * Reading a report from disk the way a student would hope: any failure becomes a ReportFileError
 * with a one-line reason they can act on. No Electron here: the CLI, the browser host and the tests
 * use this under plain Node.
 */
import { readFile, stat } from 'node:fs/promises';

export type ReportFileProblem =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'no-template'
  | 'ambiguous'
  | 'read-only';

/** Marks the error across bundles: `check` runs as a script of its own, with its own copy of this class. */
const REPORT_FILE_ERROR = Symbol.for('report-editor:ReportFileError');

export class ReportFileError extends Error {
  readonly [REPORT_FILE_ERROR] = true;

  /** `instanceof` answers for an error made by either bundle's copy of the class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REPORT_FILE_ERROR] === true;
  }

  constructor(
    readonly problem: ReportFileProblem,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ReportFileError';
  }
}

/** Far above any real report (~60 kB); protects the UI from a mistaken pick of a huge file. */
export const MAX_REPORT_BYTES = 25 * 1024 * 1024;

export function decodeReport(bytes: Uint8Array, path: string): string {
  // Windows tools (PowerShell 5's `>`, Notepad's "Unicode") save UTF-16, which is full of NUL bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReportFileError(
      'not-utf8',
      `${path} is saved as UTF-16 text, which the course's checker cannot read; re-save it as UTF-8`,
      path,
    );
  }
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = null;
  }
  // A stray NUL in text (a paste from a PDF or a terminal) does not stop the course's checker, which
  // reads the file as UTF-8; only bytes that are not text, or mostly NULs (UTF-32), make a binary file.
  if (bytes.includes(0) && (text === null || nulShare(bytes) > MAX_NUL_SHARE)) {
    throw new ReportFileError('binary', `${path} is a binary file, not a markdown report`, path);
  }
  if (text === null) {
    throw new ReportFileError(
      'not-utf8',
      `${path} is not valid UTF-8 text (the course's checker cannot read it either); re-save it as UTF-8`,
      path,
    );
  }
  return text;
}

/** More NUL bytes than this share of a file's bytes: not text, even when it decodes as UTF-8. */
const MAX_NUL_SHARE = 0.01;

function nulShare(bytes: Uint8Array): number {
  let nuls = 0;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) nuls++;
  return nuls / bytes.length;
}

/**
 * The text of `bytes` however it was saved, only to tell whether it holds the template (never to
 * check it): UTF-16 by its byte-order mark, otherwise UTF-8 with U+FFFD for whatever is not UTF-8
 * (Latin-1's `é`, a NUL byte stays a NUL). The template's headings are ASCII, so they read the same.
 */
export function decodeLeniently(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - (bytes.length % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3];
      swapped[i + 1] = bytes[i + 2];
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readReportText(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReportFileError('not-found', `${path} does not exist`, path);
    throw new ReportFileError('unreadable', `${path} cannot be read (${code ?? String(error)})`, path);
  }
  if (!info.isFile()) throw new ReportFileError('not-a-file', `${path} is not a file`, path);
  if (info.size > MAX_REPORT_BYTES) {
    throw new ReportFileError(
      'too-large',
      `${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB; a report is normally under 100 kB, so this is probably not the report`,
      path,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError('unreadable', `${path} cannot be read (${code ?? String(error)})`, path);
  }
  return decodeReport(bytes, path);
}
