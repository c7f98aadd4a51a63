/** Renaming a figure, and deleting the file after its last link was removed. */
import { useState } from 'react';
import { Modal } from '../layout/Modal';
import { fileNameOf, stemOf } from './figureText';

export interface RenameDialogProps {
  readonly target: string;
  /** Renames; rejects with the reason when the service refuses (the name is taken, say). */
  readonly onRename: (to: string) => Promise<void>;
  readonly onClose: () => void;
}

export function RenameDialog({ target, onRename, onClose }: RenameDialogProps) {
  const [name, setName] = useState(stemOf(target));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const extension = fileNameOf(target).slice(stemOf(target).length);

  return (
    <Modal title={`Rename ${fileNameOf(target)}`} testId="figure-rename-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '' || busy) return;
          setBusy(true);
          setError(null);
          onRename(name.trim()).then(onClose, (reason: unknown) => {
            setBusy(false);
            setError(reason instanceof Error ? reason.message : String(reason));
          });
        }}
      >
        <p>The file in figures/ is renamed and every link to it in the report follows.</p>
        <label className="figure-rename-field">
          <span>New name</span>
          <input
            type="text"
            value={name}
            data-autofocus
            spellCheck={false}
            data-testid="figure-rename-input"
            onChange={(event) => setName(event.target.value)}
          />
          <span className="figure-rename-extension">{extension}</span>
        </label>
        <p className="muted">Spaces and special characters become hyphens, so the link works on GitHub.</p>
        {error && (
          <p className="figure-dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="figure-rename-submit" disabled={busy}>
            Rename
          </button>
        </div>
      </form>
    </Modal>
  );
}

export interface DeleteDialogProps {
  readonly target: string;
  readonly onDelete: () => void;
  readonly onClose: () => void;
}

export function DeleteDialog({ target, onDelete, onClose }: DeleteDialogProps) {
  return (
    <Modal title="Delete the file too?" testId="figure-delete-dialog" role="alertdialog" onClose={onClose}>
      <p>
        Nothing in the report links <code>{target}</code> any more. Delete it from figures/, or keep it for later?
      </p>
      <div className="button-row end">
        {/* Keeping is the default: deleting cannot be undone (an untracked file is not even in git). */}
        <button type="button" className="primary" data-testid="figure-delete-keep" onClick={onClose} data-autofocus>
          Keep the file
        </button>
        <button
          type="button"
          className="danger"
          data-testid="figure-delete-confirm"
          onClick={() => {
            onDelete();
            onClose();
          }}
        >
          Delete the file
        </button>
      </div>
    </Modal>
  );
}
