// One search box for every incident in this host's store (WAI-ARIA combobox with a listbox):
// type, ↑/↓ to move, Enter (or a click) opens the incident at the entry the hit belongs to.
import { useId, useState, type KeyboardEvent } from 'react';
import { SEARCH_KIND_LABELS, type SearchHit, type SearchKind } from '../../shared/protocol/search';
import type { IncidentViewId } from '../incident/incidentViews';
import { formatDateTime } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';
import { useHost } from '../app/session';
import { entryLinkHash } from './linkedEntry';
import { Snippet } from './Snippet';
import { useSearch } from './useSearch';
import './search.css';

/** Where a hit without an entry opens: the view that holds what was found. */
const VIEW_OF_KIND: Partial<Record<SearchKind, IncidentViewId>> = {
  postmortem: 'postmortem',
  checklist: 'checklists',
  action: 'actions',
  decision: 'decisions',
};

function openHit(hit: SearchHit): void {
  window.location.hash = entryLinkHash(hit.incidentId, hit.entryId, VIEW_OF_KIND[hit.kind] ?? null);
}

function hitTime(hit: SearchHit): string {
  if (!hit.at) return '';
  return formatDateTime(hit.at, isValidZone(hit.incidentTimeZone) ? hit.incidentTimeZone : 'UTC');
}

export function SearchBox() {
  const { rpc } = useHost();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const { answered, hits, error } = useSearch(rpc, query);
  const listId = useId();
  const optionId = (i: number) => `${listId}-hit-${i}`;
  const showing = open && query.trim() !== '' && answered !== null;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : hits.length - 1) : (i + step + hits.length) % hits.length));
    } else if (e.key === 'Enter') {
      const hit = hits[active < 0 ? 0 : active];
      if (showing && hit) {
        e.preventDefault();
        openHit(hit);
      }
    } else if (e.key === 'Escape') {
      if (open) e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="search-box">
      <input
        type="search"
        role="combobox"
        aria-label="Search all incidents"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
        placeholder="Search all incidents"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Search results" className="search-results" hidden={!showing}>
        {hits.map((hit, i) => (
          <li
            key={`${hit.incidentId}:${hit.kind}:${hit.recordId}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="search-hit"
            // Chosen before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              openHit(hit);
            }}
          >
            <span className="search-hit-head">
              <span className="search-hit-incident">{hit.incidentTitle || 'Untitled incident'}</span>
              <span className="tag">{SEARCH_KIND_LABELS[hit.kind]}</span>
              {hit.retracted && <span className="tag search-retracted">Retracted</span>}
              <span className="muted search-hit-time">{hitTime(hit)}</span>
            </span>
            <Snippet segments={hit.snippet} />
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {showing ? (error ? `Search failed: ${error}` : hits.length === 0 ? 'No matches' : `${hits.length} result${hits.length === 1 ? '' : 's'}`) : ''}
      </p>
      {showing && (error || hits.length === 0) && (
        <p className={`search-empty${error ? ' field-error' : ' muted'}`} aria-hidden="true">
          {error ? `Search failed: ${error}` : 'No matches'}
        </p>
      )}
    </div>
  );
}
