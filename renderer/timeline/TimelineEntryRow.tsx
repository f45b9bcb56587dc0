// One entry row of the virtualized timeline. Memoized: it re-renders only when
// its own entry snapshot, selection, edit state or the display zone changes.
import { memo, type CSSProperties } from 'react';
import { createRow, flexRender, type Table } from '@tanstack/react-table';
import type { Instant } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';
import type { EntryRow } from './entryRow';
import { renderEntryMarkdown } from './entryMarkdown';
import { EntryEditor } from './EntryEditor';
import { EntryHistory } from './EntryHistory';

export interface EntryRowActions {
  select(id: string): void;
  startEdit(id: string): void;
  stopEdit(): void;
  toggleKey(entry: EntryRow): void;
  retract(id: string): void;
}

interface Props {
  entry: EntryRow;
  index: number;
  start: number;
  selected: boolean;
  editing: boolean;
  canWrite: boolean;
  zone: string;
  /** Not read here (cells take it from the table meta) but a prop so memo re-renders T+ when it changes. */
  origin: Instant | null;
  table: Table<EntryRow>;
  actions: EntryRowActions;
  measure: (node: HTMLElement | null) => void;
}

export const TimelineEntryRow = memo(function TimelineEntryRow({ entry, index, start, selected, editing, canWrite, zone, table, actions, measure }: Props) {
  // Rows are built only for what is on screen: TanStack's core row model over 100k entries costs seconds.
  const row = createRow(table, entry.id, entry, index, 0);
  const cells = row.getVisibleCells();
  const retracted = entry.retraction !== null;
  const className = ['tl-row', 'tl-entry', entry.key ? 'tl-key' : '', retracted ? 'tl-retracted' : '', selected ? 'tl-selected' : ''].join(' ');
  const style: CSSProperties = { transform: `translateY(${start}px)` };

  return (
    <div
      ref={measure}
      data-index={index}
      id={`tl-row-${entry.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      style={style}
      onClick={() => actions.select(entry.id)}
      onDoubleClick={() => canWrite && !retracted && actions.startEdit(entry.id)}
    >
      {cells.map((cell) =>
        cell.column.id === 'text' ? (
          <div role="gridcell" key={cell.id} className="tl-cell tl-cell-text">
            {editing ? (
              <EntryEditor entry={entry} zone={zone} onDone={actions.stopEdit} />
            ) : (
              <EntryText entry={entry} zone={zone} canWrite={canWrite} actions={actions} />
            )}
          </div>
        ) : (
          <div role="gridcell" key={cell.id} className={`tl-cell tl-cell-${cell.column.id}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ),
      )}
    </div>
  );
});

function EntryText({ entry, zone, canWrite, actions }: { entry: EntryRow; zone: string; canWrite: boolean; actions: EntryRowActions }) {
  const retraction = entry.retraction;
  return (
    <>
      <div className="tl-text-line">
        {entry.key && <span className="tl-key-mark" aria-label="key event" title="Key event">★</span>}
        <div className="tl-markdown" dangerouslySetInnerHTML={{ __html: renderEntryMarkdown(entry.text) }} />
        {/* A retracted entry is frozen (the model refuses edits), so it offers no actions. */}
        {canWrite && !retraction && (
          <span className="tl-actions">
            <button type="button" className="tl-action" onClick={(e) => (e.stopPropagation(), actions.toggleKey(entry))}>
              {entry.key ? 'Unmark key event' : 'Mark as key event'}
            </button>
            <button type="button" className="tl-action" onClick={(e) => (e.stopPropagation(), actions.startEdit(entry.id))}>
              Edit
            </button>
            <button type="button" className="tl-action" onClick={(e) => (e.stopPropagation(), actions.retract(entry.id))}>
              Retract
            </button>
          </span>
        )}
      </div>
      {retraction && (
        <div className="tl-retraction">
          Retracted by {retraction.by} at {formatDateTime(retraction.at, zone)}: {retraction.reason}
        </div>
      )}
      {(entry.history.length > 0 || entry.provenance) && <EntryHistory history={entry.history} zone={zone} provenance={entry.provenance} />}
    </>
  );
}
