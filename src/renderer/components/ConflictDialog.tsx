/**
 * The file changed on disk while there were unsaved edits here (or a save found it changed).
 * Never resolved silently: the student keeps their text or takes the disk's.
 */
import { memo, useMemo } from 'react';
import { parseReport } from '../../core/parseReport';
import { sameAnswer } from '../model/answerText';
import { useStore } from '../state/store';
import type { ReportSession } from '../state/reportSession';
import { Modal } from './Modal';

export const ConflictDialog = memo(function ConflictDialog({ session }: { session: ReportSession }) {
  const conflict = useStore(session.store, (s) => s.conflict);
  const differing = useMemo(() => {
    if (!conflict) return [];
    const disk = parseReport(conflict.diskText);
    const mine = parseReport(session.text);
    const numbers = new Set([...disk.questions, ...mine.questions].map((q) => q.number));
    return [...numbers]
      .sort((a, b) => a - b)
      .filter((n) => {
        const a = disk.questions.find((q) => q.number === n);
        const b = mine.questions.find((q) => q.number === n);
        return !a || !b || !sameAnswer(a.answer, b.answer);
      });
  }, [conflict, session]);
  if (!conflict) return null;
  const file = session.report.relativePath;
  return (
    <Modal
      title="The report changed on disk"
      testId="conflict-dialog"
      onClose={() => undefined}
      dismissible={false}
      role="alertdialog"
    >
      {/* Both choices drop one version, so neither is the default: the focus starts on the question
          and Enter does nothing until a button is chosen. */}
      <p tabIndex={-1} data-autofocus data-testid="conflict-question">
        {conflict.cause === 'external'
          ? `Another program changed ${file} while you have unsaved edits here.`
          : `${file} was changed by another program since it was loaded, so your edits were not saved yet.`}{' '}
        Which version do you want to keep?
      </p>
      {differing.length > 0 && (
        <p className="muted">
          The two versions differ in {differing.length === 1 ? 'question' : 'questions'} {differing.join(', ')}.
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => void session.keepMine()}>
          Keep mine
        </button>
        <button type="button" onClick={() => session.takeDisk()}>
          Take the disk version
        </button>
      </div>
      <p className="muted small">
        &ldquo;Keep mine&rdquo; writes the text shown here over the file. &ldquo;Take the disk version&rdquo; loads the
        file and drops your unsaved edits.
      </p>
    </Modal>
  );
});
