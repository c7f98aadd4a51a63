/** A short message at the bottom of the window that goes away by itself. */
import { useEffect } from 'react';

export function Notice({ text, onDone }: { text: string; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, 5000);
    return () => clearTimeout(timer);
  }, [onDone]);
  return (
    <div className="notice" role="status" data-testid="notice">
      <span>{text}</span>
      <button type="button" className="link-button" onClick={onDone} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
