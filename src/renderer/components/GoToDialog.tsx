/** "Go to question N". */
import { useId, useState } from 'react';
import { Modal } from '../layout/Modal';

export interface GoToDialogProps {
  readonly numbers: readonly number[];
  readonly onGo: (number: number) => void;
  readonly onClose: () => void;
}

export function GoToDialog({ numbers, onGo, onClose }: GoToDialogProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const max = numbers.length > 0 ? Math.max(...numbers) : 0;
  return (
    <Modal title="Go to question" testId="goto-dialog" onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const n = Number(value);
          if (!Number.isInteger(n) || !numbers.includes(n)) {
            setError(`There is no question ${value.trim() || '?'}; the report has questions 1–${max}.`);
            return;
          }
          onGo(n);
        }}
      >
        <label htmlFor={id}>Question number</label>
        <div className="path-form-row">
          <input
            id={id}
            data-testid="goto-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={value}
            data-autofocus
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="primary">
            Go
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
