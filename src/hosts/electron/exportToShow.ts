/**
 * `openExport` hands a path to the operating system, which opens it with whatever program it
 * associates — for an `.exe`, a `.desktop` file or a script that means running it. So main passes
 * on only an existing regular `.html`/`.htm` file inside the open report's repo (symlinks
 * followed), whatever the page asks for.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveInside } from '../../services/safePath';

const SHOWABLE_EXTENSIONS = new Set(['.html', '.htm']);

export class ExportNotShowableError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`Refused to open ${path}: ${reason}`);
    this.name = 'ExportNotShowableError';
  }
}

/** The path to hand to the system, or an ExportNotShowableError saying why not. */
export async function exportToShow(repoRoot: string | null, outputPath: string): Promise<string> {
  if (!repoRoot) throw new ExportNotShowableError(outputPath, 'no report is open');
  if (!SHOWABLE_EXTENSIONS.has(extname(outputPath).toLowerCase())) {
    throw new ExportNotShowableError(outputPath, 'only an exported .html file can be opened');
  }
  let path: string;
  try {
    path = await resolveInside(repoRoot, outputPath);
  } catch {
    throw new ExportNotShowableError(outputPath, `it is not inside the report's repo (${repoRoot})`);
  }
  const info = await stat(path).catch(() => null);
  if (!info) throw new ExportNotShowableError(outputPath, 'the file does not exist');
  if (!info.isFile()) throw new ExportNotShowableError(outputPath, 'it is not a regular file');
  // A link named report.html that points at a script is judged (and opened) as its target, whose
  // place resolveInside has already checked.
  const target = await realpath(path);
  if (!SHOWABLE_EXTENSIONS.has(extname(target).toLowerCase())) {
    throw new ExportNotShowableError(outputPath, 'it links to a file that is not .html');
  }
  return target;
}
