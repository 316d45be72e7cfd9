// A modal dialog on the native <dialog>: the browser traps focus, makes the page behind it inert
// and restores focus when it closes. `dismissible={false}` ignores Escape (a sign-in that must
// happen before the page can be used again).
import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  readonly open: boolean;
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly onClose?: () => void;
  readonly dismissible?: boolean;
  readonly children: ReactNode;
  readonly labelledBy: string;
}

export function Dialog({ open, title, description, onClose, dismissible = true, children, labelledBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose?.();
      }}
    >
      <div className="dialog-body">
        <h2 id={labelledBy} className="dialog-title">
          {title}
        </h2>
        {description && <div className="dialog-description">{description}</div>}
        {children}
      </div>
    </dialog>
  );
}
