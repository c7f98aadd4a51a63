/**
 * The file changed on disk while there were unsaved edits here, and the merge found answers both
 * sides changed. Only those are asked about, side by side; nothing is written until each has an
 * answer. "Cancel" keeps both texts: the local one stays in the editor (unsaved), the disk keeps
 * its own, and a banner offers the merge again. A clean merge only shows a quiet notice.
 */
import { memo, useEffect, useState } from 'react';
import { useShell } from '../shell/appContext';
import type { RegionChoice } from '../state/diskMerge';
import { useStore } from '../document/store';
import type { ReportSession } from '../state/reportSession';
import { ConflictChoice, type SideLabels } from './ConflictChoice';
import { Modal } from '../layout/Modal';

const LABELS: SideLabels = { mine: 'Mine (this editor)', theirs: 'Theirs (on disk now)', base: 'As last loaded or saved' };

export const ConflictDialog = memo(function ConflictDialog({ session }: { session: ReportSession }) {
  const conflict = useStore(session.store, (s) => s.conflict);
  const notice = useStore(session.store, (s) => s.mergeNotice);
  const shell = useShell();
  const [choices, setChoices] = useState<readonly (RegionChoice | null)[]>([]);

  useEffect(() => {
    if (notice) shell.showNotice(notice.text);
  }, [notice, shell]);
  // A new merge (another change on disk meanwhile) asks again from the start.
  useEffect(() => setChoices(conflict ? conflict.regions.map(() => null) : []), [conflict]);

  // `waiting`: the student is typing; it opens at the pause, so no key lands in it unseen.
  if (!conflict || conflict.dismissed || conflict.waiting) return null;
  const file = session.report.relativePath;
  const answered = choices.filter((c) => c !== null).length;
  const complete = choices.length === conflict.regions.length && answered === choices.length;
  const questions = [...new Set(conflict.regions.map((r) => r.insideAnswer ?? r.questions[0]).filter((n) => n != null))];
  return (
    <Modal
      title="The report changed on disk: merge"
      testId="conflict-dialog"
      onClose={() => session.merge.cancel()}
      className="merge-dialog"
      role="alertdialog"
    >
      <p>
        {conflict.cause === 'external'
          ? `Another program (a git pull, a groupmate's editor) changed ${file} while you have unsaved edits here.`
          : conflict.cause === 'kept'
            ? `Your edits that were not saved when ${file} was last closed in this browser are back, but the file changed meanwhile.`
            : `${file} was changed by another program since it was loaded, so your edits were not saved yet.`}{' '}
        Everything else is merged; {conflict.regions.length === 1 ? 'one place was' : `${conflict.regions.length} places were`}{' '}
        changed on both sides{questions.length > 0 ? ` (question ${questions.join(', ')})` : ''}. Choose what to keep in
        each: nothing is written until every one is answered.
      </p>
      <div className="merge-conflicts">
        {conflict.regions.map((region, i) => (
          <ConflictChoice
            key={`${conflict.merged.length}-${region.start}`}
            region={region}
            labels={LABELS}
            chosen={choices[i] ?? null}
            autoFocus={i === 0}
            testId={`merge-conflict-${i}`}
            onChoose={(choice) => setChoices((all) => all.map((c, j) => (j === i ? choice : c)))}
          />
        ))}
      </div>
      <div className="button-row">
        <button
          type="button"
          data-testid="merge-apply"
          disabled={!complete}
          onClick={() => void session.merge.resolve(choices as RegionChoice[])}
        >
          {complete ? 'Merge and save' : `Merge and save (${answered} of ${conflict.regions.length} answered)`}
        </button>
        <button type="button" data-testid="merge-cancel" onClick={() => session.merge.cancel()}>
          Cancel
        </button>
      </div>
      <p className="muted small">
        &ldquo;Cancel&rdquo; writes nothing: your text stays here unsaved and the file keeps the version on disk; the
        banner above the form offers this merge again.
      </p>
    </Modal>
  );
});
