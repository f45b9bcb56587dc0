// A modal built on the native <dialog>: focus trapping, Escape and the backdrop come
// from the browser, and it is announced as a dialog with its title as the name.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Called on Escape; omit to make the dialog impossible to dismiss. */
  onCancel?: () => void;
  /** Room for a long text (a briefing): wider than a form dialog. */
  wide?: boolean;
  children: ReactNode;
}

export function Dialog({ title, onCancel, wide = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** A dialog form's closing row: Cancel, then the primary submit button. */
export function DialogActions({ onCancel, submitLabel, disabled = false }: { onCancel: () => void; submitLabel: string; disabled?: boolean }) {
  return (
    <div className="row end">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}
