/** Typing a path: the browser host has no folder picker, and a dropped folder's path is unknown there. */
import { useId, useState } from 'react';
import { useShell } from '../appContext';

export function PathForm({
  initial = '',
  autoFocus = false,
  label,
}: {
  initial?: string;
  autoFocus?: boolean;
  label?: string;
}) {
  const shell = useShell();
  const [path, setPath] = useState(initial);
  const id = useId();
  return (
    <form
      className="path-form"
      data-testid="path-form"
      onSubmit={(event) => {
        event.preventDefault();
        void shell.openPath(path);
      }}
    >
      <label htmlFor={id}>{label ?? 'Path of a repo folder, its reports/ folder, or the report file'}</label>
      <div className="path-form-row">
        <input
          id={id}
          data-testid="path-input"
          type="text"
          value={path}
          spellCheck={false}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={shell.platform === 'win32' ? 'C:\\Users\\me\\my-mlops-project' : '/home/me/my-mlops-project'}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" className="primary" disabled={path.trim() === ''}>
          Open
        </button>
      </div>
    </form>
  );
}
