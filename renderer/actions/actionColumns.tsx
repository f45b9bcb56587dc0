// The Actions table's columns. Cells read the zone, clock and handlers from table meta so
// the column definitions stay one stable module-level array.
import { createColumnHelper } from '@tanstack/react-table';
import type { ActionItem } from '../../shared/model/coordinationTypes';
import type { Instant } from '../../shared/model/types';
import { countLabel } from '../app/countLabel';
import { dueLabel, dueState } from './dueDate';

export interface ActionTableMeta {
  zone: string;
  now: Instant;
  canWrite: boolean;
  onToggleDone: (action: ActionItem) => void;
  onEdit: (action: ActionItem) => void;
}

const column = createColumnHelper<ActionItem>();

function metaOf(table: { options: { meta?: unknown } }): ActionTableMeta {
  return table.options.meta as ActionTableMeta;
}

const DUE_NOTE: Record<string, string> = { overdue: ' (overdue)', soon: '', later: '', none: '' };

export const actionColumns = [
  column.accessor('text', {
    header: 'Action',
    cell: (info) => <span className={info.row.original.status === 'done' ? 'action-done-text' : undefined}>{info.getValue()}</span>,
  }),
  column.accessor('owner', { header: 'Owner', cell: (info) => info.getValue() || <span className="muted">unassigned</span> }),
  column.accessor('dueAt', {
    header: 'Due',
    cell: (info) => {
      const { zone, now } = metaOf(info.table);
      const action = info.row.original;
      const state = dueState(action.dueAt, now, action.status !== 'open');
      return (
        <span className={`mono action-due-${state}`}>
          {dueLabel(action.dueAt, zone)}
          {DUE_NOTE[state]}
        </span>
      );
    },
  }),
  column.accessor('priority', { header: 'Priority', cell: (info) => <span className={`action-priority action-${info.getValue().toLowerCase()}`}>{info.getValue()}</span> }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => {
      const { canWrite, onToggleDone } = metaOf(info.table);
      const action = info.row.original;
      const done = action.status === 'done';
      return (
        <label className="inline" title={done && action.doneBy ? `Done by ${action.doneBy}` : undefined}>
          <input type="checkbox" checked={done} disabled={!canWrite} onChange={() => onToggleDone(action)} aria-label={`Done: ${action.text}`} />
          {done ? `done${action.doneBy ? ` (${action.doneBy})` : ''}` : action.status === 'not-doing' ? `not doing: ${action.reason ?? ''}` : 'open'}
        </label>
      );
    },
  }),
  column.display({
    id: 'links',
    header: 'Links',
    cell: (info) => {
      const { entryIds, decisionIds } = info.row.original;
      const parts = [entryIds.length > 0 ? countLabel(entryIds.length, 'entry', 'entries') : '', decisionIds.length > 0 ? countLabel(decisionIds.length, 'decision', 'decisions') : ''].filter(Boolean);
      return parts.length > 0 ? parts.join(', ') : <span className="muted">—</span>;
    },
  }),
  column.display({
    id: 'edit',
    header: () => <span className="visually-hidden">Edit</span>,
    cell: (info) => {
      const { canWrite, onEdit } = metaOf(info.table);
      return canWrite ? (
        <button type="button" onClick={() => onEdit(info.row.original)} aria-label={`Edit action: ${info.row.original.text}`}>
          Edit
        </button>
      ) : null;
    },
  }),
];
