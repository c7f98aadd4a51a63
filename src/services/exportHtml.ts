/**
 * One-click export: the report as ONE self-contained HTML file, in one of two renderings:
 *
 * - **as graded** (the default): the course's page itself, `renderGradedPage`'s HTML as the body,
 *   unchanged but for each image's `src` (see gradedExport.ts), written to `report.html` next to
 *   the report — the name `python report.py html` writes;
 * - **as GitHub shows it**: the preview's rendering with its stylesheet, to `report.github.html`.
 *
 * Figures are inlined as data: URIs and a Content-Security-Policy forbids every request and every
 * script, so the file reads the same offline, on any machine, and on paper. Plain Node: the CLI,
 * the browser host and Electron's main process share it.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseReport } from '../core/parseReport';
import {
  classifyImageSource,
  hastToHtml,
  imageReferences,
  type ImageResolution,
  imageTypeForPath,
  renderMarkdownToHast,
  REPORT_BODY_CLASS,
  REPORT_CSS,
  reportBodyMarkdown,
  resolveImages,
  sniffImageType,
} from '../core/render';
import type { ExportRendering, MissingImage } from '../api/contract';
import { writeFileAtomic } from './atomicWrite';
import { stampOf } from './diskStamp';
import { gradedExportBody } from './gradedExport';
import { assertExportTarget } from './exportTarget';
import { readReportText, ReportFileError } from './reportFile';
import { OutsideRootError, resolveInside } from './safePath';

/** The page's only permissions: inline styles and data: images. No scripts, no requests. */
export const EXPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The course tool's file name; the default output beside the report (it holds the graded page). */
export const DEFAULT_EXPORT_NAME = 'report.html';

/** Where the GitHub-style rendering goes unless a name is given. */
export const GITHUB_EXPORT_NAME = 'report.github.html';

export type { ExportRendering };

/** The default file name beside the report for a rendering. */
export const exportNameFor = (rendering: ExportRendering): string =>
  rendering === 'graded' ? DEFAULT_EXPORT_NAME : GITHUB_EXPORT_NAME;

/** Beyond this an image is not inlined (a mistaken link to a video or a dataset). */
export const MAX_INLINE_IMAGE_BYTES = 50 * 1024 * 1024;

/** How many figures are read at once. */
const READ_CONCURRENCY = 4;

export interface ExportOptions {
  /** Absolute path of the report markdown file; images resolve inside its folder. */
  readonly reportPath: string;
  /** The text to export (the editor's current text); read from `reportPath` when absent. */
  readonly text?: string;
  /** Which rendering; default `graded`. */
  readonly rendering?: ExportRendering;
  /** Where to write; default `report.html` (graded) or `report.github.html` in the report's folder. */
  readonly outputPath?: string;
  /** Called with (done, total) image files: once with done = 0, then after each image. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  readonly outputPath: string;
  readonly rendering: ExportRendering;
  /** Images the report shows and the page could not include; each has a placeholder box there. */
  readonly missingImages: readonly MissingImage[];
  /** Every image in the report (inlined and missing), duplicates counted. */
  readonly imageCount: number;
  /** Images inlined into the page (duplicates counted). */
  readonly inlinedCount: number;
  /** Size of the written file. */
  readonly bytes: number;
  /** sha-256 of the written file, so a later "open it" can check it is still what we wrote. */
  readonly sha256: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Reads one figure and turns it into a data: URI, or says why it cannot be shown. */
export async function inlineImage(reportDir: string, src: string): Promise<ImageResolution> {
  const source = classifyImageSource(src);
  if (source.kind === 'remote') {
    return { kind: 'missing', reason: 'remote image not included: the exported page loads nothing from the internet; put the image in the report\'s figures/ folder' };
  }
  if (source.kind === 'unsupported') return { kind: 'missing', reason: 'not a file path the page can show' };
  let path: string;
  try {
    path = await resolveInside(reportDir, source.path);
  } catch (error) {
    if (error instanceof OutsideRootError) {
      return { kind: 'missing', reason: "outside the report's folder: only images inside it are handed in and shown" };
    }
    throw error;
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'missing', reason: 'not a file' };
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'missing', reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'file not found' : `cannot be read (${code ?? String(error)})` };
  }
  if (size > MAX_INLINE_IMAGE_BYTES) {
    return { kind: 'missing', reason: `too large to include (${(size / 1024 / 1024).toFixed(0)} MB)` };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { kind: 'missing', reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  // The bytes decide (a JPEG saved as .png still shows); an unknown format with an image
  // extension is refused rather than trusted.
  const type = sniffImageType(bytes);
  if (!type) {
    const expected = imageTypeForPath(path);
    return { kind: 'missing', reason: expected ? `not a readable ${expected.replace('image/', '').toUpperCase()} image` : 'not an image file' };
  }
  return { kind: 'url', url: `data:${type};base64,${bytes.toString('base64')}` };
}

/** A self-contained page: its charset, the CSP that forbids every request and script, a title. */
function selfContainedDocument(title: string, headExtra: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
${headExtra}</head>
<body>${body}</body>
</html>
`;
}

export function exportDocument(title: string, bodyHtml: string): string {
  const style = `<style>
html { background: #fff; }
body { margin: 0; }
${REPORT_CSS.trim()}
</style>
`;
  return selfContainedDocument(title, style, `
<main class="${REPORT_BODY_CLASS}">
${bodyHtml}
</main>
`);
}

/**
 * Reads every distinct image source once (a few at a time), reporting progress per file: each
 * becomes a data: URI or the reason it cannot be shown.
 */
async function inlineAll(
  reportDir: string,
  sources: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, ImageResolution>> {
  const unique = [...new Set(sources)];
  const resolved = new Map<string, ImageResolution>();
  let done = 0;
  onProgress?.(0, unique.length);
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const src = unique[next++];
      resolved.set(src, src ? await inlineImage(reportDir, src) : { kind: 'missing', reason: 'the image has no usable source' });
      done++;
      onProgress?.(done, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, unique.length) }, worker));
  return resolved;
}

const NO_SOURCE: ImageResolution = { kind: 'missing', reason: 'the image has no usable source' };

interface Rendered {
  readonly html: string;
  readonly imageCount: number;
  readonly missingImages: MissingImage[];
}

/** Today's export: the preview's GitHub-style rendering, missing images as placeholder boxes. */
async function renderGithub(text: string, reportDir: string, options: ExportOptions): Promise<Rendered> {
  const tree = renderMarkdownToHast(reportBodyMarkdown(text));
  const references = imageReferences(tree);
  const resolved = await inlineAll(reportDir, references.map((r) => r.src), options.onProgress);
  const missingImages: MissingImage[] = [];
  for (const ref of references) {
    const resolution = resolved.get(ref.src);
    if (resolution?.kind === 'missing') missingImages.push({ src: ref.src, line: ref.line, reason: resolution.reason });
  }
  resolveImages(tree, (src) => resolved.get(src) ?? NO_SOURCE);
  const title = parseReport(text).title ?? 'Exam report';
  return { html: exportDocument(title, hastToHtml(tree)), imageCount: references.length, missingImages };
}

/**
 * Python-Markdown's block and inline passes are far from linear on pathological text (it dies of
 * its recursion limit on deep nesting), and so is a faithful copy of them: past this size, which
 * no real report comes near, the graded export is refused in one line instead of running for
 * minutes. The GitHub rendering, which guards its own limits, still exports such a file.
 */
export const MAX_GRADED_EXPORT_CHARS = 1_000_000;

/** The graded page with its figures inlined (see gradedExport.ts). */
async function renderGraded(text: string, reportDir: string, options: ExportOptions): Promise<Rendered> {
  const body = await gradedExportBody(text, (sources) => inlineAll(reportDir, sources, options.onProgress));
  const title = parseReport(text).title ?? 'Exam report';
  return { html: gradedExportDocument(title, body.html), imageCount: body.imageCount, missingImages: body.missingImages };
}

/**
 * The graded page in a document a browser shows as it shows `report.py html`'s file: no
 * stylesheet, only what the page needs to be self-contained (its charset, a title, the CSP). The
 * body is `bodyHtml` exactly.
 */
export function gradedExportDocument(title: string, bodyHtml: string): string {
  return selfContainedDocument(title, '', bodyHtml);
}

/**
 * Renders the report (or `text`) and writes one self-contained HTML file atomically. Missing or
 * refused images never abort the export: each gets a visible placeholder and a `missingImages`
 * entry. Throws ReportFileError when the report cannot be read or the output would replace it.
 */
export async function exportReportHtml(options: ExportOptions): Promise<ExportResult> {
  const rendering = options.rendering ?? 'graded';
  const reportPath = resolve(options.reportPath);
  const reportDir = dirname(reportPath);
  const outputPath = resolve(options.outputPath ?? join(reportDir, exportNameFor(rendering)));
  if (outputPath === reportPath) {
    throw new ReportFileError('not-a-file', `refusing to write the HTML export over a markdown file (${outputPath}); choose a .html file`, outputPath);
  }
  // Judged before the (possibly long) render, and the render never follows a link when writing.
  await assertExportTarget(outputPath, reportPath);
  const text = options.text ?? (await readReportText(reportPath));
  if (rendering === 'graded' && text.length > MAX_GRADED_EXPORT_CHARS) {
    throw new ReportFileError(
      'too-large',
      `the report is ${(text.length / 1_000_000).toFixed(1)} MB: the graded page is rendered for reports up to ${MAX_GRADED_EXPORT_CHARS / 1_000_000} MB (real ones are under 0.2 MB); export it as GitHub shows it (--github) instead`,
      reportPath,
    );
  }
  const { html, imageCount, missingImages } =
    rendering === 'graded' ? await renderGraded(text, reportDir, options) : await renderGithub(text, reportDir, options);
  const bytes = Buffer.byteLength(html, 'utf8');
  await assertExportTarget(outputPath, reportPath);
  // A link at the output name is replaced by the file, never written through (see exportTarget).
  await writeFileAtomic(outputPath, html, { replaceLink: true });
  return {
    outputPath,
    rendering,
    sha256: stampOf(html),
    missingImages,
    imageCount,
    inlinedCount: imageCount - missingImages.length,
    bytes,
  };
}
