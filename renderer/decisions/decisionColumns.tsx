// Columns of the Decisions table (TanStack Table, headless). Module-level so the reference
// never changes; cells read the display zone from the table's meta.
import type { ColumnDef } from '@tanstack/react-table';
import { chosenOptionTitle } from '../../shared/model/decisions';
import type { Decision } from '../../shared/model/coordinationTypes';
import { formatTime } from '../../shared/time/format';
import { RevisitCountdown } from './RevisitCountdown';

export const decisionColumns: ColumnDef<Decision>[] = [
  { id: 'question', header: 'Question', accessorKey: 'question', cell: ({ row }) => <span className="dc-question">{row.original.question}</span> },
  {
    id: 'status',
    header: 'Status',
    accessorKey: 'status',
    cell: ({ row }) => <span className={`dc-status dc-status-${row.original.status}`}>{row.original.status}</span>,
  },
  { id: 'chosen', header: 'Chosen option', accessorFn: (d) => chosenOptionTitle(d) },
  {
    id: 'decided',
    header: 'Decided by / at',
    cell: ({ row, table }) => {
      const { decidedBy, decidedAt } = row.original;
      if (!decidedBy || !decidedAt) return <span className="muted">—</span>;
      return (
        <>
          {decidedBy} <time dateTime={decidedAt}>{formatTime(decidedAt, table.options.meta?.zone ?? 'UTC')}</time>
        </>
      );
    },
  },
  { id: 'reversibility', header: 'Door', accessorKey: 'reversibility', cell: ({ row }) => (row.original.reversibility === 'one-way' ? 'one-way' : 'two-way') },
  {
    id: 'revisit',
    header: 'Revisit',
    cell: ({ row, table }) =>
      row.original.status === 'proposed' || row.original.status === 'decided' ? (
        <RevisitCountdown revisitAt={row.original.revisitAt} zone={table.options.meta?.zone ?? 'UTC'} />
      ) : (
        <span className="muted">—</span>
      ),
  },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: ({ row }) => {
      const outcome = row.original.outcome;
      return outcome ? <span className={`dc-verdict dc-verdict-${outcome.verdict}`} title={outcome.why}>{outcome.verdict}</span> : <span className="muted">—</span>;
    },
  },
];
