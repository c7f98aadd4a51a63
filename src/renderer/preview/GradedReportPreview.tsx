/**
 * The whole report as the grader sees it, beside the form: `renderGradedPage` of the editors' text
 * (the 43-character cut included), rendered while the browser is idle. It follows the question
 * being edited: that question's heading is scrolled to the top of the pane.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { renderGradedPage } from '../../core/graded';
import { type ReportDocument, serializeReport } from '../../core/reportModel';
import { useShell } from '../shell/appContext';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../document/store';
import { GradedHtml } from './GradedHtml';
import { figureUrlFor, openLinkOutside } from './reportAssets';
import { useIdleValue } from './useIdleValue';
import './preview.css';

export interface GradedReportPreviewProps {
  readonly session: ReportSession;
  /** The question being edited, or null. */
  readonly current: number | null;
}

/** The `<h3>` of question `number` in the rendered page (the template's "### Question N"). */
function headingOf(root: HTMLElement, number: number): HTMLElement | null {
  const wanted = `question ${number}`;
  for (const heading of root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    if (heading.textContent?.trim().toLowerCase() === wanted) return heading;
  }
  return null;
}

/**
 * Real reports are under 100 kB; on megabytes of pathological markdown the graded renderer can
 * take seconds, which here would be seconds of a frozen window. Such a report is not rendered in
 * the app (the export, which runs in the host, still writes it).
 */
export const MAX_GRADED_REPORT_CHARS = 500_000;

const TOO_LARGE = null;

const renderReport = (doc: ReportDocument): string | typeof TOO_LARGE => {
  const text = serializeReport(doc);
  return text.length > MAX_GRADED_REPORT_CHARS ? TOO_LARGE : renderGradedPage(text);
};

export default function GradedReportPreview({ session, current }: GradedReportPreviewProps) {
  const shell = useShell();
  const doc = useStore(session.store, (s) => s.doc);
  const { value: rendered, stale } = useIdleValue(doc, renderReport);
  const html = rendered ?? null;
  const tooLarge = rendered === TOO_LARGE && !stale;
  const ready = html !== null;
  const imageUrl = useMemo(() => figureUrlFor(shell.host), [shell.host]);
  const onOpenLink = useCallback((url: string) => openLinkOutside(shell.api, shell.host, url), [shell]);
  const pageRef = useRef<HTMLDivElement>(null);

  // Follow the question being edited (and keep it in view once the page has rendered).
  useEffect(() => {
    const page = pageRef.current;
    if (current === null || !page || !ready) return;
    const heading = headingOf(page, current);
    if (!heading) return;
    const pane = page.closest<HTMLElement>('.report-preview');
    if (pane) pane.scrollTop += heading.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
  }, [current, ready]);

  return (
    <section
      className="report-preview report-preview--graded"
      data-testid="graded-report-preview"
      aria-label="The whole report as the graded page shows it"
      aria-busy={stale}
    >
      <p className="report-preview__caption">
        As graded: the page python report.py html writes (first 43 characters cut, Python-Markdown without
        extensions), with the browser&apos;s plain styles.
      </p>
      <div className="report-preview__page report-preview__page--graded" ref={pageRef}>
        {tooLarge ? (
          <p className="muted small" role="note">
            This report is over {MAX_GRADED_REPORT_CHARS / 1000} kB: too large to show as graded here without freezing the
            window. Export it As graded to see the page.
          </p>
        ) : html === null ? (
          <p className="muted small">Rendering…</p>
        ) : (
          <GradedHtml html={html} imageUrl={imageUrl} onOpenLink={onOpenLink} />
        )}
      </div>
    </section>
  );
}
