// Filters, search and the display-zone switch above the timeline.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useShallow } from 'zustand/react/shallow';
import { ENTRY_KINDS, type EntryKind } from '../../shared/model/types';
import { localZone, type ZoneChoice } from '../../shared/time/zones';
import type { EntriesState } from './entriesStore';
import { useTimelineView } from './viewStore';
import { countLabel } from '../app/countLabel';
import { registerSearchInput } from './searchFocus';
import { DAY_KEY_PREFIX } from './rowModel';

interface Props {
  entries: StoreApi<EntriesState>;
  incidentZone: string;
  shown: number;
  total: number;
  /** The days shown, date-row key → heading, in display order. */
  dayLabels: ReadonlyMap<string, string>;
  /** Scrolls to a calendar day ("2026-11-21") in the display zone. */
  onJumpToDate: (date: string) => void;
}

export function TimelineToolbar({ entries, incidentZone, shown, total, dayLabels, onJumpToDate }: Props) {
  const { authors, workstreams } = useStore(entries, useShallow((s) => ({ authors: s.authors, workstreams: s.workstreams })));
  const view = useTimelineView(
    useShallow((s) => ({ zoneChoice: s.zoneChoice, filters: s.filters, search: s.search, setZoneChoice: s.setZoneChoice, setFilters: s.setFilters, setSearch: s.setSearch })),
  );
  const { filters } = view;

  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline filters">
      <input
        ref={registerSearchInput}
        type="search"
        className="tl-search"
        aria-label="Search timeline"
        placeholder="Search  ( / )"
        value={view.search}
        onChange={(e) => view.setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      <select aria-label="Kind" value={filters.kinds[0] ?? ''} onChange={(e) => view.setFilters({ kinds: e.target.value ? [e.target.value as EntryKind] : [] })}>
        <option value="">All kinds</option>
        {ENTRY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </select>
      <select aria-label="Author" value={filters.author} onChange={(e) => view.setFilters({ author: e.target.value })}>
        <option value="">All authors</option>
        {authors.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <select aria-label="Workstream" value={filters.workstream} onChange={(e) => view.setFilters({ workstream: e.target.value })}>
        <option value="">All workstreams</option>
        {workstreams.map((w) => (
          <option key={w} value={w}>
            #{w}
          </option>
        ))}
      </select>
      <label className="tl-check">
        <input type="checkbox" checked={filters.keyOnly} onChange={(e) => view.setFilters({ keyOnly: e.target.checked })} />
        Key events only
      </label>
      <label className="tl-check">
        <input type="checkbox" checked={filters.showRetracted} onChange={(e) => view.setFilters({ showRetracted: e.target.checked })} />
        Show retracted
      </label>
      <span className="tl-count" aria-live="polite">
        {shown === total ? countLabel(total, 'entry', 'entries') : `${shown} of ${countLabel(total, 'entry', 'entries')}`}
      </span>
      <select
        aria-label="Jump to date"
        className="tl-jump-date"
        value=""
        onChange={(e) => {
          if (e.target.value) onJumpToDate(e.target.value);
        }}
      >
        <option value="">Jump to day…</option>
        {[...dayLabels].map(([key, label]) => (
          <option key={key} value={key.slice(DAY_KEY_PREFIX.length)}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Display zone" className="tl-zone" value={view.zoneChoice} onChange={(e) => view.setZoneChoice(e.target.value as ZoneChoice)}>
        <option value="incident">Incident zone ({incidentZone})</option>
        <option value="local">Local ({localZone()})</option>
        <option value="utc">UTC</option>
      </select>
    </div>
  );
}
