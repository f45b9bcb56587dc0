// Column definitions for the timeline table (TanStack Table, headless). The
// array is module-level so its reference never changes. Cells read the display
// zone and T+ origin from the table's meta, so one zone switch re-renders rows
// without rebuilding columns.
import type { ColumnDef, RowData } from '@tanstack/react-table';
import { DateTime } from 'luxon';
import { elapsedLabel, formatDateTime, formatTime, zoneAbbrev } from '../../shared/time/format';
import type { Instant } from '../../shared/model/types';
import type { EntryRow } from './entryRow';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    /** Display zone (IANA). */
    zone?: string;
    /** T+ origin; null until the incident meta has synced. */
    origin?: Instant | null;
  }
}

/**
 * True when the zone's UTC offset changed between local midnight and this instant (a DST change),
 * so "01:10" after "01:50" on a fall-back night is labelled "01:10 MST" and reads correctly at 3 a.m.
 */
function offsetChangedToday(instant: Instant, zone: string): boolean {
  const local = DateTime.fromISO(instant, { zone });
  return local.isValid && local.startOf('day').offset !== local.offset;
}

export const TIMELINE_COLUMN_IDS = ['time', 'elapsed', 'kind', 'author', 'workstream', 'text'] as const;
export type TimelineColumnId = (typeof TIMELINE_COLUMN_IDS)[number];

export const timelineColumns: ColumnDef<EntryRow>[] = [
  {
    id: 'time',
    header: 'Time',
    accessorFn: (row) => row.occurredAt,
    cell: ({ row, table }) => {
      const zone = table.options.meta?.zone ?? 'UTC';
      const at = row.original.occurredAt;
      return (
        <time dateTime={at} title={formatDateTime(at, zone)}>
          {formatTime(at, zone)}
          {offsetChangedToday(at, zone) && <span className="tl-zone-abbrev"> {zoneAbbrev(at, zone)}</span>}
        </time>
      );
    },
  },
  {
    id: 'elapsed',
    header: 'T+',
    cell: ({ row, table }) => {
      const origin = table.options.meta?.origin;
      return origin ? elapsedLabel(origin, row.original.occurredAt) : '';
    },
  },
  { id: 'kind', header: 'Kind', accessorKey: 'kind', cell: ({ row }) => <span className={`tl-kind tl-kind-${row.original.kind}`}>{row.original.kind}</span> },
  { id: 'author', header: 'Author', accessorKey: 'author' },
  { id: 'workstream', header: 'Workstream', accessorKey: 'workstream', cell: ({ row }) => (row.original.workstream ? `#${row.original.workstream}` : '') },
  // The text cell is rendered by TimelineEntryRow itself: it owns Markdown, marks, actions and the inline editor.
  { id: 'text', header: 'Entry', accessorKey: 'text' },
];
