// The virtualized timeline grid. TanStack Table supplies headers and cells;
// TanStack Virtual renders only the rows on screen, keyed by id and placed with
// transform. Date rows and entry rows come from the memoized row model.
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Instant } from '../../shared/model/types';
import type { EntryRow } from './entryRow';
import { timelineColumns } from './columns';
import { isDayKey, type TimelineRowModel } from './rowModel';
import { dayRowAbove, dayRowForDate, dayRowIndices } from './dayRows';
import { countLabel } from '../app/countLabel';
import { TimelineEntryRow, type EntryRowActions } from './TimelineEntryRow';
import { BurstRow } from './BurstRow';
import { isBurstKey, type Burst } from './compactRows';
import { useTimelineView } from './viewStore';
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
  /** Scrolls a calendar day ("2026-11-21") to the top: that day, else the nearest one shown. */
  jumpToDate(date: string): void;
}

const NO_BURSTS: ReadonlyMap<string, Burst> = new Map();
const toggleBurst = (key: string) => useTimelineView.getState().toggleBurst(key);

interface Props {
  /** With `bursts` in compact mode: summary rows of folded checklist and role runs. */
  rows: TimelineRowModel & { bursts?: ReadonlyMap<string, Burst>; expanded?: ReadonlySet<string> };
  /** Every entry in the incident, filtered or not: growth is what "new entries" counts. */
  totalEntries: number;
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
  const { rows, totalEntries, byId, zone, origin, sort, selectedId, editingId, canWrite, actions } = props;
  const keys = rows.keys;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [awayFromNow, setAwayFromNow] = useState(false);
  const [unseen, setUnseen] = useState(0);
  const seenTotal = useRef(totalEntries);
  const [topIndex, setTopIndex] = useState(0);
  const compact = useTimelineView((s) => s.compact);
  const head = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(head.current?.offsetHeight ?? 0), []);
  // Found once per row model: one pass over the keys, about 0.4 ms at 100k rows.
  const dayRows = useMemo(() => dayRowIndices(keys), [keys]);

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
    jumpToDate(date) {
      const index = dayRowForDate(keys, dayRows, date, sort);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
    },
  }));

  // Newest at the bottom: while the reader is at the end, keep following new entries; otherwise
  // count what arrived below them, for the "n new entries" pill.
  useLayoutEffect(() => {
    const arrived = totalEntries - seenTotal.current;
    seenTotal.current = totalEntries;
    if (sort !== 'asc') return;
    if (atBottom.current) {
      if (keys.length > 0) virtualizer.scrollToIndex(keys.length - 1, { align: 'end' });
    } else if (arrived > 0) setUnseen((n) => n + arrived);
  }, [keys, sort, virtualizer, totalEntries]);

  const jumpToNow = () => {
    atBottom.current = true;
    setUnseen(0);
    setAwayFromNow(false);
    if (keys.length > 0) virtualizer.scrollToIndex(sort === 'asc' ? keys.length - 1 : 0, { align: sort === 'asc' ? 'end' : 'start' });
  };

  // Row sizes come from the virtualizer, not the DOM: scrollHeight in a scroll handler forces a
  // synchronous layout of freshly rendered rows on every event, which cost ~4 ms a frame at 100k.
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    // The element's own offset: the virtualizer's may not have caught up with this scroll yet.
    const offset = event.currentTarget.scrollTop;
    const viewport = virtualizer.scrollRect?.height ?? 0;
    atBottom.current = offset + viewport >= virtualizer.getTotalSize() - BOTTOM_SLACK_PX;
    const atNow = sort === 'asc' ? atBottom.current : offset <= BOTTOM_SLACK_PX;
    setAwayFromNow(!atNow);
    if (atNow) setUnseen(0);
    // From the row offsets, not the rendered range, which may also lag behind.
    const top = virtualizer.getVirtualItemForOffset(offset);
    if (top) setTopIndex(top.end <= offset ? top.index + 1 : top.index);
  };

  const topDay = dayRowAbove(dayRows, Math.min(topIndex, keys.length - 1));
  const topDayLabel = topDay >= 0 ? rows.dayLabels.get(keys[topDay] as string) : undefined;

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const selectedRendered = selectedId !== null && virtualizer.getVirtualItems().some((v) => keys[v.index] === selectedId);

  // The overlays sit outside the grid (a grid holds only rows), placed just under its header.
  const overlays = (
    <>
      {topDayLabel && (
        <div className="tl-sticky-day" role="note" aria-label="Day of the top row" style={{ top: headHeight }}>
          {topDayLabel}
        </div>
      )}
      {(awayFromNow || unseen > 0) && (
        <button type="button" className={`tl-now-pill${unseen > 0 ? ' tl-now-pill-new' : ''}`} onClick={jumpToNow}>
          {unseen > 0 ? `${countLabel(unseen, 'new entry', 'new entries')} ↓` : 'Jump to now'}
        </button>
      )}
    </>
  );

  return (
    <div className="tl-grid-wrap">
    <div
      role="grid"
      aria-label="Timeline"
      aria-rowcount={keys.length + 1}
      aria-colcount={headers.length}
      aria-activedescendant={selectedRendered ? `tl-row-${selectedId}` : undefined}
      className="tl-grid"
    >
      <div role="rowgroup" className="tl-head" ref={head}>
        <div role="row" aria-rowindex={1} className="tl-row tl-header-row">
          {headers.map((header) =>
            header.column.id === 'time' ? (
              <div key={header.id} role="columnheader" className="tl-cell tl-cell-time" aria-sort={sort === 'asc' ? 'ascending' : 'descending'}>
                <button type="button" className="tl-sort" onClick={props.onToggleSort} title="Sort by time">
                  Time {sort === 'asc' ? '▲' : '▼'}
                </button>
              </div>
            ) : header.column.id === 'text' ? (
              // The compact switch sits in the Entry header, where it acts, and keeps the filter bar to one row.
              <div key={header.id} role="columnheader" className="tl-cell tl-cell-text tl-text-header">
                {String(header.column.columnDef.header ?? '')}
                <label className="tl-check tl-compact-switch" title="Fold runs of checklist ticks and role changes into one row each">
                  <input type="checkbox" checked={compact} onChange={(e) => useTimelineView.getState().setCompact(e.target.checked)} />
                  Compact
                </label>
              </div>
            ) : (
              <div key={header.id} role="columnheader" className={`tl-cell tl-cell-${header.column.id}`}>
                {String(header.column.columnDef.header ?? '')}
              </div>
            ),
          )}
        </div>
      </div>
      <div className="tl-body-frame">
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
            if (isBurstKey(key)) {
              const burst = (rows.bursts ?? NO_BURSTS).get(key);
              if (!burst) return null;
              return (
                <BurstRow
                  key={item.key}
                  burstKey={key}
                  burst={burst}
                  expanded={rows.expanded?.has(key) ?? false}
                  index={item.index}
                  start={item.start}
                  zone={zone}
                  onToggle={toggleBurst}
                  measure={virtualizer.measureElement}
                />
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
    </div>
    {overlays}
    </div>
  );
});
