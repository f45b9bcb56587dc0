// The "History" disclosure under an edited entry: every previous value, who changed it and when.
import type { EntryEdit } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';

const FIELD_LABELS: Record<EntryEdit['field'], string> = {
  text: 'text',
  occurredAt: 'time',
  kind: 'kind',
  workstream: 'workstream',
  key: 'key event',
};

function previousValue(edit: EntryEdit, zone: string): string {
  if (edit.field === 'occurredAt' && typeof edit.previous === 'string') return formatDateTime(edit.previous, zone);
  if (typeof edit.previous === 'boolean') return edit.previous ? 'yes' : 'no';
  return edit.previous === '' ? '(none)' : edit.previous;
}

export function EntryHistory({ history, zone }: { history: readonly EntryEdit[]; zone: string }) {
  return (
    <details className="tl-history" onClick={(e) => e.stopPropagation()}>
      <summary>History ({history.length})</summary>
      <ol>
        {history.map((edit, i) => (
          <li key={i}>
            {edit.by} changed {FIELD_LABELS[edit.field]} at {formatDateTime(edit.at, zone)}; was: <span className="tl-history-prev">{previousValue(edit, zone)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
