/**
 * A modal dialog on the native <dialog> element: the browser traps focus, handles Escape and puts
 * it above everything. Rendering it opens it; unmounting closes it and focus returns where it was.
 * The first focus goes to the element marked `data-autofocus`: every dialog marks its safe choice,
 * so Enter never deletes, overwrites or drops anything.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalProps {
  readonly title: string;
  readonly testId: string;
  readonly onClose: () => void;
  /** False when the user must choose (Escape does nothing). */
  readonly dismissible?: boolean;
  readonly className?: string;
  readonly role?: 'dialog' | 'alertdialog';
  readonly children: ReactNode;
}

export function Modal({
  title,
  testId,
  onClose,
  dismissible = true,
  className,
  role = 'dialog',
  children,
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element, which may be a destructive button: the
      // element marked data-autofocus (the safe choice) takes the focus instead. (React's
      // autoFocus ran while the dialog was still closed, so it cannot do this.)
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      dialog?.close();
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      data-testid={testId}
      role={role}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (dismissible && event.target === ref.current) onClose();
      }}
    >
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
