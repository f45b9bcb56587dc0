// The Handoff action: pick the role and the incoming person, prepare the briefing, edit it (it
// ends in "What I'm worried about" for the outgoing person to write), copy it as Markdown, and
// record the handoff (which reassigns the role and logs it). The draft is generated once per
// "Prepare briefing", from the doc as it is at that moment.
import { useId, useState, type FormEvent } from 'react';
import { handOff } from '../../shared/model/roles';
import { handoffBriefingFor } from '../../shared/handoff/briefingFromDoc';
import { finishedHandoffBriefing, handoffBriefingDraft } from '../../shared/handoff/handoffBriefing';
import { nowInstant } from '../../shared/time/instant';
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { postmortemHtml } from '../incident/postmortemHtml';
import type { RoleRow } from './roleBoard';

/** How long "Copied" stays before the button reads "Copy as Markdown" again. */
const COPIED_MESSAGE_MS = 4_000;

interface HandoffDialogProps {
  rows: RoleRow[];
  people: string[];
  zone: string;
  initialRole: string;
  onClose: () => void;
}

export function HandoffDialog({ rows, people, zone, initialRole, onClose }: HandoffDialogProps) {
  const { doc, author, canWrite } = useIncidentContext();
  const held = rows.filter((r) => r.holder !== '');
  const [role, setRole] = useState(held.some((r) => r.role === initialRole) ? initialRole : (held[0]?.role ?? ''));
  const [to, setTo] = useState('');
  const [briefing, setBriefing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copyMessage, setCopyMessage] = useState<string | null>(null);
  const listId = useId();
  // A fresh draft opens at its end: the worry section is what the outgoing person writes next.
  const openDraftAtEnd = (box: HTMLTextAreaElement | null) => {
    if (!box || box.dataset.opened === 'yes') return;
    box.dataset.opened = 'yes';
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    box.scrollTop = box.scrollHeight;
  };
  const holder = held.find((r) => r.role === role)?.holder ?? '';

  const prepare = (event: FormEvent) => {
    event.preventDefault();
    if (to.trim() === '') return setError('Say who is taking over.');
    if (to.trim() === holder) return setError(`${holder} already holds ${role}. Pick the person taking over.`);
    setError(null);
    const generated = handoffBriefingFor(doc, { role, to: to.trim(), now: nowInstant(), zone });
    setBriefing(generated === null ? null : handoffBriefingDraft(generated));
  };

  const copy = async () => {
    if (briefing === null) return;
    try {
      await navigator.clipboard.writeText(finishedHandoffBriefing(briefing));
      setCopyMessage('Copied the briefing as Markdown.');
    } catch (e) {
      setCopyMessage(`Could not copy: ${(e as Error).message}. Select the text below and copy it by hand.`);
    }
    setTimeout(() => setCopyMessage(null), COPIED_MESSAGE_MS);
  };

  const record = () => {
    if (briefing === null) return;
    try {
      handOff(doc, { author }, { role, to: to.trim(), briefing: finishedHandoffBriefing(briefing) });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (held.length === 0) {
    return (
      <Dialog title="Handoff" onCancel={onClose}>
        <p>Nobody holds a role yet. Assign one first; a handoff passes a held role to someone else.</p>
        <div className="row end">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Handoff" onCancel={onClose} wide>
      <form className="stack roles-handoff" onSubmit={prepare}>
        <div className="stack">
          <label className="field">
            <span>Role</span>
            <select value={role} onChange={(e) => (setRole(e.target.value), setBriefing(null))}>
              {held.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.role} — {r.holder}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Incoming person</span>
            <input
              value={to}
              list={listId}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              onChange={(e) => (setTo(e.target.value), setBriefing(null))}
            />
          </label>
          <datalist id={listId}>
            {people.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <div className="row">
            <button type="submit" className={briefing === null ? 'primary' : undefined}>
              {briefing === null ? 'Prepare briefing' : 'Prepare again (drops your edits)'}
            </button>
          </div>
        </div>
        <FieldError message={error} />
      </form>
      {briefing !== null && (
        <div className="stack">
          <label className="field">
            <span>Handoff briefing (Markdown; edit it, and write what you are worried about at the end)</span>
            <textarea ref={openDraftAtEnd} className="roles-briefing-text" rows={14} value={briefing} onChange={(e) => setBriefing(e.target.value)} />
          </label>
          <details className="roles-briefing-preview">
            <summary>Preview</summary>
            <article className="markdown-preview roles-briefing" aria-label="Handoff briefing" dangerouslySetInnerHTML={{ __html: postmortemHtml(finishedHandoffBriefing(briefing)) }} />
          </details>
          {copyMessage && (
            <p className="muted" role="status">
              {copyMessage}
            </p>
          )}
        </div>
      )}
      <div className="row end">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" disabled={briefing === null} onClick={() => void copy()}>
          Copy as Markdown
        </button>
        <button type="button" className="primary" disabled={briefing === null || !canWrite} onClick={record}>
          Record handoff
        </button>
      </div>
    </Dialog>
  );
}
