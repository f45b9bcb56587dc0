// The virtualized timeline grid. TanStack Table supplies headers and cells;
// TanStack Virtual renders only the rows on screen, keyed by id and placed with
// transform. Date rows and entry rows come from the memoized row model.
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Instant } from '../../shared/model/types';
import type { EntryRow } from './entryRow';
import { timelineColumns } from './columns';
import { isDayKey, type TimelineRowModel } from './rowModel';
import { TimelineEntryRow, type EntryRowActions } from './TimelineEntryRow';
import type { SortDirection } from './viewStore';

/**
 * Heights of a one-line entry row (20px line + 2×5px padding + 1px border) and of a date row
 * (two borders). They must match the CSS exactly: a measured size that differs from the estimate
 * makes the virtualizer recompute every later row's offset, which at 100k rows costs a frame.
 */
const ENTRY_ROW_PX = 31;
const DAY_ROW_PX = 32;
/** Rows rendered beyond the viewport, so fast scrolling rarely shows blank space. */
const OVERSCAN_ROWS = 10;
/** How close to the end still counts as "at the bottom" (follow new entries). */
const BOTTOM_SLACK_PX = 24;

// The table's own row model is never used (building it for 100k entries costs seconds);
// visible rows are created on demand, so the data reference is a stable empty array.
const NO_DATA: EntryRow[] = [];
const coreRowModel = getCoreRowModel<EntryRow>();

export interface TimelineTableHandle {
  /** Scrolls an entry into view. */
  reveal(id: string): void;
  focus(): void;
  /** The scrolling grid body, which holds keyboard focus while moving through rows. */
  element(): HTMLElement | null;
}

interface Props {
  rows: TimelineRowModel;
  byId: ReadonlyMap<string, EntryRow>;
  zone: string;
  origin: Instant | null;
  sort: SortDirection;
  onToggleSort: () => void;
  selectedId: string | null;
  editingId: string | null;
  canWrite: boolean;
  actions: EntryRowActions;
}

export const TimelineTable = forwardRef<TimelineTableHandle, Props>(function TimelineTable(props, ref) {
  const { rows, byId, zone, origin, sort, selectedId, editingId, canWrite, actions } = props;
  const keys = rows.keys;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  const table = useReactTable<EntryRow>({ data: NO_DATA, columns: timelineColumns, getCoreRowModel: coreRowModel, meta: { zone, origin } });

  // Stable per row model: the virtualizer recomputes all 100k offsets whenever these identities change.
  const estimateSize = useCallback((i: number) => (isDayKey(keys[i] ?? '') ? DAY_ROW_PX : ENTRY_ROW_PX), [keys]);
  const getItemKey = useCallback((i: number) => keys[i] ?? i, [keys]);
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN_ROWS,
    useFlushSync: false,
  });

  useImperativeHandle(ref, () => ({
    reveal(id) {
      const index = keys.indexOf(id);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    focus() {
      scroller.current?.focus({ preventScroll: true });
    },
    element: () => scroller.current,
  }));

  // Newest at the bottom: while the reader is at the end, keep following new entries.
  useLayoutEffect(() => {
    if (sort === 'asc' && atBottom.current && keys.length > 0) virtualizer.scrollToIndex(keys.length - 1, { align: 'end' });
  }, [keys, sort, virtualizer]);

  // Reads the virtualizer's own numbers, not the DOM's: scrollHeight in a scroll handler forces a
  // synchronous layout of freshly rendered rows on every event, which cost ~4 ms a frame at 100k.
  const onScroll = () => {
    const offset = virtualizer.scrollOffset ?? 0;
    const viewport = virtualizer.scrollRect?.height ?? 0;
    atBottom.current = offset + viewport >= virtualizer.getTotalSize() - BOTTOM_SLACK_PX;
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const selectedRendered = selectedId !== null && virtualizer.getVirtualItems().some((v) => keys[v.index] === selectedId);

  return (
    <div
      role="grid"
      aria-label="Timeline"
      aria-rowcount={keys.length + 1}
      aria-colcount={headers.length}
      aria-activedescendant={selectedRendered ? `tl-row-${selectedId}` : undefined}
      className="tl-grid"
    >
      <div role="rowgroup" className="tl-head">
        <div role="row" aria-rowindex={1} className="tl-row tl-header-row">
          {headers.map((header) =>
            header.column.id === 'time' ? (
              <div key={header.id} role="columnheader" className="tl-cell tl-cell-time" aria-sort={sort === 'asc' ? 'ascending' : 'descending'}>
                <button type="button" className="tl-sort" onClick={props.onToggleSort} title="Sort by time">
                  Time {sort === 'asc' ? '▲' : '▼'}
                </button>
              </div>
            ) : (
              <div key={header.id} role="columnheader" className={`tl-cell tl-cell-${header.column.id}`}>
                {String(header.column.columnDef.header ?? '')}
              </div>
            ),
          )}
        </div>
      </div>
      <div ref={scroller} role="rowgroup" className="tl-body" tabIndex={0} onScroll={onScroll}>
        <div className="tl-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {keys.length === 0 && <div className="tl-empty">No entries match.</div>}
          {virtualizer.getVirtualItems().map((item) => {
            const key = keys[item.index] as string;
            if (isDayKey(key)) {
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="tl-row tl-day"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div role="gridcell" aria-colspan={headers.length} className="tl-day-label">
                    {rows.dayLabels.get(key)}
                  </div>
                </div>
              );
            }
            const entry = byId.get(key);
            if (!entry) return null;
            return (
              <TimelineEntryRow
                key={item.key}
                entry={entry}
                index={item.index}
                start={item.start}
                selected={key === selectedId}
                editing={key === editingId}
                canWrite={canWrite}
                zone={zone}
                origin={origin}
                table={table}
                actions={actions}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
