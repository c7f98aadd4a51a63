/**
 * The rendered preview of one answer, under its editor. Loaded only when a student first opens a
 * preview (it brings the markdown pipeline), and it follows the answer as the document takes the
 * edits (when typing pauses), deferred so that typing never waits for it.
 */
import { useCallback, useDeferredValue, useMemo } from 'react';
import { findQuestion } from '../../core/reportModel';
import { useShell } from '../shell/appContext';
import { editorTextOf } from '../model/answerText';
import type { ReportSession } from '../state/reportSession';
import { useStore } from '../document/store';
import { differencesInMarkdown } from '../model/gradedDifferences';
import { MarkdownPreview } from './MarkdownPreview';
import { figureUrlFor, openLinkOutside } from './reportAssets';
import { usePreviewStyles } from './previewStyles';
import './preview.css';

export interface AnswerPreviewProps {
  readonly session: ReportSession;
  readonly number: number;
}

export default function AnswerPreview({ session, number }: AnswerPreviewProps) {
  const shell = useShell();
  usePreviewStyles();
  const text = useStore(session.store, (s) => {
    const question = findQuestion(s.doc, number);
    return question ? editorTextOf(question) : '';
  });
  const markdown = useDeferredValue(text);
  const notes = useMemo(() => differencesInMarkdown(markdown), [markdown]);
  const imageUrl = useMemo(() => figureUrlFor(shell.host), [shell.host]);
  const onOpenLink = useCallback((url: string) => openLinkOutside(shell.api, shell.host, url), [shell]);
  return (
    <section
      className="answer-preview"
      data-testid={`preview-${number}`}
      aria-label={`Preview of the answer to question ${number}`}
      aria-busy={markdown !== text}
    >
      {markdown.trim() === '' ? (
        <p className="answer-preview__empty">Nothing to preview yet: the answer is empty.</p>
      ) : (
        <MarkdownPreview markdown={markdown} imageUrl={imageUrl} notes={notes} onOpenLink={onOpenLink} />
      )}
    </section>
  );
}
