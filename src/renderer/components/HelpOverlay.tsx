/** The keyboard shortcuts, as they are on this platform. */
import { useShell } from '../shell/appContext';
import { comboLabel, SHORTCUTS } from '../model/shortcuts';
import { Modal } from '../layout/Modal';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { platform } = useShell();
  return (
    <Modal title="Keyboard shortcuts" testId="help-overlay" onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <th scope="row">{shortcut.description}</th>
              <td>
                {shortcut.combos.map((combo, i) => (
                  <span key={i}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{comboLabel(combo, platform)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Undo / redo in an answer</th>
            <td>
              <kbd>{comboLabel({ mod: true, key: 'z' }, platform)}</kbd>
              <span className="muted"> / </span>
              <kbd>{comboLabel({ mod: true, shift: true, key: 'z' }, platform)}</kbd>
            </td>
          </tr>
          <tr>
            <th scope="row">Leave an answer (to the next control)</th>
            <td>
              <kbd>Tab</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        Edits are saved a moment after you stop typing, when you leave an answer, and on quit.
      </p>
      <div className="button-row end">
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
