// The catalog's columns: what each shows and what it sorts by. Sorting happens on plain values
// (severity rank, instants, minutes, counts); the cells show what a person reads.
import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import type { CatalogColumn } from '../../shared/catalog/catalogQuery';
import type { CatalogRow } from '../../shared/catalog/catalogRows';
import { SEVERITIES, STATUSES } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';
import { routeHash } from '../app/route';

const column = createColumnHelper<CatalogRow>();

export const CATALOG_COLUMN_LABELS: Record<CatalogColumn, string> = {
  title: 'Title',
  severity: 'Severity',
  status: 'Status',
  services: 'Services and tags',
  commander: 'Commander',
  impactStart: 'Impact start',
  duration: 'Duration',
  openActions: 'Open action items',
};

/** Nulls (a duration nobody recorded) sort last in either direction, as TanStack does with sortUndefined. */
const byNumber: SortingFn<CatalogRow> = (a, b, id) => (a.getValue<number>(id) ?? 0) - (b.getValue<number>(id) ?? 0);

function Labels({ services, tags }: { services: readonly string[]; tags: readonly string[] }) {
  if (services.length === 0 && tags.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="label-list">
      {services.map((v) => (
        <li key={`s-${v}`} className="tag service-label">
          {v}
        </li>
      ))}
      {tags.map((v) => (
        <li key={`t-${v}`} className="tag tag-label">
          <span aria-hidden="true">#</span>
          <span className="visually-hidden">tag </span>
          {v}
        </li>
      ))}
    </ul>
  );
}

export const catalogColumns = [
  column.accessor((r) => r.incident.title.toLowerCase(), {
    id: 'title',
    header: CATALOG_COLUMN_LABELS.title,
    cell: ({ row }) => (
      <a href={routeHash({ screen: 'incident', incidentId: row.original.incident.id })} className="catalog-title" data-row-link="">
        {row.original.incident.title || 'Untitled incident'}
      </a>
    ),
  }),
  column.accessor((r) => SEVERITIES.indexOf(r.incident.severity), {
    id: 'severity',
    header: CATALOG_COLUMN_LABELS.severity,
    sortingFn: byNumber,
    cell: ({ row }) => <span className={`sev sev-${row.original.incident.severity.toLowerCase()}`}>{row.original.incident.severity}</span>,
  }),
  column.accessor((r) => STATUSES.indexOf(r.incident.status), {
    id: 'status',
    header: CATALOG_COLUMN_LABELS.status,
    sortingFn: byNumber,
    cell: ({ row }) => <span className={`status status-${row.original.incident.status}`}>{row.original.incident.status}</span>,
  }),
  column.accessor((r) => `${r.incident.services.join(', ')}\u0000${r.incident.tags.join(', ')}`.toLowerCase(), {
    id: 'services',
    header: CATALOG_COLUMN_LABELS.services,
    cell: ({ row }) => <Labels services={row.original.incident.services} tags={row.original.incident.tags} />,
  }),
  column.accessor((r) => r.incident.commander.toLowerCase(), {
    id: 'commander',
    header: CATALOG_COLUMN_LABELS.commander,
    cell: ({ row }) => row.original.incident.commander || <span className="muted">—</span>,
  }),
  column.accessor((r) => r.start, {
    id: 'impactStart',
    header: CATALOG_COLUMN_LABELS.impactStart,
    cell: ({ row }) => {
      const zone = isValidZone(row.original.incident.timeZone) ? row.original.incident.timeZone : 'UTC';
      return <span className="mono">{formatDateTime(row.original.start, zone)}</span>;
    },
  }),
  column.accessor((r) => r.minutes ?? -1, {
    id: 'duration',
    header: CATALOG_COLUMN_LABELS.duration,
    sortingFn: byNumber,
    cell: ({ row }) => row.original.duration,
  }),
  column.accessor((r) => r.openActions, {
    id: 'openActions',
    header: CATALOG_COLUMN_LABELS.openActions,
    sortingFn: byNumber,
    cell: ({ row }) => (
      <>
        {row.original.openActions}
        {row.original.overdueActions > 0 && <span className="overdue-count">{row.original.overdueActions} overdue</span>}
      </>
    ),
  }),
];
