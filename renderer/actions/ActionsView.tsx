// The Actions view: every follow-up as a table (text, owner, due, priority, status, links),
// with "New action", a done checkbox per row, and inline edit that opens under the row.
import { Fragment, useMemo, useState } from 'react';
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { setActionDone, updateAction } from '../../shared/model/actionCommands';
import type { ActionItem } from '../../shared/model/coordinationTypes';
import { FieldError } from '../app/FieldError';
import { useNowInstant } from '../app/clock';
import { useIncidentContext } from '../app/session';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { ActionForm, type ActionValues } from './ActionForm';
import { actionColumns, type ActionTableMeta } from './actionColumns';
import { openActionDraft } from './actionDraft';
import { commandFailure } from './commandFailure';
import { useActions } from './useActions';
import './actions.css';
import { DataTableHead } from '../app/DataTableHead';

const coreRowModel = getCoreRowModel<ActionItem>();
/** Overdue needs only minute precision: a per-minute "now" keeps the table meta, and so every cell, unchanged between ticks. */
const MINUTE_CHARS = 16;

export function ActionsView() {
  const { doc, author, canWrite } = useIncidentContext();
  const actions = useActions();
  const zone = useDisplayZone();
  const nowMinute = useNowInstant().slice(0, MINUTE_CHARS);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const meta = useMemo<ActionTableMeta>(
    () => ({
      zone,
      now: `${nowMinute}:00.000Z`,
      canWrite,
      onToggleDone: (action) => {
        try {
          setError(null);
          setActionDone(doc, { author }, action.id, action.status !== 'done');
        } catch (err) {
          setError(commandFailure(err).message);
        }
      },
      onEdit: (action) => setEditingId((id) => (id === action.id ? null : action.id)),
    }),
    [zone, nowMinute, canWrite, doc, author],
  );
  // The table is rebuilt from `actions` on every render anyway; nothing downstream memoizes on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: actions, columns: actionColumns, getCoreRowModel: coreRowModel, getRowId: (a) => a.id, meta });
  const open = actions.filter((a) => a.status === 'open').length;

  const save = (id: string) => (values: ActionValues) => {
    try {
      updateAction(doc, { author }, id, values);
      setEditingId(null);
      return null;
    } catch (err) {
      return commandFailure(err);
    }
  };

  return (
    <section className="actions-view" aria-label="Action items">
      <div className="row actions-toolbar">
        <h2>Action items</h2>
        <span className="muted">
          {open} open · {actions.length - open} done
        </span>
        <span className="grow" />
        {canWrite && (
          <button type="button" className="primary" onClick={() => openActionDraft({ text: '' })}>
            New action
          </button>
        )}
      </div>
      <FieldError message={error} />
      {actions.length === 0 ? (
        <p className="muted actions-empty">No action items yet. Add one here or type “/action …” in the quick-add bar.</p>
      ) : (
        <table className="data-table actions-table">
          <DataTableHead table={table} />
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr className={row.original.status === 'done' ? 'action-row-done' : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
                {editingId === row.id && (
                  <tr className="action-edit-row">
                    <td colSpan={row.getVisibleCells().length}>
                      <ActionForm initial={valuesOf(row.original)} zone={zone} submitLabel="Save" onSubmit={save(row.id)} onCancel={() => setEditingId(null)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function valuesOf(action: ActionItem): ActionValues {
  const { text, owner, dueAt, priority, entryIds, decisionIds } = action;
  return { text, owner, dueAt, priority, entryIds, decisionIds };
}
