/**
 * The whole report, rendered, beside the form. Rendering a 50 kB report takes well over 100 ms,
 * so it is rendered in pieces — the part before the first heading, and each section and question
 * from its heading on — and a piece is rendered again only when its text or its notes changed:
 * an edit re-renders one question. Graded-page differences come from the report's insights
 * (computed while the app is idle) and are marked where they are.
 */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { findQuestion } from '../../core/reportModel';
import type { GradedPageDifference } from '../../core/gradedPage';
import type { PreviewNote } from '../../core/render';
import { useShell } from '../shell/appContext';
import type { ReportInsights } from '../repair/reportInsights';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../document/store';
import { MarkdownPreview } from './MarkdownPreview';
import { figureUrlFor, openLinkOutside } from './reportAssets';
import { type Piece, piecesOf } from './reportPieces';
import { usePreviewStyles } from './previewStyles';
import './preview.css';

/**
 * The notes on lines [`piece.firstLine`, `end`) as a string, lines counted within the piece, so a
 * piece whose notes did not change keeps its render.
 */
function notesKeyOf(piece: Piece, end: number, graded: readonly GradedPageDifference[]): string {
  const notes: PreviewNote[] = graded
    .filter((d) => d.line >= piece.firstLine && d.line < end)
    .map((d) => ({ line: d.line - piece.firstLine + 1, message: d.message }));
  return notes.length === 0 ? '' : JSON.stringify(notes);
}

const NO_NOTES: readonly PreviewNote[] = [];

const PieceView = memo(function PieceView({
  markdown,
  notesKey,
  imageUrl,
  onOpenLink,
}: {
  markdown: string;
  notesKey: string;
  imageUrl: (relativePath: string) => string | null;
  onOpenLink: (url: string) => void;
}) {
  const notes = useMemo(() => (notesKey === '' ? NO_NOTES : (JSON.parse(notesKey) as PreviewNote[])), [notesKey]);
  return <MarkdownPreview markdown={markdown} imageUrl={imageUrl} notes={notes} onOpenLink={onOpenLink} />;
});

export interface ReportPreviewProps {
  readonly session: ReportSession;
  readonly insights: ReportInsights;
  /** The question being edited: the preview shows it (from its heading on) as it opens and as it changes. */
  readonly current?: number | null;
}

export default function ReportPreview({ session, insights, current = null }: ReportPreviewProps) {
  const shell = useShell();
  usePreviewStyles();
  const doc = useDeferredValue(useStore(session.store, (s) => s.doc));
  const graded = useStore(insights.store, (s) => s.graded);
  const pieces = useMemo(() => piecesOf(doc), [doc]);
  const imageUrl = useMemo(() => figureUrlFor(shell.host), [shell.host]);
  const onOpenLink = useCallback((url: string) => openLinkOutside(shell.api, shell.host, url), [shell]);

  // Follow the question being edited: its piece starts at its heading's line. Pieces render a
  // moment later and the column changes size with the layout, so the place is kept until the
  // student scrolls the preview themselves.
  const scrollRef = useRef<HTMLElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const currentLine = current === null ? null : (findQuestion(doc, current)?.headingLine ?? null);
  const index = currentLine === null ? -1 : pieces.findIndex((p) => p.firstLine === currentLine);
  const follow = useRef({ index, manual: false });
  const align = useCallback(() => {
    const scroller = scrollRef.current;
    const target = follow.current.index === -1 ? null : pageRef.current?.children[follow.current.index];
    if (!scroller || !(target instanceof HTMLElement)) return;
    scroller.scrollTop += target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
  }, []);
  useEffect(() => {
    follow.current = { index, manual: false };
    align();
  }, [index, align]);
  useEffect(() => {
    const scroller = scrollRef.current;
    const page = pageRef.current;
    if (!scroller || !page) return;
    const observer = new ResizeObserver(() => {
      if (!follow.current.manual) align();
    });
    observer.observe(scroller);
    observer.observe(page);
    return () => observer.disconnect();
  }, [align]);
  const scrolledByHand = useCallback(() => {
    follow.current.manual = true;
  }, []);

  return (
    <section
      className="report-preview"
      data-testid="report-preview"
      data-following={current ?? undefined}
      aria-label="Preview of the whole report"
      ref={scrollRef}
      onWheel={scrolledByHand}
      onPointerDown={scrolledByHand}
      onKeyDown={scrolledByHand}
    >
      <p className="report-preview__caption">
        How GitHub shows the report. Marked places look different on the graded page.
      </p>
      <div className="report-preview__page" ref={pageRef}>
        {pieces.map((piece, i) => (
          <PieceView
            // Keyed by position: a piece whose text and notes did not change is not rendered again,
            // even when an edit above it moved it down the file.
            key={i}
            markdown={piece.markdown}
            notesKey={notesKeyOf(piece, pieces[i + 1]?.firstLine ?? Number.POSITIVE_INFINITY, graded)}
            imageUrl={imageUrl}
            onOpenLink={onOpenLink}
          />
        ))}
      </div>
    </section>
  );
}
