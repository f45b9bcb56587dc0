// The quick-add bar: one line of text becomes a timeline entry. A leading time
// backdates it, /kind sets the kind, ! marks a key event and #tag the workstream.
// A draft keeps one id until it is saved, so a retry after a failure is idempotent.
// "/decision …" and "/action …" open the full decision or action form instead, prefilled.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { addEntry } from '../../shared/model/commands';
import { newId } from '../../shared/model/ids';
import { nowInstant } from '../../shared/time/instant';
import { incidentStart } from '../../shared/model/incidentStart';
import type { Instant } from '../../shared/model/types';
import { formatWhen, whenWarning } from '../../shared/time/format';
import { timeFormsHint } from '../../shared/time/leadingTime';
import { parseQuickAdd } from '../../shared/time/quickAdd';
import { useDateOrder } from '../app/settingsStore';
import { useIncidentContext } from '../app/session';
import { describeStoreError, useSyncState, waitForSaved } from '../client/syncState';
import { registerQuickAddInput } from './quickAddFocus';
import { openDecisionDraft } from '../decisions/decisionDraft';
import { openActionDraft } from '../actions/actionDraft';
import { useTypingPresence } from '../presence/presenceContext';
import { useIncidentMeta } from './incidentMetaStore';

const PLACEHOLDER = 'Add entry: "14:25 text", "0009 …", "14 May 00:09 …", "-10m …", "/decision …", "!" key, "#workstream" — Enter adds';

export function QuickAddBar({ zone, onAdded }: { zone: string; onAdded: (id: string) => void }) {
  const { doc, author, canWrite, incidentId, syncingEntryCount } = useIncidentContext();
  const storeError = useSyncState((s) => s.storeError);
  const dateOrder = useDateOrder();
  const incident = useIncidentMeta();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const draftId = useRef<string | null>(null);
  const errorId = useId();
  // Others in the room see "typing…" while this box has text.
  useTypingPresence(text.trim() !== '');

  const preview = useMemo(() => (text.trim() === '' ? null : parseQuickAdd(text, { now: nowInstant(), zone, dateOrder })), [text, zone, dateOrder]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const raw = text;
    if (raw.trim() === '') return;
    if (storeError) return setError(describeStoreError(storeError));
    const parsed = parseQuickAdd(raw, { now: nowInstant(), zone, dateOrder });
    if (!parsed.ok) return setError(parsed.error);
    // A decision or an action needs its full form; the dialog writes the timeline entry, at the
    // typed time and in the typed workstream.
    if (parsed.kind === 'decision' || parsed.kind === 'action') {
      const placement = { ...(parsed.occurredAt && { occurredAt: parsed.occurredAt }), workstream: parsed.workstream, key: parsed.key };
      if (parsed.kind === 'decision') openDecisionDraft({ question: parsed.text, placement });
      else openActionDraft({ text: parsed.text, placement });
      setText('');
      setError(null);
      return;
    }
    const id = (draftId.current ??= newId());
    try {
      // Behind a first screen the meta has not arrived yet; a new entry need not wait for it.
      addEntry(doc, { author, ...(syncingEntryCount != null && { syncingIncident: incidentId }) }, {
        id,
        occurredAt: parsed.occurredAt ?? undefined,
        kind: parsed.kind,
        text: parsed.text,
        workstream: parsed.workstream,
        key: parsed.key,
      });
    } catch (err) {
      return setError(err instanceof Error ? err.message : String(err));
    }
    // The next draft starts fresh; this one's id is remembered below in case it must be retried.
    draftId.current = null;
    setText('');
    setError(null);
    onAdded(id);
    const saved = await waitForSaved();
    if (saved !== 'saved') {
      setText((current) => (current === '' ? raw : current));
      draftId.current = id;
      setError(`Not saved: ${saved.error}`);
    }
  };

  return (
    <form className="tl-quickadd" onSubmit={submit}>
      <input
        ref={registerQuickAddInput}
        className="tl-quickadd-input"
        aria-label="Add timeline entry"
        placeholder={PLACEHOLDER}
        title={`Times: ${timeFormsHint(dateOrder)}`}
        value={text}
        disabled={!canWrite}
        autoComplete="off"
        spellCheck
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      {preview && preview.ok && <QuickAddPreview preview={preview} zone={zone} start={incident ? incidentStart(incident) : null} />}
      <button type="submit" disabled={!canWrite}>
        Add
      </button>
      {error && (
        <div id={errorId} role="alert" className="tl-error tl-quickadd-error">
          {error}
        </div>
      )}
    </form>
  );
}

type ParsedDraft = Extract<ReturnType<typeof parseQuickAdd>, { ok: true }>;

function QuickAddPreview({ preview, zone, start }: { preview: ParsedDraft; zone: string; start: Instant | null }) {
  const now = nowInstant();
  const warning = preview.occurredAt ? whenWarning(preview.occurredAt, now, start) : null;
  return (
    <output className="tl-chip" aria-label="Parsed entry">
      <span>{preview.occurredAt ? formatWhen(preview.occurredAt, zone, now) : 'now'}</span>
      <span className={`tl-kind tl-kind-${preview.kind}`}>{preview.kind}</span>
      {preview.key && <span className="tl-chip-key">key</span>}
      {preview.workstream && <span>#{preview.workstream}</span>}
      {warning && <span className="tl-chip-warning">{warning}</span>}
    </output>
  );
}
