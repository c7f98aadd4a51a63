/**
 * Images under one answer: thumbnails of what it links and what the last action did (added,
 * reused, converted, refused, or an offer to downscale) — and, in the meters' row, the drop zone
 * with the picker (kept to one line, so cards keep the height the form's scrolling expects).
 */
import { memo, useEffect, useState } from 'react';
import type { EditorManager } from '../editor/editorManager';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { NO_CARD } from './figureController';
import { DeleteDialog, RenameDialog } from './FigureDialogs';
import { FigureDropZone } from './FigureDropZone';
import { questionLinks, sameLinks } from './figureText';
import { FigureThumbnail } from './FigureThumbnail';
import { useFigures } from './useFigures';
import './figures.css';

export interface QuestionFiguresProps {
  readonly session: ReportSession;
  readonly manager: EditorManager;
  readonly number: number;
}

type Dialog = { readonly kind: 'rename' | 'delete'; readonly target: string } | null;

export const QuestionFigures = memo(function QuestionFigures({ session, manager, number }: QuestionFiguresProps) {
  const figures = useFigures(session);
  const links = useStore(session.store, (s) => questionLinks(s.doc, number), sameLinks);
  const card = useStore(figures.store, (s) => s.cards.get(number) ?? NO_CARD);
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => figures.attach(manager), [figures, manager]);

  const onRemove = (target: string) => {
    if (figures.removeLink(number, target).canDelete) setDialog({ kind: 'delete', target });
  };

  return (
    <div className="question-figures">
      {links.length > 0 && (
        <ul className="figure-strip" aria-label={`Images of question ${number}`}>
          {links.map((link, i) => (
            <FigureThumbnail
              key={`${i}:${link.kind}:${link.rawTarget}`}
              number={number}
              link={link}
              figures={figures}
              onRemove={onRemove}
              onRename={(target) => setDialog({ kind: 'rename', target })}
            />
          ))}
        </ul>
      )}
      <ul className="figure-messages" data-testid={`figure-message-${number}`} aria-live="polite">
        {card.messages.map((message) => (
          <li key={message.id} className={`figure-message figure-message--${message.tone}`} data-tone={message.tone}>
            <span className="figure-message-text">{message.text}</span>
            {message.downscale !== undefined && (
              <button
                type="button"
                data-testid="figure-downscale"
                disabled={card.busy !== null}
                onClick={() => void figures.downscale(number, message.id, message.downscale!)}
              >
                Use a smaller copy
              </button>
            )}
            <button
              type="button"
              className="link-button"
              aria-label="Dismiss"
              onClick={() => figures.dismiss(number, message.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {dialog?.kind === 'rename' && (
        <RenameDialog
          target={dialog.target}
          onRename={(to) => figures.rename(number, dialog.target, to)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          target={dialog.target}
          onDelete={() => void figures.deleteFile(number, dialog.target)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
});

/** The drop zone and picker of question `number`, in its meters' row. */
export const QuestionDropZone = memo(function QuestionDropZone({ session, manager, number }: QuestionFiguresProps) {
  const figures = useFigures(session);
  const busy = useStore(figures.store, (s) => s.cards.get(number)?.busy ?? null);
  useEffect(() => figures.attach(manager), [figures, manager]);
  return <FigureDropZone number={number} busy={busy} onFiles={(files) => void figures.importFiles(number, files)} />;
});
