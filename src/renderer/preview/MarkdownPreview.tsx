/**
 * The rendered preview of an answer (or of the whole report): the core's sanitized pipeline turned
 * into React elements. Figures load through the host's figure route (`imageUrl`); a figure that
 * fails to load becomes the same placeholder box the export shows; links never navigate the app
 * window. Graded-page differences (`notes`) are marked under the blocks they concern.
 */
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { useDeferredValue, useMemo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { type PreviewNote, REPORT_BODY_CLASS, REPORT_CSS, renderMarkdownToHast } from '../../core/render';
import { previewParts } from './previewParts';

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

export function MarkdownPreview({ markdown, imageUrl, notes, onOpenLink, className }: MarkdownPreviewProps) {
  // Rendering a whole report takes a moment: typing stays responsive, the preview follows.
  const deferred = useDeferredValue(markdown);
  const content = useMemo(() => {
    const { resolveImage, components } = previewParts(imageUrl, onOpenLink);
    const tree = renderMarkdownToHast(deferred, { resolveImage, notes });
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
