/**
 * Markdown → HTML, one pipeline with two endings: a sanitized hast tree (the preview turns it into
 * React elements) and an HTML string (the export). It renders the way GitHub does (GFM), which is
 * what students expect; where the graded page (Python-Markdown without extensions) will differ,
 * `gradedPage.ts` says so and the preview marks it.
 *
 *   remark-parse → remark-gfm → remark-rehype (raw HTML kept as `raw` nodes) → rehype-raw (raw
 *   HTML parsed into elements, so `<img width>`, `<br>`, `<p align>` in answers show as on GitHub)
 *   → rehype-sanitize (GitHub's schema: no scripts, no event handlers, no javascript: URLs)
 *   → our own trusted steps: footnote ids, names for task boxes, image URLs / placeholders,
 *   graded-page notes
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { FRONT_MATTER_MAX_LINES, frontMatterLineCount } from '../parseReport';
import { lineEnd, reportLines } from '../reportLines';
import { markGradedDifferences, type PreviewNote } from './gradedNotes';
import { guardMarkdown, restoreGuarded } from './guardedBlocks';
import { imageReferences, type ImageResolver, resolveImages } from './images';
import { REPORT_SANITIZE_SCHEMA } from './sanitizeSchema';
import { labelTaskBoxes } from './taskBoxes';

const toSafeHast = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, REPORT_SANITIZE_SCHEMA)
  .freeze();

const toHtml = unified().use(rehypeStringify).freeze();

export interface RenderOptions {
  /** Where each image loads from (preview: the host's figure route; export: a data: URI). */
  readonly resolveImage?: ImageResolver;
  /** Graded-page differences to mark in the rendered blocks (preview only). */
  readonly notes?: readonly PreviewNote[];
}

const CLOBBER = 'user-content-';

/**
 * remark-rehype prefixes footnote ids and links with `user-content-`, and the sanitizer prefixes
 * every id once more; undo the double prefix so footnote links land.
 */
function fixDoublePrefixedIds(tree: Root): void {
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id.startsWith(CLOBBER + CLOBBER)) node.properties.id = id.slice(CLOBBER.length);
  });
}

/** The sanitized hast tree of `markdown`; safe to hand to React or to stringify. */
export function renderMarkdownToHast(markdown: string, options: RenderOptions = {}): Root {
  // Pathological or huge parts never reach the libraries (see renderGuard.ts); they come back as
  // plain text under a note.
  const guarded = guardMarkdown(markdown);
  const tree = toSafeHast.runSync(toSafeHast.parse(guarded.source)) as Root;
  restoreGuarded(tree, markdown, guarded);
  fixDoublePrefixedIds(tree);
  labelTaskBoxes(tree);
  if (options.resolveImage) resolveImages(tree, options.resolveImage);
  if (options.notes) markGradedDifferences(tree, options.notes);
  return tree;
}

/** The sanitized HTML (a fragment, no `<html>`/`<head>`) of `markdown`. */
export function renderMarkdownToHtml(markdown: string, options: RenderOptions = {}): string {
  return hastToHtml(renderMarkdownToHast(markdown, options));
}

export function hastToHtml(tree: Root): string {
  return toHtml.stringify(tree);
}

/** Every image `src` that survives sanitizing, in document order (markdown images and `<img>`). */
export function listImageSources(markdown: string): string[] {
  return imageReferences(renderMarkdownToHast(markdown)).map((r) => r.src);
}

/**
 * The part of a whole report file that is rendered: without a byte-order mark and with the Jekyll
 * front matter (`---` … `---` of 27-question reports) blanked out, so it does not render as a rule
 * and a heading. The front matter's lines are kept as empty lines: line numbers stay those of the
 * file.
 */
export function reportBodyMarkdown(text: string): string {
  // Only the head is read: parsing a whole huge report here cost ~100 MB (117,000 questions).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const head = reportLines(text, FRONT_MATTER_MAX_LINES);
  const frontMatterLines = frontMatterLineCount(head);
  if (frontMatterLines === 0) return text.slice(bom);
  const end = lineEnd(head[frontMatterLines - 1]);
  return text.slice(bom, end).replace(/[^\r\n]+/g, '') + text.slice(end);
}
