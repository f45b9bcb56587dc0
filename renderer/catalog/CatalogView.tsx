// Home's catalog: every incident in this host's store, sorted and filtered by any column, the view in
// the URL. Keyboard: type to filter; ↓ from the filter (or ↑/↓ between rows) moves through the
// incidents; Enter opens the one focused (each title is a link).
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { filterCatalog, type CatalogColumn } from '../../shared/catalog/catalogQuery';
import { catalogRow } from '../../shared/catalog/catalogRows';
import type { AcrossIncidentsProps } from './acrossIncidents';
import { CatalogFilters } from './CatalogFilters';
import { catalogColumns } from './catalogColumns';

/** Estimated row height; rows with several labels grow and are measured. */
const ROW_PX = 44;
const OVERSCAN_ROWS = 10;
const getCoreRows = getCoreRowModel();
const getSortedRows = getSortedRowModel();

export function CatalogView({ incidents, query, update, now, policy }: AcrossIncidentsProps) {
  const filterRef = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const data = useMemo(() => filterCatalog(incidents, query, now).map((i) => catalogRow(i, now, policy)), [incidents, query, now, policy]);
  const sorting: SortingState = useMemo(() => [{ id: query.sort, desc: query.desc }], [query.sort, query.desc]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table re-renders with every filter and sort change anyway
  const table = useReactTable({
    data,
    columns: catalogColumns,
    state: { sorting },
    onSortingChange: (next) => {
      const [first] = typeof next === 'function' ? next(sorting) : next;
      if (first) update({ sort: first.id as CatalogColumn, desc: first.desc });
    },
    getCoreRowModel: getCoreRows,
    getSortedRowModel: getSortedRows,
    enableSortingRemoval: false,
    getRowId: (row) => row.incident.id,
  });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  /** Focuses the title link of row `index`, scrolling it into the rendered range first. */
  const focusRow = (index: number) => {
    if (index < 0) return filterRef.current?.focus();
    if (index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${index}"] a[data-row-link]`)?.focus());
  };

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter' && rows[0]) {
      // The first match opens straight from the filter.
      event.preventDefault();
      window.location.hash = scroller.current?.querySelector<HTMLAnchorElement>('a[data-row-link]')?.getAttribute('href') ?? window.location.hash;
    }
  };

  const onBodyKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest('tr');
    const index = Number(row?.dataset.index ?? -1);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      // Typing anywhere in the list goes on typing in the filter.
      event.preventDefault();
      update({ text: query.text + event.key });
      filterRef.current?.focus();
    }
  };

  return (
    <>
      <CatalogFilters ref={filterRef} query={query} update={update} onFilterKeyDown={onFilterKeyDown} shown={data.length} total={incidents.length} />
      {data.length === 0 ? (
        <p className="muted empty">{incidents.length === 0 ? 'No incidents yet. Declare one, or import an archive.' : 'No incident matches these filters.'}</p>
      ) : (
        <div className="catalog-scroller" ref={scroller}>
          <table className="data-table catalog-table" aria-label="Incidents" aria-rowcount={rows.length + 1}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true" className="sort-mark">
                            {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody onKeyDown={onBodyKeyDown}>
              {padTop > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={catalogColumns.length} style={{ height: padTop, padding: 0, border: 0 }} />
                </tr>
              )}
              {items.map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <tr key={row.id} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                    ))}
                  </tr>
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden="true">
                  <td colSpan={catalogColumns.length} style={{ height: padBottom, padding: 0, border: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
