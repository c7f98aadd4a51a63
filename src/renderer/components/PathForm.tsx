/**
 * Typing a path, with the host completing folder names as you type: the browser host has no folder
 * picker, and a dropped folder's path is unknown there. An ARIA combobox: ↑/↓ pick a folder, Enter
 * (or a click) takes it and lists its sub-folders, Enter again opens what is typed, Escape closes
 * the list.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { FolderEntry } from '../../api/contract';
import { useShell } from '../shell/appContext';
import { usePathCompletion } from './usePathCompletion';

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
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-folders`;
  const hintId = `${id}-hint`;
  const separator = shell.platform === 'win32' ? '\\' : '/';
  // Nothing is listed for an empty field: Escape there still closes the dialog around it at once.
  const { listing, refresh } = usePathCompletion(shell.api, path, focused && path.trim() !== '');
  const entries = listing?.entries ?? [];
  const open = focused && !dismissed && path.trim() !== '' && entries.length > 0;

  const change = (next: string) => {
    setPath(next);
    setActive(-1);
    setDismissed(false);
  };

  const take = (entry: FolderEntry) => {
    const next = `${entry.path}${separator}`;
    change(next);
    refresh(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!focused || entries.length === 0) return;
      event.preventDefault();
      setDismissed(false);
      const count = entries.length;
      setActive((current) =>
        event.key === 'ArrowDown' ? (current + 1) % count : current <= 0 ? count - 1 : current - 1,
      );
      return;
    }
    if (event.key === 'Enter' && open && active >= 0 && active < entries.length) {
      event.preventDefault();
      take(entries[active]);
      return;
    }
    if (event.key === 'Escape' && open) {
      // Closes the list only, not the dialog around the field.
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
      setActive(-1);
    }
  };

  const activeEntry = open && active >= 0 && active < entries.length ? entries[active] : null;
  const optionId = (index: number) => `${id}-folder-${index}`;
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
        <div className="path-combobox">
          <input
            id={id}
            data-testid="path-input"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeEntry ? optionId(active) : undefined}
            aria-describedby={hintId}
            value={path}
            spellCheck={false}
            autoComplete="off"
            autoFocus={autoFocus}
            placeholder={shell.platform === 'win32' ? 'C:\\Users\\me\\my-mlops-project' : '/home/me/my-mlops-project'}
            onChange={(event) => change(event.target.value)}
            onKeyDown={onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Folders"
            className="path-options"
            data-testid="path-options"
            hidden={!open}
          >
            {open &&
              entries.map((entry, index) => (
                <li
                  key={entry.path}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`path-option${entry.hidden ? ' path-option--hidden' : ''}`}
                  data-testid="path-option"
                  // Keeps the focus in the field, so typing goes on after a click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => take(entry)}
                >
                  {entry.name}
                </li>
              ))}
            {open && listing?.truncated && (
              <li role="presentation" className="path-option-more muted">
                Not every folder is listed: type more of the name, or all of it
              </li>
            )}
          </ul>
        </div>
        <button type="submit" className="primary" disabled={path.trim() === ''}>
          Open
        </button>
      </div>
      <p id={hintId} className="muted small path-hint" aria-live="polite" data-testid="path-hint">
        {focused && path.trim() !== '' && listing?.problem
          ? listing.problem
          : 'Matching folders are listed as you type (~ is your home folder): ↑/↓ to choose, Enter to take one, Enter again to open.'}
      </p>
    </form>
  );
}
