/**
 * What both renderings in the app share: images load through the host's figure route (a failed
 * one becomes the export's placeholder box), and links never navigate the app window.
 */
import type { Components } from 'hast-util-to-jsx-runtime';
import { type ComponentProps, type MouseEvent, useState } from 'react';
import { classifyImageSource, type ImageResolution, type ImageResolver, MISSING_IMAGE_CLASS } from '../../core/render';

function Placeholder({ src, reason, alt }: { src: string; reason: string; alt?: string }) {
  return (
    <span className={MISSING_IMAGE_CLASS} role="img" aria-label={`Missing image: ${src} (${reason})`} data-src={src}>
      <strong>Missing image: {src}</strong>
      <br />
      {alt ? `${reason}. Alt text: “${alt}”` : `${reason}.`}
    </span>
  );
}

/** An image that turns into the placeholder box when its file cannot be loaded. */
function PreviewImage({ reportSrc, ...props }: ComponentProps<'img'> & { reportSrc: string }) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (failedSrc !== null && failedSrc === props.src) {
    return <Placeholder src={reportSrc} reason="file not found or not a readable image" alt={props.alt} />;
  }
  return <img {...props} onError={() => setFailedSrc(typeof props.src === 'string' ? props.src : null)} />;
}

export interface PreviewParts {
  /** Points an image written in the report at the host's figure URL, or says why it cannot show. */
  readonly resolveImage: ImageResolver;
  readonly components: Partial<Components>;
}

/**
 * The image resolver and the `img`/`a` components of one rendering. `imageUrl` maps a path
 * relative to the report's folder to the URL it loads from (null: not served).
 */
export function previewParts(
  imageUrl: (relativePath: string) => string | null,
  onOpenLink?: (url: string) => void,
): PreviewParts {
  /** Served URL → the source as written in the report, for the placeholder if loading fails. */
  const written = new Map<string, string>();
  const resolveImage = (src: string): ImageResolution => {
    const source = classifyImageSource(src);
    if (source.kind === 'remote')
      return {
        kind: 'missing',
        reason: "remote image: the preview and the export show only figures from the report's folder",
      };
    if (source.kind === 'unsupported') return { kind: 'missing', reason: 'not a file path the page can show' };
    const url = imageUrl(source.path);
    if (url === null) return { kind: 'missing', reason: "outside the report's folder" };
    written.set(url, src);
    return { kind: 'url', url };
  };
  const components: Partial<Components> = {
    img: (props: ComponentProps<'img'>) => {
      const src = typeof props.src === 'string' ? props.src : '';
      return <PreviewImage {...props} reportSrc={written.get(src) ?? src} />;
    },
    a: (props: ComponentProps<'a'>) => {
      const href = typeof props.href === 'string' ? props.href : '';
      const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
        if (href.startsWith('#')) return; // footnotes scroll within the preview
        event.preventDefault();
        if (/^(https?|mailto):/i.test(href)) onOpenLink?.(href);
      };
      return <a {...props} onClick={onClick} />;
    },
    // A long code line scrolls sideways: the block takes the focus so the keyboard can scroll it.
    pre: (props: ComponentProps<'pre'>) => <pre {...props} tabIndex={0} />,
  };
  return { resolveImage, components };
}
