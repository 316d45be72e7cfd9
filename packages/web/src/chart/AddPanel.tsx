// "Add ..." on a chart card: a button that opens the form in place (keyboard focus moves into it)
// and closes it again; the form calls done() once saved.
import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import { Button } from '../ui/Button';

export interface AddPanelProps {
  readonly label: string;
  /** The form; it calls done() once saved, or to cancel. */
  readonly form: ComponentType<{ readonly done: () => void }>;
}

export function AddPanel({ label, form: Form }: AddPanelProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <div className="add-panel">
      {!open && (
        <Button ref={opener} size="sm" aria-expanded={false} aria-controls={id} onClick={() => setOpen(true)}>
          <span aria-hidden="true">+</span> {label}
        </Button>
      )}
      {open && (
        <div className="add-panel-body" id={id} ref={panel}>
          <Form done={close} />
        </div>
      )}
    </div>
  );
}
