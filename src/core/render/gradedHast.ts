/**
 * The graded page (Python-Markdown's HTML, see `../graded`) made safe to show in the app: parsed
 * the way a browser parses it and sanitized with the preview's own schema (no scripts, no event
 * handlers, no `javascript:` links), then images pointed where the host serves them. Its look is
 * left to the browser's defaults, like the course's page, which has no stylesheet.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import { type ImageResolver, resolveImages } from './images';
import { MAX_DOCUMENT_CHARS, MAX_NESTING } from './renderGuard';
import { REPORT_SANITIZE_SCHEMA } from './sanitizeSchema';

const parseAndSanitize = unified().use(rehypeRaw).use(rehypeSanitize, REPORT_SANITIZE_SCHEMA).freeze();

/** The class of the container a graded rendering is shown in (browser-default styles inside). */
export const GRADED_BODY_CLASS = 'graded-body';

/** Why a graded page is not shown as a page, or null when it is. */
export type GradedViewRefusal = 'too-large' | 'too-deep';

/** Pages beyond this are shown as text: parsing them would stall the app (real reports are < 100 kB). */
export const MAX_GRADED_VIEW_CHARS = 10 * MAX_DOCUMENT_CHARS;

function depthOf(root: Root): number {
  let deepest = 0;
  const stack: [Root | Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of node.children) if (child.type === 'element') stack.push([child, depth + 1]);
  }
  return deepest;
}

export interface GradedHast {
  readonly tree: Root;
  /** Set when the page was not turned into elements: the tree then holds the HTML as text. */
  readonly refused: GradedViewRefusal | null;
}

const asText = (html: string, refused: GradedViewRefusal): GradedHast => ({
  tree: {
    type: 'root',
    children: [{ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: html }] }],
  },
  refused,
});

/**
 * The sanitized tree of a graded page's HTML. A page too large, or nested deeper than a browser
 * (or React) handles, comes back as its HTML source in a `<pre>`, with the reason.
 */
export function gradedHtmlToHast(html: string, options: { readonly resolveImage?: ImageResolver } = {}): GradedHast {
  if (html.length > MAX_GRADED_VIEW_CHARS) return asText(html, 'too-large');
  const raw: Root = { type: 'root', children: [{ type: 'raw', value: html }] };
  const tree = parseAndSanitize.runSync(raw) as Root;
  if (depthOf(tree) > MAX_NESTING) return asText(html, 'too-deep');
  if (options.resolveImage) resolveImages(tree, options.resolveImage);
  return { tree, refused: null };
}
