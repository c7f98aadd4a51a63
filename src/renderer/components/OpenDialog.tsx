/** Open, where there is no native picker (browser host) or after a drop whose path is unknown. */
import { useShell } from '../shell/appContext';
import { Modal } from '../layout/Modal';
import { PathForm } from './PathForm';
import { RecentList } from './RecentList';

export function OpenDialog({ onClose }: { onClose: () => void }) {
  const shell = useShell();
  return (
    <Modal title="Open a report" testId="open-dialog" onClose={onClose} className="modal--wide">
      <PathForm autoFocus />
      <h3 className="subheading">Recent</h3>
      <RecentList recent={shell.recent} />
      <div className="button-row end">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
