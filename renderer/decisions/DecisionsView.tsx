// The decision log: a table of every decision, a "New decision" button, and the detail
// panel for the selected one (edit while proposed, decide, replace, review the outcome).
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useState } from 'react';
import { useIncidentContext } from '../app/session';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { decisionColumns } from './decisionColumns';
import type { DecisionDraftMode } from './decisionDraft';
import { selectDecision, useDecisionFocus } from './decisionFocus';
import { DecisionDetail } from './DecisionDetail';
import { NewDecisionDialog } from './DecisionDraftDialog';
import { useDecisions } from './useDecisions';
import './decisions.css';
import { DataTableHead } from '../app/DataTableHead';

const coreRowModel = getCoreRowModel<import('../../shared/model/coordinationTypes').Decision>();

export function DecisionsView() {
  const { doc, canWrite } = useIncidentContext();
  const decisions = useDecisions(doc);
  const zone = useDisplayZone();
  const selectedId = useDecisionFocus((s) => s.selectedId);
  const [creating, setCreating] = useState<DecisionDraftMode | null>(null);
  // The table instance stays inside this component (never passed to memoized children), so skipping memoization is safe.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: decisions, columns: decisionColumns, getCoreRowModel: coreRowModel, getRowId: (d) => d.id, meta: { zone } });
  const selected = decisions.find((d) => d.id === selectedId) ?? null;

  return (
    <section className="dc-view" aria-label="Decisions">
      <div className="row dc-toolbar">
        <h2 className="grow">Decisions</h2>
        <button type="button" disabled={!canWrite} onClick={() => setCreating('propose')}>
          New decision
        </button>
        <button type="button" className="primary" disabled={!canWrite} onClick={() => setCreating('made')}>
          Log a decision already made
        </button>
      </div>
      <div className="dc-body">
        <div className="dc-table-wrap">
          {decisions.length === 0 ? (
            <p className="muted dc-empty">No decisions yet. Log one with “Log a decision already made”, propose one with “New decision”, or type /decision in quick-add.</p>
          ) : (
            <table className="data-table dc-table">
              <DataTableHead table={table} />
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    aria-selected={row.id === selectedId}
                    className={row.id === selectedId ? 'dc-selected' : undefined}
                    onClick={() => selectDecision(row.id)}
                  >
                    {row.getVisibleCells().map((cell, index) => (
                      <td key={cell.id}>
                        {index === 0 ? (
                          <button type="button" className="dc-row-open" onClick={() => selectDecision(row.id)}>
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </button>
                        ) : (
                          flexRender(cell.column.columnDef.cell, cell.getContext())
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {selected && <DecisionDetail key={selected.id} decision={selected} decisions={decisions} zone={zone} onClose={() => selectDecision(null)} />}
      </div>
      {creating && <NewDecisionDialog question="" mode={creating} onClose={() => setCreating(null)} />}
    </section>
  );
}
