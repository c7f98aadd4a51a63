/**
 * The body of the "as graded" export: `renderGradedPage(text)` — the very HTML `python report.py
 * html` writes — with each image's `src` replaced and nothing else changed. A figure becomes its
 * data: URI; an image the page cannot include (missing file, remote URL, outside the report's
 * folder) becomes a small SVG, itself a data: URI, that says which image and why, so the grader's
 * page structure (and its alt texts) stay exactly as they are while nothing is ever fetched.
 */
import type { MissingImage } from '../api/contract';
import { gradedImages, renderGradedPage, replaceGradedImageSources } from '../core/graded';
import type { ImageResolution } from '../core/render';
import { lineCounter } from '../core/lineIndex';

export interface GradedExportBody {
  readonly html: string;
  readonly imageCount: number;
  readonly missingImages: MissingImage[];
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A box with the image's source and the reason, as an SVG data: URI. Only `%`, `#` (and, so no
 * tool mistakes them for the tag's end, `<` and `>`) are escaped: the words stay readable in the
 * file itself.
 */
export function missingImageSvg(src: string, reason: string): string {
  const first = `Missing image: ${src || '(no source)'}`;
  const width = Math.min(960, Math.max(240, 16 + 7 * Math.max(first.length, reason.length)));
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='52'>` +
    `<rect x='0.5' y='0.5' width='${width - 1}' height='51' fill='#fff8e1' stroke='#b26a00'/>` +
    `<text x='8' y='21' font-family='sans-serif' font-size='13' font-weight='bold'>${xmlText(first)}</text>` +
    `<text x='8' y='40' font-family='sans-serif' font-size='12'>${xmlText(reason)}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${svg.replace(/[%#<>\r\n]/g, (c) => (c === '\r' || c === '\n' ? ' ' : `%${c.charCodeAt(0).toString(16).toUpperCase()}`))}`;
}

/**
 * The graded page of `text` with every image's source inlined by `inline` (given the distinct
 * sources, it answers how each resolves).
 */
export async function gradedExportBody(
  text: string,
  inline: (sources: readonly string[]) => Promise<ReadonlyMap<string, ImageResolution>>,
): Promise<GradedExportBody> {
  const page = renderGradedPage(text);
  const images = gradedImages(page);
  const resolved = await inline(images.map((image) => image.src));
  // The page has no source positions: each image's line is where its source is next written in
  // the report, searching on from the previous one (images keep their order on the page).
  const lineOf = lineCounter(text);
  let cursor = 0;
  const missingImages: MissingImage[] = [];
  for (const image of images) {
    const at = image.src === '' ? -1 : text.indexOf(image.src, cursor);
    if (at !== -1) cursor = at + image.src.length;
    const resolution = resolved.get(image.src);
    if (resolution?.kind !== 'url') {
      missingImages.push({
        src: image.src,
        line: at === -1 ? null : lineOf(at),
        reason: resolution?.reason ?? 'the image has no usable source',
      });
    }
  }
  const html = replaceGradedImageSources(page, (src) => {
    const resolution = resolved.get(src);
    if (resolution?.kind === 'url') return resolution.url;
    return missingImageSvg(src, resolution?.reason ?? 'the image has no usable source');
  });
  return { html, imageCount: images.length, missingImages };
}
