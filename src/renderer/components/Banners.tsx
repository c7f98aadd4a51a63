/** Persistent messages about the file: a failed save, a file deleted on disk, a merge left open. */
import { memo } from 'react';
import { MarkerConflicts } from './MarkerConflicts';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';

export const Banners = memo(function Banners({ session }: { session: ReportSession }) {
  const saveError = useStore(session.store, (s) => s.saveError);
  const removed = useStore(session.store, (s) => s.removedOnDisk);
  const readOnly = useStore(session.store, (s) => s.readOnly);
  const declinedReadOnly = readOnly !== null && !readOnly.asking;
  const mergeLeftOpen = useStore(session.store, (s) => s.conflict?.dismissed === true);
  const templateMarkers = useStore(session.store, (s) => s.markers.some((r) => r.insideAnswer === null && r.questions.length === 0));
  if (!saveError && !removed && !declinedReadOnly && !mergeLeftOpen && !templateMarkers) return null;
  return (
    <div className="banners">
      {mergeLeftOpen && (
        <div className="banner banner--error" role="alert" data-testid="merge-banner">
          <span>
            <strong>Not saved.</strong> {session.report.relativePath} changed on disk and the merge is not finished: your
            text is only here, the file keeps the version on disk.
          </span>
          <button type="button" onClick={() => session.merge.review()}>
            Merge…
          </button>
        </div>
      )}
      {templateMarkers && <MarkerConflicts session={session} number={null} />}
      {declinedReadOnly && (
        <div className="banner banner--error" role="alert" data-testid="read-only-banner">
          <span>
            <strong>Not saved.</strong> {session.report.relativePath} is read-only; your edits are only here.
          </span>
          <button type="button" onClick={() => void session.makeWritableAndSave()}>
            Make it writable and save
          </button>
        </div>
      )}
      {saveError && (
        <div className="banner banner--error" role="alert" data-testid="save-error">
          <span>
            <strong>Not saved.</strong> {saveError}
          </span>
          <button type="button" onClick={() => void session.save()}>
            Try again
          </button>
        </div>
      )}
      {removed && !saveError && (
        <div className="banner banner--warning" role="alert" data-testid="removed-banner">
          <span>
            <strong>{session.report.relativePath} was deleted or moved on disk.</strong> Your text is still here; saving
            writes the file again.
          </span>
          <button type="button" onClick={() => void session.save()}>
            Save it again
          </button>
        </div>
      )}
    </div>
  );
});
