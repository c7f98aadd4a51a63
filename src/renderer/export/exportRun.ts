/**
 * One click → one self-contained HTML file, as graded (the course's page, `report.html`) or as
 * GitHub shows it (`report.github.html`). The export runs in the host (it reads the figures);
 * here it is started with the editor's current text, its progress followed, and its outcome kept
 * for the panel. The progress bar appears only when an export takes longer than a moment.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportOutcome, ExportRendering, ReportApi } from '../../api/contract';
import type { ReportSession } from '../state/reportSession';

/** An export quicker than this shows no progress bar (it would only flicker). */
export const PROGRESS_DELAY_MS = 300;

export type ExportState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly rendering: ExportRendering;
      /** False until the export has run for PROGRESS_DELAY_MS. */
      readonly showProgress: boolean;
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: 'finished'; readonly outcome: ExportOutcome };

export interface Exporter {
  readonly state: ExportState;
  /** Starts an export unless one is running: as graded (report.html) unless asked otherwise. */
  start(rendering?: ExportRendering): void;
  /** Shows the exported file: Electron opens it in the system browser; the browser host in a new tab. */
  open(): void;
  dismiss(): void;
  /** Why opening the file failed, if it did. */
  readonly openError: string | null;
  /** The browser host's URL of the exported file, once asked for (a link, should a pop-up blocker step in). */
  readonly openedUrl: string | null;
}

export function useExporter(api: ReportApi, session: ReportSession): Exporter {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [openError, setOpenError] = useState<string | null>(null);
  const [openedUrl, setOpenedUrl] = useState<string | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = useCallback((rendering: ExportRendering = 'graded') => {
    if (running.current) return;
    running.current = true;
    setOpenError(null);
    setOpenedUrl(null);
    setState({ kind: 'running', rendering, showProgress: false, done: 0, total: 0 });
    let progress = { done: 0, total: 0 };
    let showProgress = false;
    const update = () => {
      if (mounted.current && running.current) setState({ kind: 'running', rendering, showProgress, ...progress });
    };
    const off = api.on('exportProgress', (payload) => {
      progress = payload;
      if (showProgress) update();
    });
    const timer = window.setTimeout(() => {
      showProgress = true;
      update();
    }, PROGRESS_DELAY_MS);
    const finish = (outcome: ExportOutcome) => {
      running.current = false;
      window.clearTimeout(timer);
      off();
      if (mounted.current) setState({ kind: 'finished', outcome });
    };
    // The editor's text, typing included: what the student sees is what is exported.
    const text = session.text;
    api
      .invoke('exportHtml', { text, rendering })
      .then(finish, (error: unknown) =>
        finish({ kind: 'error', message: `Export failed: ${error instanceof Error ? error.message : String(error)}` }),
      );
  }, [api, session]);

  const open = useCallback(() => {
    if (state.kind !== 'finished' || state.outcome.kind !== 'exported') return;
    setOpenError(null);
    api.invoke('openExport', { outputPath: state.outcome.outputPath }).then(
      ({ url }) => {
        if (url === null) return;
        setOpenedUrl(url);
        window.open(url, '_blank', 'noopener,noreferrer');
      },
      (error: unknown) => setOpenError(error instanceof Error ? error.message : String(error)),
    );
  }, [api, state]);

  const dismiss = useCallback(() => {
    if (!running.current) setState({ kind: 'idle' });
  }, []);

  return { state, start, open, dismiss, openError, openedUrl };
}
