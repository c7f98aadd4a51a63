/**
 * One answer as the grader sees it, under its editor: `renderGradedAnswer` of the answer's text,
 * rendered while the browser is idle, with what differs from the GitHub rendering listed above.
 */
import { useCallback, useMemo } from 'react';
import { renderGradedAnswer } from '../../core/graded';
import { findQuestion } from '../../core/reportModel';
import { useShell } from '../shell/appContext';
import { editorTextOf } from '../model/answerText';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../document/store';
import { GradedHtml } from './GradedHtml';
import { differencesInMarkdown } from '../model/gradedDifferences';
import { figureUrlFor, openLinkOutside } from './reportAssets';
import { useIdleValue } from './useIdleValue';
import './preview.css';

export interface GradedAnswerPreviewProps {
  readonly session: ReportSession;
  readonly number: number;
}

/** As for the whole report (see GradedReportPreview): megabytes are not rendered in the window. */
const MAX_GRADED_ANSWER_CHARS = 500_000;

const renderAnswer = (text: string) =>
  text.length > MAX_GRADED_ANSWER_CHARS
    ? { html: null, notes: [] }
    : { html: renderGradedAnswer(text), notes: differencesInMarkdown(text) };

export default function GradedAnswerPreview({ session, number }: GradedAnswerPreviewProps) {
  const shell = useShell();
  const text = useStore(session.store, (s) => {
    const question = findQuestion(s.doc, number);
    return question ? editorTextOf(question) : '';
  });
  const { value, stale } = useIdleValue(text, renderAnswer);
  const imageUrl = useMemo(() => figureUrlFor(shell.host), [shell.host]);
  const onOpenLink = useCallback((url: string) => openLinkOutside(shell.api, shell.host, url), [shell]);
  return (
    <section
      className="answer-preview answer-preview--graded"
      data-testid={`graded-preview-${number}`}
      aria-label={`The answer to question ${number} as the graded page shows it`}
      aria-busy={stale}
    >
      <p className="graded-caption">As graded: how python report.py html shows this answer.</p>
      {value && value.notes.length > 0 && (
        <ul className="graded-notes" data-testid={`graded-notes-${number}`}>
          {value.notes.map((note, i) => (
            <li key={i}>
              Line {note.line}: {note.message}
            </li>
          ))}
        </ul>
      )}
      {text.trim() === '' ? (
        <p className="answer-preview__empty">Nothing to show yet: the answer is empty.</p>
      ) : value?.html === null ? (
        <p className="answer-preview__empty" role="note">
          This answer is over {MAX_GRADED_ANSWER_CHARS / 1000} kB: too large to show as graded here. Export the report As
          graded to see it.
        </p>
      ) : value ? (
        <GradedHtml html={value.html} imageUrl={imageUrl} onOpenLink={onOpenLink} />
      ) : (
        <p className="answer-preview__empty">Rendering…</p>
      )}
    </section>
  );
}
