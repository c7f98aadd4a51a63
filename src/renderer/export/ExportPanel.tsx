/**
 * What an export did: while it runs, a progress bar (after a moment); then where the file is,
 * how many figures it holds, which could not be included (a placeholder stands in for each) and
 * a button to open it.
 */
import type { ExportRendering, OpenedReport } from '../../api/contract';
import type { Exporter } from './exportRun';
import './export.css';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `outputPath` relative to the repo root when it is inside it (as the student knows the repo). */
export function shownPath(report: Pick<OpenedReport, 'repoRoot'>, outputPath: string): string {
  const root = report.repoRoot.replace(/[\\/]+$/, '');
  const inside = outputPath.startsWith(root) && /^[\\/]/.test(outputPath.slice(root.length));
  return inside ? outputPath.slice(root.length + 1).replace(/\\/g, '/') : outputPath;
}

const RENDERING_LABEL: Record<ExportRendering, string> = {
  graded: 'As graded',
  github: 'As GitHub shows it',
};

const RENDERING_TEXT: Record<ExportRendering, string> = {
  graded: 'the page the grader sees (python report.py html), figures inlined',
  github: 'the report as GitHub and the preview show it, figures inlined',
};

/** The two renderings; the one just written is pressed, the other exports that one. */
function RenderingChoice({ exporter, current }: { exporter: Exporter; current: ExportRendering }) {
  return (
    <div className="export-panel__renderings" role="group" aria-label="Rendering">
      {(['graded', 'github'] as const).map((rendering) => (
        <button
          key={rendering}
          type="button"
          aria-pressed={current === rendering}
          data-testid={`export-as-${rendering}`}
          title={`Export ${RENDERING_TEXT[rendering]}`}
          onClick={() => exporter.start(rendering)}
        >
          {RENDERING_LABEL[rendering]}
        </button>
      ))}
    </div>
  );
}

export function ExportPanel({ exporter, report }: { exporter: Exporter; report: OpenedReport }) {
  const { state } = exporter;
  if (state.kind === 'idle') return null;

  if (state.kind === 'running') {
    return (
      <section className="export-panel" aria-label="Export" aria-busy="true" data-testid="export-running">
        <p className="export-panel__title">
          Exporting the report to HTML, {RENDERING_LABEL[state.rendering].toLowerCase()}…
        </p>
        {state.showProgress && (
          <div className="export-panel__progress">
            <progress
              data-testid="export-progress"
              max={Math.max(state.total, 1)}
              value={state.done}
              aria-label="Figures included so far"
            />
            <span className="export-panel__count">
              {state.total > 0 ? `${state.done} of ${state.total} figures` : 'Reading the figures…'}
            </span>
          </div>
        )}
      </section>
    );
  }

  const { outcome } = state;
  if (outcome.kind === 'error') {
    return (
      <section
        className="export-panel export-panel--error"
        role="alert"
        aria-label="Export"
        data-testid="export-result"
      >
        <p className="export-panel__title">The report was not exported.</p>
        <p className="export-panel__message">{outcome.message}</p>
        <div className="export-panel__actions">
          <button type="button" onClick={exporter.dismiss}>
            Close
          </button>
        </div>
      </section>
    );
  }

  const missing = outcome.missingImages;
  const inlined = outcome.imageCount - missing.length;
  const path = shownPath(report, outcome.outputPath);
  return (
    <section
      className={`export-panel ${missing.length > 0 ? 'export-panel--warning' : 'export-panel--ok'}`}
      role="status"
      aria-label="Export"
      data-testid="export-result"
      data-output-path={outcome.outputPath}
      data-rendering={outcome.rendering}
    >
      <p className="export-panel__title">
        Exported to{' '}
        <code className="export-panel__path" title={outcome.outputPath}>
          {path}
        </code>
      </p>
      <p className="export-panel__message" data-testid="export-rendering">
        {RENDERING_LABEL[outcome.rendering]}: {RENDERING_TEXT[outcome.rendering]}.
      </p>
      <p className="export-panel__message">
        {formatBytes(outcome.bytes)}, one file that reads offline and prints well.{' '}
        {outcome.imageCount === 0
          ? 'The report has no images.'
          : `${inlined} of ${outcome.imageCount} ${outcome.imageCount === 1 ? 'image' : 'images'} included.`}
      </p>
      {missing.length > 0 && (
        <div className="export-panel__missing">
          <p>
            {missing.length === 1 ? 'One image is' : `${missing.length} images are`} not in the file; a box saying so
            stands in {missing.length === 1 ? 'its place' : 'their places'}:
          </p>
          {/* A long list scrolls: focusable, so the keyboard can scroll it too. */}
          <ul data-testid="export-missing" tabIndex={0} aria-label="Images not in the file">
            {missing.map((image, i) => (
              <li key={`${image.src}-${image.line ?? ''}-${i}`} data-testid="export-missing-image" data-src={image.src}>
                <code>{image.src}</code>
                {image.line !== null && <span className="export-panel__line"> (line {image.line})</span>}:{' '}
                {image.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {exporter.openError && (
        <p className="export-panel__message export-panel__message--error" role="alert">
          Could not open it: {exporter.openError}
        </p>
      )}
      <div className="export-panel__actions">
        <RenderingChoice exporter={exporter} current={outcome.rendering} />
        {exporter.openedUrl && (
          <a href={exporter.openedUrl} target="_blank" rel="noopener noreferrer" className="export-panel__link">
            No new tab? Open it here
          </a>
        )}
        <button type="button" className="primary" onClick={exporter.open} data-testid="export-open">
          Open {baseNameOf(outcome.outputPath)}
        </button>
        <button type="button" onClick={exporter.dismiss} data-testid="export-close">
          Close
        </button>
      </div>
    </section>
  );
}

function baseNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
