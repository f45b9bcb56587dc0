// Inline editor for an entry's text and time. Enter saves (Shift+Enter adds a
// line), Esc cancels. A bad time is an inline error and the typed text stays.
import { useId, useState, type KeyboardEvent } from 'react';
import { CommandError, editEntry } from '../../shared/model/commands';
import { nowInstant } from '../../shared/time/instant';
import { useIncidentContext } from '../app/session';
import type { EntryRow } from './entryRow';
import { formatEditorTime, parseEntryTime } from './entryTime';
import { refusedWhileSyncing, STILL_LOADING } from './stillLoading';

export function EntryEditor({ entry, zone, onDone }: { entry: EntryRow; zone: string; onDone: () => void }) {
  const { doc, author, syncingEntryCount } = useIncidentContext();
  const initialTime = formatEditorTime(entry.occurredAt, zone);
  const [text, setText] = useState(entry.text);
  const [time, setTime] = useState(initialTime);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const save = () => {
    const patch: { text?: string; occurredAt?: string } = {};
    if (text.trim() === '') return setError('The entry text cannot be empty; retract the entry instead.');
    if (text !== entry.text) patch.text = text;
    if (time !== initialTime) {
      const parsed = parseEntryTime(time, { now: nowInstant(), zone });
      if (!parsed.ok) return setError(parsed.error);
      if (parsed.occurredAt !== entry.occurredAt) patch.occurredAt = parsed.occurredAt;
    }
    try {
      if (Object.keys(patch).length > 0) editEntry(doc, { author }, entry.id, patch);
      onDone();
    } catch (err) {
      // Behind a first screen this row is shown before its entry has arrived: keep the typed text.
      if (refusedWhileSyncing(err, syncingEntryCount)) return setError(STILL_LOADING);
      setError(err instanceof CommandError || err instanceof Error ? err.message : String(err));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    }
  };

  return (
    <div className="tl-editor" onKeyDown={onKeyDown} onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <input
        className="tl-editor-time"
        aria-label="Entry time"
        value={time}
        onChange={(e) => setTime(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      <textarea
        className="tl-editor-text"
        aria-label="Entry text"
        value={text}
        autoFocus
        rows={Math.min(6, text.split('\n').length + 1)}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={error ? errorId : undefined}
      />
      <div className="tl-editor-buttons">
        <button type="button" onClick={save}>Save</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
      {error && (
        <div id={errorId} role="alert" className="tl-error">
          {error}
        </div>
      )}
    </div>
  );
}
