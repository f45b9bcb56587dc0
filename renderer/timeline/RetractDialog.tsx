// Retracting needs a reason: nothing is deleted, and the record says who took it back and why.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { retractEntry } from '../../shared/model/commands';
import { useIncidentContext } from '../app/session';
import { refusedWhileSyncing, STILL_LOADING } from './stillLoading';

export function RetractDialog({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const { doc, author, syncingEntryCount } = useIncidentContext();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    return () => node?.close();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return setError('Give a reason: a retracted entry stays in the record with why it was taken back.');
    try {
      retractEntry(doc, { author }, entryId, reason.trim());
      onClose();
    } catch (err) {
      setError(refusedWhileSyncing(err, syncingEntryCount) ? STILL_LOADING : err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <dialog ref={dialog} className="tl-dialog" aria-label="Retract entry" onCancel={onClose} onKeyDown={(e) => e.stopPropagation()}>
      <form onSubmit={submit}>
        <h2 className="tl-dialog-title">Retract entry</h2>
        <label className="tl-field">
          <span>Reason for retracting</span>
          <textarea
            value={reason}
            autoFocus
            rows={3}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
          />
        </label>
        {error && (
          <div id={errorId} role="alert" className="tl-error">
            {error}
          </div>
        )}
        <div className="tl-dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="tl-danger">Retract</button>
        </div>
      </form>
    </dialog>
  );
}
