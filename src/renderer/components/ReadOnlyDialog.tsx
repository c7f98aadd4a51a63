/**
 * The report is read-only (its write bits are off): the save wrote nothing. As an editor would, the
 * app asks before changing that — never silently, also when it runs as root and could write anyway.
 */
import { memo } from 'react';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { Modal } from '../layout/Modal';

export const ReadOnlyDialog = memo(function ReadOnlyDialog({ session }: { session: ReportSession }) {
  const notice = useStore(session.store, (s) => s.readOnly);
  if (!notice?.asking) return null;
  const file = session.report.relativePath;
  return (
    <Modal title="This file is read-only" testId="read-only-dialog" onClose={() => session.keepReadOnly()} role="alertdialog">
      <p>
        {file} is read-only, so your edits were not saved. They are still here. Make the file writable (as{' '}
        <code>chmod u+w</code> does) and save?
      </p>
      <div className="button-row">
        {/* Writing over a file someone made read-only is not the default: Cancel keeps everything as it is. */}
        <button type="button" onClick={() => void session.makeWritableAndSave()}>
          Make it writable and save
        </button>
        <button type="button" className="primary" onClick={() => session.keepReadOnly()} data-autofocus>
          Cancel
        </button>
      </div>
      <p className="muted small">Cancel keeps your edits here, unsaved; the banner above the report lets you decide later.</p>
    </Modal>
  );
});
