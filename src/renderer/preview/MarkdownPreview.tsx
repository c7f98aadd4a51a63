/**
 * The rendered preview of an answer (or of the whole report): the core's sanitized pipeline turned
 * into React elements. Figures load through the host's figure route (`imageUrl`); a figure that
 * fails to load becomes the same placeholder box the export shows; links never navigate the app
 * window. Graded-page differences (`notes`) are marked under the blocks they concern.
 */
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { type ComponentProps, type MouseEvent, useDeferredValue, useMemo, useState } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import {
  classifyImageSource,
  type ImageResolution,
  MISSING_IMAGE_CLASS,
  type PreviewNote,
  REPORT_BODY_CLASS,
  REPORT_CSS,
  renderMarkdownToHast,
} from '../../core/render';

export interface MarkdownPreviewProps {
  /** The markdown to render: one answer, or the whole report (see `reportBodyMarkdown`). */
  readonly markdown: string;
  /**
   * The URL a figure loads from, given its path relative to the report's folder (percent-decoded,
   * e.g. `figures/loss curve.png`); null when it cannot be served. Keep it stable (useCallback).
   */
  readonly imageUrl: (relativePath: string) => string | null;
  /** Graded-page differences, lines relative to `markdown` (see `notesForAnswer`). Keep it stable. */
  readonly notes?: readonly PreviewNote[];
  /** Called for a click on an http(s)/mailto link (the host opens it outside the app). */
  readonly onOpenLink?: (url: string) => void;
  readonly className?: string;
}

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

export function MarkdownPreview({ markdown, imageUrl, notes, onOpenLink, className }: MarkdownPreviewProps) {
  // Rendering a whole report takes a moment: typing stays responsive, the preview follows.
  const deferred = useDeferredValue(markdown);
  const content = useMemo(() => {
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
    const tree = renderMarkdownToHast(deferred, { resolveImage, notes });
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
      // A task box ("- [x] …") has no label of its own: a screen reader says what it shows.
      input: (props: ComponentProps<'input'>) =>
        props.type === 'checkbox' ? (
          <input {...props} aria-label={props.checked ? 'Task done' : 'Task not done'} />
        ) : (
          <input {...props} />
        ),
      // A long code line scrolls sideways: the block takes the focus so the keyboard can scroll it.
      pre: (props: ComponentProps<'pre'>) => <pre {...props} tabIndex={0} />,
    };
    return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, passKeys: true });
  }, [deferred, imageUrl, notes, onOpenLink]);
  return (
    <div className={className ? `${REPORT_BODY_CLASS} ${className}` : REPORT_BODY_CLASS} data-testid="markdown-preview">
      {content}
    </div>
  );
}

/** The preview's stylesheet (the export's too); render once near the app's root. */
export function PreviewStyles() {
  return <style>{REPORT_CSS}</style>;
}
