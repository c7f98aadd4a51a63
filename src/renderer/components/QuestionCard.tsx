/**
 * One question: number, prompt, the range the checker enforces, the example, the answer editor and
 * its meters. Memoised and subscribed to its own question only, so an edit elsewhere (or a new
 * analysis that leaves this question alone) does not re-render it.
 */
import { lazy, memo, Suspense, useLayoutEffect, useRef } from 'react';
import type { QuestionView } from '../../core/analyzeReport';
import { formatRange, type QuestionConstraint } from '../../core/constraints';
import type { ReportDocument } from '../../core/reportModel';
import type { RangeDifference } from '../../core/templateVersion';
import type { EditorManager } from '../editor/editorManager';
import { QuestionDropZone, QuestionFigures } from '../figures/QuestionFigures';
import type { CardEntry } from '../model/structure';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { InlineMarkdown } from './InlineMarkdown';
import { ImageMeter, WordMeter } from './Meters';
import { MarkerConflicts } from './MarkerConflicts';
import type { ReportDiagnostics } from '../diagnostics/reportDiagnostics';
import type { PreviewModes } from '../preview/previewModes';
import { STATUS_MARK, STATUS_TEXT } from './statusLabels';

/** The rendered answer, loaded with the markdown pipeline the first time a preview is opened. */
const AnswerPreview = lazy(() => import('../preview/AnswerPreview'));
/** The answer as the graded page shows it, loaded with the graded renderer on first use. */
const GradedAnswerPreview = lazy(() => import('../preview/GradedAnswerPreview'));

interface PromptFacts {
  readonly prompt: string;
  readonly example: string | null;
  /** Only read for the read-only copy of a duplicated question. */
  readonly answer: string;
}

function factsOf(doc: ReportDocument, number: number, editable: boolean): PromptFacts | undefined {
  const questions = doc.questions.filter((q) => q.number === number);
  const q = editable ? questions[0] : questions[1];
  return q && { prompt: q.prompt, example: q.example, answer: editable ? '' : q.answer };
}

const factsEqual = (a: PromptFacts | undefined, b: PromptFacts | undefined) =>
  a === b || (!!a && !!b && a.prompt === b.prompt && a.example === b.example && a.answer === b.answer);

export function viewOf(state: { analysis: { questions: readonly QuestionView[] } }, number: number) {
  return state.analysis.questions.find((q) => q.number === number);
}

export const viewEqual = (a: QuestionView | undefined, b: QuestionView | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.words === b.words &&
    a.images === b.images &&
    a.status === b.status &&
    a.graded === b.graded &&
    a.constraint === b.constraint &&
    a.warnings.length === b.warnings.length &&
    a.warnings.every((w, i) => w.message === b.warnings[i].message && w.line === b.warnings[i].line));

function RangeLine({
  constraint,
  differences,
}: {
  constraint: QuestionConstraint;
  differences: readonly RangeDifference[];
}) {
  const parts: string[] = [];
  if (constraint.words) parts.push(`${formatRange(constraint.words)} words`);
  if (constraint.images)
    parts.push(`${formatRange(constraint.images)} ${constraint.images.max === 1 ? 'image' : 'images'}`);
  return (
    <p className="range-line">
      <span className="range-label">Checker requires:</span>{' '}
      {parts.length > 0 ? parts.join(' and ') : 'nothing (no limit)'}
      {differences.map((d) => (
        <span key={d.kind} className="range-difference">
          {' '}
          (the prompt says {d.declared ? formatRange(d.declared) : 'no limit'} {d.kind}; the checker in force enforces{' '}
          {d.enforced ? formatRange(d.enforced) : 'no limit'})
        </span>
      ))}
    </p>
  );
}

export interface QuestionCardProps {
  readonly session: ReportSession;
  readonly manager: EditorManager;
  readonly entry: CardEntry;
  /** The badge's mark comes from here, the same as the navigator's. */
  readonly diagnostics: ReportDiagnostics;
  /** Which rendering this answer's preview shows (GitHub, Graded, or none). */
  readonly previews: PreviewModes;
}

export const QuestionCard = memo(function QuestionCard({ session, manager, entry, diagnostics, previews }: QuestionCardProps) {
  const { number, editable } = entry;
  const mark = useStore(diagnostics.store, (s) => s.marks.get(number));
  const facts = useStore(session.store, (s) => factsOf(s.doc, number, editable), factsEqual);
  const view = useStore(session.store, (s) => viewOf(s, number), viewEqual);
  const hostRef = useRef<HTMLDivElement>(null);
  const previewMode = useStore(previews.store, (s) => s.answers.get(number) ?? null);

  // Before the first paint, so no card is ever painted without its answer's text.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!editable || !host) return;
    return manager.register(number, host);
  }, [manager, number, editable]);

  const constraint = view?.constraint ?? session.report.profile.questions[number - 1] ?? {};
  const differences = session.report.differences.filter((d) => d.question === number);
  const titleId = `question-${entry.key}-title`;
  const shownWarnings = view?.warnings.filter((w) => w.kind !== 'placeholder') ?? [];

  return (
    <article
      className="card question-card"
      id={editable ? `question-${number}` : undefined}
      data-testid={editable ? `question-${number}` : `question-${number}-copy`}
      data-status={view?.status}
      aria-labelledby={titleId}
    >
      <header className="card-header">
        <h3 id={titleId} className="card-title">
          Question {number}
        </h3>
        {editable && (
          <button
            type="button"
            className="preview-toggle"
            aria-pressed={previewMode === 'github'}
            data-testid={`preview-toggle-${number}`}
            title="Show this answer rendered as GitHub shows it, with its figures, under the editor"
            onClick={() => previews.toggleAnswer(number, 'github')}
          >
            Preview
          </button>
        )}
        {editable && (
          <button
            type="button"
            className="preview-toggle preview-toggle--graded"
            aria-pressed={previewMode === 'graded'}
            data-testid={`graded-toggle-${number}`}
            title="Show this answer as the graded page (python report.py html) shows it"
            onClick={() => previews.toggleAnswer(number, 'graded')}
          >
            Graded
          </button>
        )}
        {view && (
          <span className={`status-chip status--${mark ?? view.status}`} data-testid={`mark-${number}`} data-mark={mark ?? view.status}>
            <span aria-hidden="true">{STATUS_MARK[mark ?? view.status]}</span> {STATUS_TEXT[mark ?? view.status]}
          </span>
        )}
      </header>
      <div className="question-brief">
        {facts?.prompt ? (
          <p className="prompt" data-testid={editable ? `prompt-${number}` : undefined}>
            <InlineMarkdown text={facts.prompt} />
          </p>
        ) : (
          <p className="prompt muted">(no prompt text)</p>
        )}
        <RangeLine constraint={constraint} differences={differences} />
        {facts?.example && (
          <details className="example">
            <summary>Example</summary>
            <p className="example-text">
              {facts.example.split('\n').map((line, i) => (
                <span key={i}>
                  {i > 0 && '\n'}
                  <InlineMarkdown text={line} />
                </span>
              ))}
            </p>
          </details>
        )}
      </div>
      <div className="question-work">
        {editable && <MarkerConflicts session={session} number={number} />}
        {editable ? (
          <>
            <div className="answer-host" ref={hostRef} data-accepts-files="" />
            {previewMode !== null && (
              <Suspense fallback={<p className="muted small">Loading the preview…</p>}>
                {previewMode === 'github' ? (
                  <AnswerPreview session={session} number={number} />
                ) : (
                  <GradedAnswerPreview session={session} number={number} />
                )}
              </Suspense>
            )}
          </>
        ) : (
          <div className="duplicate-note">
            <p>
              This is a second &ldquo;Question {number}&rdquo; heading. The checker counts both; remove or rename one in
              the file. Its text, read-only:
            </p>
            <pre className="answer-readonly">{facts?.answer}</pre>
          </div>
        )}
        {editable && <QuestionFigures session={session} manager={manager} number={number} />}
        {editable && (
          <div className="meters">
            <WordMeter session={session} number={number} view={view} />
            <ImageMeter session={session} number={number} view={view} />
            <QuestionDropZone session={session} manager={manager} number={number} />
          </div>
        )}
        {editable && shownWarnings.length > 0 && (
          <ul className="card-warnings">
            {shownWarnings.map((w, i) => (
              <li key={i}>
                <span aria-hidden="true">⚠</span> {w.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
});
