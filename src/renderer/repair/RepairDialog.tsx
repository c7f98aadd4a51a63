/**
 * The Repair view in a dialog, on the open report. The text it examines is the document (open it
 * after `session.flush()`, so that typing is part of it); a repair goes through the session like
 * any edit: the editors reload it, and it is saved atomically, a change on disk meanwhile becoming
 * a conflict.
 */
import { useMemo, useState } from 'react';
import { serializeReport } from '../../core/reportModel';
import { Modal } from '../layout/Modal';
import type { ReportSession, SaveOutcome } from '../state/reportSession';
import { useStore } from '../document/store';
import { RepairView } from './RepairView';

const OUTCOME_TEXT: Partial<Record<SaveOutcome, string>> = {
  saved: 'Repaired and saved.',
  unchanged: 'Repaired; the file already held this text.',
  conflict: 'Repaired here, but the file changed on disk meanwhile at the same place: choose what to keep in the merge.',
  error: 'Repaired here, but saving failed: see the message above the form.',
};

export function RepairDialog({ session, onClose }: { session: ReportSession; onClose: () => void }) {
  const doc = useStore(session.store, (s) => s.doc);
  const text = useMemo(() => serializeReport(doc), [doc]);
  const [status, setStatus] = useState<string | null>(null);

  const apply = (newText: string) => {
    setStatus('Repairing and saving…');
    void session.replaceText(newText).then(
      (outcome) => setStatus(OUTCOME_TEXT[outcome] ?? null),
      () => setStatus(OUTCOME_TEXT.error ?? null),
    );
  };

  return (
    <Modal title="Repair the report" testId="repair-dialog" onClose={onClose} className="repair-dialog">
      <RepairView text={text} profile={session.report.profile} onApply={apply} showTitle={false} />
      <div className="button-row end repair-dialog__footer">
        {status && (
          <span className="repair-dialog__status" role="status" data-testid="repair-status">
            {status}
          </span>
        )}
        <button type="button" onClick={onClose} data-testid="repair-close">
          Close
        </button>
      </div>
    </Modal>
  );
}
