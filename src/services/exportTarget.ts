/**
 * Where an HTML export may be written. An export replaces whatever file has the output name, so
 * the target is judged before anything is written, with every symlink followed first:
 *
 * - its name must end in `.html` or `.htm` — judged on the resolved path, so `report.html` linked to
 *   `README.md` is a markdown file, not an HTML one;
 * - it is never inside a `.git` folder (a hook there runs on the next `git commit`);
 * - it is never the report itself;
 * - an existing file must be a regular file that is empty or already holds HTML: after optional
 *   BOM and whitespace it starts with `<!doctype html`, `<html`, `<!--` or an element tag such as
 *   `<h1>`. The last form is what `python report.py html` writes, so a student who ran the course's
 *   own tool can still export over its page; a script, a figure or a markdown file never matches.
 *
 * A target that is a symlink to an acceptable file is not written through: the export replaces the
 * link itself with a regular file (see atomicWrite's `replaceLink`), so the link's target, which
 * may be anywhere, is never modified.
 */
import { lstat, open, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { ReportFileError } from './reportFile';

const HTML_NAME = /\.html?$/i;
const MARKDOWN_NAME = /\.(md|markdown)$/i;
/** Enough of the file's start to see its first tag. */
const SNIFF_BYTES = 512;

/** What the page would start with if it is HTML: a doctype, <html>, a comment or an element tag. */
export function looksLikeHtml(start: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(start).replace(/^\uFEFF/, '').trimStart();
  if (text === '') return true;
  return /^<(!doctype\s+html|html[\s>]|!--|[a-z][a-z0-9-]*[\s/>])/i.test(text);
}

function insideGitFolder(path: string): boolean {
  return path.split(sep).some((part) => part.toLowerCase() === '.git');
}

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

async function fileStart(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const refuse = (path: string, why: string): ReportFileError =>
  new ReportFileError('not-a-file', `refusing to write the HTML export to ${path}: ${why}`, path);

/**
 * Throws a ReportFileError (one line, says why) unless `outputPath` may receive the export of
 * `reportPath`. Both are absolute.
 */
export async function assertExportTarget(outputPath: string, reportPath: string): Promise<void> {
  if (MARKDOWN_NAME.test(outputPath)) {
    throw new ReportFileError('not-a-file', `refusing to write the HTML export over a markdown file (${outputPath}); choose a .html file`, outputPath);
  }
  if (!HTML_NAME.test(outputPath)) throw refuse(outputPath, 'only a .html or .htm file can be written; choose a name ending in .html');
  if (insideGitFolder(outputPath)) throw refuse(outputPath, "it is inside a .git folder, which holds git's own files");
  const realDir = await realOrNull(dirname(outputPath));
  if (realDir === null) throw new ReportFileError('not-found', `cannot write ${outputPath}: its folder does not exist`, outputPath);
  if (insideGitFolder(realDir)) throw refuse(outputPath, "its folder leads into a .git folder, which holds git's own files");

  let info;
  try {
    info = await lstat(outputPath);
  } catch {
    return; // nothing there yet: a new file in an acceptable folder
  }
  // Judge what the name leads to, after every link in it.
  const resolved = info.isSymbolicLink() ? ((await realOrNull(outputPath)) ?? join(realDir, basename(outputPath))) : join(realDir, basename(outputPath));
  const realReport = (await realOrNull(reportPath)) ?? reportPath;
  if (resolved === realReport) throw refuse(outputPath, 'it is the report itself');
  if (MARKDOWN_NAME.test(resolved)) throw refuse(outputPath, `it leads to the markdown file ${resolved}`);
  if (!HTML_NAME.test(resolved)) throw refuse(outputPath, `it leads to ${resolved}, which is not a .html file`);
  if (insideGitFolder(resolved)) throw refuse(outputPath, `it leads into a .git folder (${resolved})`);
  let target;
  try {
    target = info.isSymbolicLink() ? await lstat(resolved) : info;
  } catch {
    return; // a link to nothing: replacing the link writes no other file
  }
  if (!target.isFile()) throw refuse(outputPath, target.isDirectory() ? 'it is a folder' : 'it is not a regular file');
  let start: Uint8Array;
  try {
    start = await fileStart(resolved);
  } catch (error) {
    throw refuse(outputPath, `it cannot be read to check it holds HTML (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!looksLikeHtml(start)) throw refuse(outputPath, 'the file there does not hold HTML, so it is not an earlier export; move it away or choose another name');
}
