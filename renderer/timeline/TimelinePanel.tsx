// The incident's live timeline: toolbar, virtualized table and quick-add bar.
// Mounted by the shell below the incident header; it reads the open incident
// from useIncidentContext() and never touches Yjs itself.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { editEntry } from '../../shared/model/commands';
import { resolveZone } from '../../shared/time/zones';
import { useIncidentContext } from '../app/session';
import type { EntryRow } from './entryRow';
import { incidentStart } from '../../shared/model/incidentStart';
import { useIncidentMeta } from './incidentMetaStore';
import { QuickAddBar } from './QuickAddBar';
import { focusQuickAdd } from './quickAddFocus';
import { RetractDialog } from './RetractDialog';
import { ImportDialog } from './ImportDialog';
import { isDayKey, timelineRowsFor, type TimelineRowModel } from './rowModel';
import { compactRowsFor, forgetCompactRows, isBurstKey, rowKeyFor, type CompactRowModel } from './compactRows';
import { focusSearch } from './searchFocus';
import { useRevealLinkedEntry } from '../search/linkedEntry';
import { refusedWhileSyncing } from './stillLoading';
import { TimelineTable, type TimelineTableHandle } from './TimelineTable';
import type { EntryRowActions } from './TimelineEntryRow';
import { TimelineToolbar } from './TimelineToolbar';
import { useEntriesStore } from './useEntriesStore';
import { DEFAULT_FILTERS, filtersDependOnContent, useTimelineView } from './viewStore';
import './timeline.css';

export { focusQuickAdd } from './quickAddFocus';

const FALLBACK_ZONE = 'UTC';
/** Frames to wait for a row asked for by another view to be laid out on screen. */
const REVEAL_MAX_FRAMES = 30;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog') !== null;
}

export function TimelinePanel() {
  const { doc, author, canWrite, syncingEntryCount } = useIncidentContext();
  const entries = useEntriesStore(doc);
  const { byId, orderedIds, revision, lastChanged } = useStore(entries, useShallow((s) => ({ byId: s.byId, orderedIds: s.orderedIds, revision: s.revision, lastChanged: s.lastChanged })));
  const incident = useIncidentMeta();
  const view = useTimelineView(
    useShallow((s) => ({ zoneChoice: s.zoneChoice, filters: s.filters, search: s.search, sort: s.sort, selectedId: s.selectedId, compact: s.compact, expandedBursts: s.expandedBursts })),
  );
  const revealRequest = useTimelineView((s) => s.revealRequest);
  const search = useDeferredValue(view.search);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [retractingId, setRetractingId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const table = useRef<TimelineTableHandle>(null);

  const incidentZone = incident?.timeZone ?? FALLBACK_ZONE;
  const zone = resolveZone(view.zoneChoice, incidentZone);
  const origin = incident ? incidentStart(incident) : null;

  // A change under a filter that looks at content can change membership anywhere: no patching
  // then. Otherwise a content edit (a new byId, the same order) keeps the last model as it is.
  const contentFiltered = filtersDependOnContent(view.filters, search);
  const rows = useMemo(
    () => timelineRowsFor({ orderedIds, byId, filters: view.filters, search, sort: view.sort, zone }, !contentFiltered),
    [orderedIds, byId, contentFiltered, view.filters, search, view.sort, zone],
  );

  // Behind a first screen the store holds only its rows (and any added since): count the document's.
  const syncing = syncingEntryCount !== null && syncingEntryCount !== undefined;
  const total = syncing ? Math.max(syncingEntryCount, orderedIds.length) : orderedIds.length;


  // Compact mode folds routine runs, patched from the last fold for the usual one-entry change.
  // The first paint shows the rows unfolded: the fold (one pass, a map lookup per row) runs in the
  // render right after, so it never delays the first screen of a 100k-entry incident.
  const compact = useDeferredValue(view.compact, false);
  const shownRows = useMemo<TimelineRowModel | CompactRowModel>(
    () => {
      if (compact) return compactRowsFor(rows, byId, view.expandedBursts, lastChanged);
      forgetCompactRows(byId);
      return rows;
    },
    [rows, byId, compact, view.expandedBursts, lastChanged],
  );

  const rowsRef = useRef<TimelineRowModel>(shownRows);
  useEffect(() => {
    rowsRef.current = shownRows;
  }, [shownRows]);

  const actions = useMemo<EntryRowActions>(
    () => ({
      select: (id) => useTimelineView.getState().select(id),
      startEdit: (id) => {
        useTimelineView.getState().select(id);
        setEditingId(id);
      },
      stopEdit: () => {
        setEditingId(null);
        table.current?.focus();
      },
      toggleKey: (entry: EntryRow) => {
        try {
          editEntry(doc, { author }, entry.id, { key: !entry.key });
        } catch (err) {
          // A row shown before its entry has synced: the star takes effect once it has, on the next click.
          if (!refusedWhileSyncing(err, syncingEntryCount)) throw err;
        }
      },
      retract: (id) => setRetractingId(id),
    }),
    [doc, author, syncingEntryCount],
  );

  const revealAdded = useCallback((id: string) => {
    useTimelineView.getState().select(id);
    // The new row appears on the next render; reveal it once it is in the model.
    requestAnimationFrame(() => table.current?.reveal(rowKeyFor(rowsRef.current, id)));
  }, []);
  // A search result links here with "?entry=": selected and scrolled to, like a new entry.
  const hasEntry = useCallback((id: string) => byId.has(id), [byId]);
  useRevealLinkedEntry(hasEntry, revision, revealAdded);

  // Another view (the chart) asked to show an entry: make sure no filter hides it, then select it
  // and scroll to it once this panel is laid out again (it was hidden behind the other tab).
  useEffect(() => {
    if (!revealRequest) return;
    const { id } = revealRequest;
    if (!rowsRef.current.keys.includes(id)) {
      const view = useTimelineView.getState();
      view.setFilters(DEFAULT_FILTERS);
      view.setSearch('');
    }
    useTimelineView.getState().select(id);
    // The panel was hidden: the virtualizer learns its size again over the next frames, so keep
    // scrolling until the row is drawn inside the grid, for a few frames at most.
    let frame = 0;
    let tries = 0;
    const step = () => {
      table.current?.reveal(rowKeyFor(rowsRef.current, id));
      const grid = table.current?.element();
      const row = document.getElementById(`tl-row-${id}`);
      const shown = grid && row && isWithin(row.getBoundingClientRect(), grid.getBoundingClientRect());
      if (shown || ++tries >= REVEAL_MAX_FRAMES) table.current?.focus();
      else frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [revealRequest]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isEditable(e.target)) return;
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
      if (e.key === '/' && plain) {
        e.preventDefault();
        focusSearch();
      } else if (((e.key === 'n' || e.key === 'N') && plain) || (e.key === 'l' && e.ctrlKey)) {
        e.preventDefault();
        focusQuickAdd();
      } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && plain) {
        e.preventDefault();
        moveSelection(rowsRef.current, e.key === 'ArrowDown' ? 1 : -1, table.current);
      } else if (e.key === 'Enter' && plain && (e.target === document.body || e.target === table.current?.element())) {
        // Only from the grid itself: Enter on a focused button or link must keep doing what that control does.
        const selected = useTimelineView.getState().selectedId;
        if (selected && canWrite && entries.getState().byId.get(selected)?.retraction === null) {
          e.preventDefault();
          setEditingId(selected);
        }
      } else if (e.key === 'Escape') {
        useTimelineView.getState().select(null);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [canWrite, entries]);

  return (
    <section className="tl-panel" aria-label="Timeline panel">
      <TimelineToolbar
        entries={entries}
        incidentZone={incidentZone}
        shown={rows.entryCount}
        total={total}
        dayLabels={rows.dayLabels}
        onJumpToDate={(date) => table.current?.jumpToDate(date)}
      />
      {syncing && (
        <p role="status" className="muted tl-syncing">
          Showing the newest entries; loading the rest of the timeline…
        </p>
      )}
      <TimelineTable
        ref={table}
        rows={shownRows}
        totalEntries={total}
        byId={byId}
        zone={zone}
        origin={origin}
        sort={view.sort}
        onToggleSort={() => useTimelineView.getState().toggleSort()}
        selectedId={view.selectedId}
        editingId={editingId}
        canWrite={canWrite}
        actions={actions}
      />
      {/* Read-only (an observer in a shared room): no box to type into at all, rather than a dead one. */}
      {canWrite && <QuickAddBar zone={zone} onAdded={revealAdded} />}
      {canWrite && (
        <div className="row end">
          <button type="button" onClick={() => setImporting(true)}>
            Import entries…
          </button>
        </div>
      )}
      {importing && <ImportDialog incidentZone={incidentZone} onClose={() => setImporting(false)} />}
      {retractingId && <RetractDialog entryId={retractingId} onClose={() => setRetractingId(null)} />}
    </section>
  );
}

function isWithin(inner: DOMRect, outer: DOMRect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom;
}

function moveSelection(rows: TimelineRowModel, step: 1 | -1, table: TimelineTableHandle | null): void {
  const { keys } = rows;
  const view = useTimelineView.getState();
  const current = view.selectedId ? keys.indexOf(view.selectedId) : -1;
  let index = current >= 0 ? current : step === 1 ? -1 : keys.length;
  do index += step;
  while (index >= 0 && index < keys.length && (isDayKey(keys[index] as string) || isBurstKey(keys[index] as string)));
  const target = keys[index];
  if (target === undefined) return;
  view.select(target);
  table?.focus();
  table?.reveal(target);
}
