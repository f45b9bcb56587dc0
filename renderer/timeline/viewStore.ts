// How the timeline is viewed: display zone, filters, search and sort. Shared by
// the toolbar, the table and the quick-add bar (which parses times in the display zone).
import { create } from 'zustand';
import type { EntryKind } from '../../shared/model/types';
import type { ZoneChoice } from '../../shared/time/zones';

export type SortDirection = 'asc' | 'desc';

export interface TimelineFilters {
  /** Empty = every kind. */
  kinds: readonly EntryKind[];
  /** '' = anyone. */
  author: string;
  /** '' = every workstream. */
  workstream: string;
  keyOnly: boolean;
  showRetracted: boolean;
}

export interface TimelineViewState {
  zoneChoice: ZoneChoice;
  filters: TimelineFilters;
  search: string;
  sort: SortDirection;
  /** The selected entry (keyboard ↑/↓), or null. */
  selectedId: string | null;
  /** Compact mode (on by default): runs of checklist ticks and role changes fold into summary rows. */
  compact: boolean;
  /** Summary rows opened by the reader (burst keys); a new set on every change. */
  expandedBursts: ReadonlySet<string>;
  setCompact(on: boolean): void;
  toggleBurst(key: string): void;
  /** An entry another view asked the timeline to show (the chart's markers); a new object each time. */
  revealRequest: { id: string } | null;
  setZoneChoice(choice: ZoneChoice): void;
  setFilters(patch: Partial<TimelineFilters>): void;
  setSearch(text: string): void;
  toggleSort(): void;
  select(id: string | null): void;
  /** Asks the timeline to select and scroll to an entry, clearing filters that hide it. */
  requestReveal(id: string): void;
  reset(): void;
}

export const DEFAULT_FILTERS: TimelineFilters = { kinds: [], author: '', workstream: '', keyOnly: false, showRetracted: true };

const NO_BURSTS: ReadonlySet<string> = new Set();

const initial = {
  zoneChoice: 'incident' as ZoneChoice,
  filters: DEFAULT_FILTERS,
  search: '',
  sort: 'asc' as SortDirection,
  selectedId: null,
  compact: true,
  expandedBursts: NO_BURSTS,
  revealRequest: null,
};

export const useTimelineView = create<TimelineViewState>()((set) => ({
  ...initial,
  setZoneChoice: (zoneChoice) => set({ zoneChoice }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  setSearch: (search) => set({ search }),
  toggleSort: () => set((s) => ({ sort: s.sort === 'asc' ? 'desc' : 'asc' })),
  select: (selectedId) => set({ selectedId }),
  setCompact: (compact) => set({ compact }),
  toggleBurst: (key) =>
    set((s) => {
      const next = new Set(s.expandedBursts);
      if (!next.delete(key)) next.add(key);
      return { expandedBursts: next };
    }),
  requestReveal: (id) => set({ revealRequest: { id } }),
  reset: () => set(initial),
}));

/** True when some filter can hide an entry because of its content (not only its place in time). */
export function filtersDependOnContent(filters: TimelineFilters, search: string): boolean {
  return (
    filters.kinds.length > 0 || filters.author !== '' || filters.workstream !== '' || filters.keyOnly || !filters.showRetracted || search.trim() !== ''
  );
}
