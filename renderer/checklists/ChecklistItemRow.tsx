// One checklist item: a tick (click or Space toggles done), the state menu for in progress,
// skip and block (skip and block ask for a reason inline), owner role, assignee, the Confirm
// button for a second person, and the item's full history. A done item still waiting for its
// second person shows half-ticked with an "awaiting confirmation" tag, never plain green.
import { useId, useState, type FormEvent } from 'react';
import { assignItem, confirmItem, setItemState } from '../../shared/model/checklists';
import type { Checklist, ChecklistItem, ChecklistItemState } from '../../shared/model/coordinationTypes';
import { formatDateTime } from '../../shared/time/format';
import { isCanonicalInstant } from '../../shared/time/instant';
import { useIncidentContext } from '../app/session';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { canConfirm, historyText, itemLook, itemStatusText, needsReason, STATE_CHOICES, toggledState } from './itemView';


function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function ChecklistItemRow({ checklist, item }: { checklist: Checklist; item: ChecklistItem }) {
  const { doc, author, canWrite } = useIncidentContext();
  const zone = useDisplayZone();
  const [pending, setPending] = useState<ChecklistItemState | null>(null);
  const [reason, setReason] = useState('');
  // A draft only while typing, so an assignment made by someone else shows up at once.
  const [draft, setDraft] = useState<string | null>(null);
  const assignee = draft ?? item.assignee ?? '';
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const ctx = { author };

  const attempt = (write: () => void): boolean => {
    try {
      write();
      setError(null);
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };

  const choose = (state: ChecklistItemState) => {
    if (needsReason(state)) {
      setPending(state);
      setError(null);
      return;
    }
    setPending(null);
    attempt(() => setItemState(doc, ctx, checklist.id, item.id, state));
  };

  const submitReason = (e: FormEvent) => {
    e.preventDefault();
    // The command refuses an empty reason with the sentence to show; the typed text stays.
    if (pending && attempt(() => setItemState(doc, ctx, checklist.id, item.id, pending, reason))) {
      setPending(null);
      setReason('');
    }
  };

  const commitAssignee = () => {
    if (draft === null) return;
    if (attempt(() => assignItem(doc, ctx, checklist.id, item.id, draft))) setDraft(null);
  };

  const status = itemStatusText(item);
  const look = itemLook(item);
  return (
    <li className={`cl-item cl-state-${look}`}>
      <div className="row wrap">
        <input
          type="checkbox"
          className="cl-tick"
          aria-label={`Done: ${item.text}`}
          checked={item.state === 'done'}
          ref={(box) => {
            if (box) box.indeterminate = look === 'awaiting';
          }}
          disabled={!canWrite}
          onChange={() => choose(toggledState(item))}
        />
        <select
          aria-label={`State of “${item.text}”`}
          value={pending ?? item.state}
          disabled={!canWrite}
          onChange={(e) => choose(e.target.value as ChecklistItemState)}
        >
          {STATE_CHOICES.map((c) => (
            <option key={c.state} value={c.state}>
              {c.label}
            </option>
          ))}
        </select>
        <span className="cl-text grow">
          {item.text}
          {look === 'awaiting' ? (
            <span className="tag cl-awaiting-tag">awaiting confirmation</span>
          ) : (
            item.needsConfirm && <span className="tag">needs second person</span>
          )}
          {item.ownerRole && <span className="tag cl-owner">{item.ownerRole}</span>}
        </span>
        <input
          className="cl-assignee"
          value={assignee}
          placeholder="Assignee"
          aria-label={`Assignee for “${item.text}”`}
          disabled={!canWrite}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitAssignee}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitAssignee();
          }}
        />
        {canWrite && canConfirm(item, author) && (
          <button type="button" className="primary" onClick={() => attempt(() => confirmItem(doc, ctx, checklist.id, item.id))}>
            Confirm
          </button>
        )}
      </div>
      {status && <div className={`cl-status${item.state === 'blocked' ? ' cl-blocked' : ''}`}>{status}</div>}
      {pending && (
        <form className="row wrap cl-reason" onSubmit={submitReason}>
          <input
            className="grow"
            autoFocus
            value={reason}
            aria-label={pending === 'skipped' ? `Why skip “${item.text}”` : `Why is “${item.text}” blocked`}
            placeholder={pending === 'skipped' ? 'Why is it skipped?' : 'What blocks it?'}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
          <button type="submit">{pending === 'skipped' ? 'Skip' : 'Block'}</button>
          <button
            type="button"
            onClick={() => {
              setPending(null);
              setError(null);
            }}
          >
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
      {item.history.length > 0 && (
        <details className="cl-history">
          <summary>History ({item.history.length})</summary>
          <ol>
            {item.history.map((event, i) => (
              <li key={i}>
                <span className="mono muted">{isCanonicalInstant(event.at) ? formatDateTime(event.at, zone) : event.at}</span> {historyText(event)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}
