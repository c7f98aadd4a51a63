/**
 * A graded page (or one answer of it) in the app: the HTML Python-Markdown writes, sanitized like
 * the preview, figures through the host's figure route, and the browser's own default styles —
 * no stylesheet of ours or GitHub's — as a browser shows the course's page.
 */
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { useMemo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { GRADED_BODY_CLASS, gradedHtmlToHast, type GradedViewRefusal } from '../../core/render';
import { previewParts } from './previewParts';
import './graded.css';

const REFUSAL_TEXT: Record<GradedViewRefusal, string> = {
  'too-large': 'This page is too large to show rendered here; its HTML is shown as text.',
  'too-deep': 'This page is nested too deeply to show rendered here; its HTML is shown as text.',
};

export interface GradedHtmlProps {
  /** `renderGradedPage` or `renderGradedAnswer` output. */
  readonly html: string;
  readonly imageUrl: (relativePath: string) => string | null;
  readonly onOpenLink?: (url: string) => void;
}

export function GradedHtml({ html, imageUrl, onOpenLink }: GradedHtmlProps) {
  const { content, refused } = useMemo(() => {
    const { resolveImage, components } = previewParts(imageUrl, onOpenLink);
    const { tree, refused } = gradedHtmlToHast(html, { resolveImage });
    return { content: toJsxRuntime(tree, { Fragment, jsx, jsxs, components, passKeys: true }), refused };
  }, [html, imageUrl, onOpenLink]);
  return (
    <>
      {refused && (
        <p className="graded-refused" role="note">
          {REFUSAL_TEXT[refused]}
        </p>
      )}
      <div className={GRADED_BODY_CLASS} data-testid="graded-html">
        {content}
      </div>
    </>
  );
}
