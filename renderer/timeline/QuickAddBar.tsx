// The quick-add bar: one line of text becomes a timeline entry. A leading time
// backdates it, /kind sets the kind, ! marks a key event and #tag the workstream.
// A draft keeps one id until it is saved, so a retry after a failure is idempotent.
// "/decision …" and "/action …" open the full decision or action form instead, prefilled.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { addEntry } from '../../shared/model/commands';
import { newId } from '../../shared/model/ids';
import { nowInstant } from '../../shared/time/instant';
import { formatTime } from '../../shared/time/format';
import { parseQuickAdd } from '../../shared/time/quickAdd';
import { useIncidentContext } from '../app/session';
import { describeStoreError, useSyncState, waitForSaved } from '../client/syncState';
import { registerQuickAddInput } from './quickAddFocus';
import { openDecisionDraft } from '../decisions/decisionDraft';
import { openActionDraft } from '../actions/actionDraft';
import { useTypingPresence } from '../presence/presenceContext';

const PLACEHOLDER = 'Add entry: "14:25 text", "-10m …", "/decision …", "!" key event, "#workstream" — Enter adds';

export function QuickAddBar({ zone, onAdded }: { zone: string; onAdded: (id: string) => void }) {
  const { doc, author, canWrite } = useIncidentContext();
  const storeError = useSyncState((s) => s.storeError);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const draftId = useRef<string | null>(null);
  const errorId = useId();
  // Others in the room see "typing…" while this box has text.
  useTypingPresence(text.trim() !== '');

  const preview = useMemo(() => (text.trim() === '' ? null : parseQuickAdd(text, { now: nowInstant(), zone })), [text, zone]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const raw = text;
    if (raw.trim() === '') return;
    if (storeError) return setError(describeStoreError(storeError));
    const parsed = parseQuickAdd(raw, { now: nowInstant(), zone });
    if (!parsed.ok) return setError(parsed.error);
    // A decision or an action needs its full form; the dialog writes the timeline entry.
    if (parsed.kind === 'decision' || parsed.kind === 'action') {
      if (parsed.kind === 'decision') openDecisionDraft({ question: parsed.text });
      else openActionDraft({ text: parsed.text });
      setText('');
      setError(null);
      return;
    }
    const id = (draftId.current ??= newId());
    try {
      addEntry(doc, { author }, {
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
      {preview && preview.ok && <QuickAddPreview preview={preview} zone={zone} />}
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

function QuickAddPreview({ preview, zone }: { preview: ParsedDraft; zone: string }) {
  return (
    <output className="tl-chip" aria-label="Parsed entry">
      <span>{preview.occurredAt ? formatTime(preview.occurredAt, zone) : 'now'}</span>
      <span className={`tl-kind tl-kind-${preview.kind}`}>{preview.kind}</span>
      {preview.key && <span className="tl-chip-key">key</span>}
      {preview.workstream && <span>#{preview.workstream}</span>}
    </output>
  );
}
