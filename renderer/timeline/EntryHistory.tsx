// The "History" disclosure under an edited or imported entry: where it came from, then every
// previous value, who changed it and when.
import type { EntryEdit, Provenance } from '../../shared/model/types';
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

export function EntryHistory({ history, zone, provenance }: { history: readonly EntryEdit[]; zone: string; provenance?: Provenance | undefined }) {
  return (
    <details className="tl-history" onClick={(e) => e.stopPropagation()}>
      <summary>History ({history.length + (provenance ? 1 : 0)})</summary>
      <ol>
        {provenance && (
          <li>
            Imported from {provenance.source}, line {provenance.line}: <code className="tl-history-prev">{provenance.original}</code>
          </li>
        )}
        {history.map((edit, i) => (
          <li key={i}>
            {edit.by} changed {FIELD_LABELS[edit.field]} at {formatDateTime(edit.at, zone)}; was: <span className="tl-history-prev">{previousValue(edit, zone)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
