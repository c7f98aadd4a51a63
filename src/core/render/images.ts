/**
 * Image handling on the sanitized tree. Runs after sanitizing on purpose: the URLs it writes
 * (`data:` URIs for the export, the host's figure route for the preview) come from our own code,
 * not from the report, and the sanitizer would rightly refuse them.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

export type ImageResolution =
  /** Load the image from here (the host's figure URL, or a data: URI). */
  | { readonly kind: 'url'; readonly url: string }
  /** Show a visible placeholder box instead, saying why. */
  | { readonly kind: 'missing'; readonly reason: string };

/**
 * Maps an image `src` exactly as written in the report (percent-encoded the way markdown links
 * are) to where it loads from. Returning null leaves the image untouched.
 */
export type ImageResolver = (src: string) => ImageResolution | null;

export const MISSING_IMAGE_CLASS = 'missing-image';

/** The placeholder shown where an image cannot be shown: a box with the path and the reason. */
export function missingImagePlaceholder(src: string, alt: string, reason: string): Element {
  const label = `Missing image: ${src || '(no source)'}`;
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [MISSING_IMAGE_CLASS], role: 'img', ariaLabel: `${label} (${reason})`, dataSrc: src },
    children: [
      { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: label }] },
      { type: 'element', tagName: 'br', properties: {}, children: [] },
      { type: 'text', value: alt ? `${reason}. Alt text: “${alt}”` : `${reason}.` },
    ],
  };
}

function stringProperty(element: Element, name: string): string | null {
  const value = element.properties[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return null;
}

export interface ImageReference {
  /** The `src` as it stands in the sanitized tree ('' when it had none or it was unsafe). */
  readonly src: string;
  /** 1-based line in the rendered markdown, when known. */
  readonly line: number | null;
}

/** Every image in the (sanitized) tree, in document order, duplicates included. */
export function imageReferences(tree: Root): ImageReference[] {
  const found: ImageReference[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img') found.push({ src: stringProperty(node, 'src') ?? '', line: node.position?.start.line ?? null });
  });
  return found;
}

/** Points every image at `resolve(src)`, or swaps it for a placeholder box. */
export function resolveImages(tree: Root, resolve: ImageResolver): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || index === undefined || !parent) return;
    const src = stringProperty(node, 'src') ?? '';
    const resolution: ImageResolution | null = src ? resolve(src) : { kind: 'missing', reason: 'the image has no usable source' };
    if (!resolution) return;
    if (resolution.kind === 'url') {
      node.properties.src = resolution.url;
      return;
    }
    const placeholder = missingImagePlaceholder(src, stringProperty(node, 'alt') ?? '', resolution.reason);
    placeholder.position = node.position;
    parent.children[index] = placeholder as ElementContent;
  });
}
