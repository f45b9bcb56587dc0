// The filters every view across incidents shares: the catalog, the metrics and the action items.
// Each control writes the URL (catalogUrl.ts), so the filtered view can be shared and survives a reload.
import { forwardRef, type KeyboardEvent } from 'react';
import { DEFAULT_CATALOG_QUERY, OPEN_ACTION_FILTERS, type CatalogQuery, type OpenActionFilter } from '../../shared/catalog/catalogQuery';
import { SEVERITIES, STATUSES } from '../../shared/model/types';

const OPEN_ACTION_LABELS: Record<OpenActionFilter, string> = { any: 'Any', some: 'Some open', none: 'None open' };

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

interface Props {
  query: CatalogQuery;
  update: (patch: Partial<CatalogQuery>) => void;
  /** Arrow keys in the filter box move into the results (the catalog's keyboard path). */
  onFilterKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  shown: number;
  total: number;
}

export const CatalogFilters = forwardRef<HTMLInputElement, Props>(function CatalogFilters({ query, update, onFilterKeyDown, shown, total }, filterRef) {
  const moreSet = query.service !== '' || query.tag !== '' || query.commander !== '' || query.minHours > 0 || query.openActions !== 'any';
  const filtered = JSON.stringify({ ...query, sort: '', desc: false }) !== JSON.stringify({ ...DEFAULT_CATALOG_QUERY, sort: '', desc: false });
  return (
    <div className="catalog-filters" role="group" aria-label="Filters">
      <label className="field filter-text">
        <span>Filter</span>
        <input
          ref={filterRef}
          type="search"
          value={query.text}
          placeholder="Title, service, tag or commander"
          onChange={(e) => update({ text: e.target.value })}
          onKeyDown={onFilterKeyDown}
        />
      </label>
      <fieldset className="chip-group">
        <legend>Severities</legend>
        {SEVERITIES.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={query.severities.includes(s)} onClick={() => update({ severities: toggle(query.severities, s) })}>
            {s}
          </button>
        ))}
      </fieldset>
      <fieldset className="chip-group">
        <legend>Statuses</legend>
        {STATUSES.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={query.statuses.includes(s)} onClick={() => update({ statuses: toggle(query.statuses, s) })}>
            {s}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>Impact from (UTC)</span>
        <input type="date" value={query.from} onChange={(e) => update({ from: e.target.value })} />
      </label>
      <label className="field">
        <span>Impact to (UTC)</span>
        <input type="date" value={query.to} onChange={(e) => update({ to: e.target.value })} />
      </label>
      <details className="more-filters" open={moreSet || undefined}>
        <summary>More filters{moreSet ? ' (set)' : ''}</summary>
        <div className="more-filters-body">
      <label className="field">
        <span>Service</span>
        <input type="text" value={query.service} onChange={(e) => update({ service: e.target.value })} />
      </label>
      <label className="field">
        <span>Tag</span>
        <input type="text" value={query.tag} onChange={(e) => update({ tag: e.target.value })} />
      </label>
      <label className="field">
        <span>Commander</span>
        <input type="text" value={query.commander} onChange={(e) => update({ commander: e.target.value })} />
      </label>
      <label className="field narrow">
        <span>Lasted at least (hours)</span>
        <input type="number" min={0} step={1} value={query.minHours || ''} onChange={(e) => update({ minHours: Math.max(0, Number(e.target.value) || 0) })} />
      </label>
      <label className="field">
        <span>Open action items</span>
        <select value={query.openActions} onChange={(e) => update({ openActions: e.target.value as OpenActionFilter })}>
          {OPEN_ACTION_FILTERS.map((f) => (
            <option key={f} value={f}>
              {OPEN_ACTION_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
        </div>
      </details>
      <div className="filter-summary">
        <p className="muted" role="status">
          {shown === total ? `${total} incidents` : `${shown} of ${total} incidents`}
        </p>
        {filtered && (
          <button type="button" onClick={() => update({ ...DEFAULT_CATALOG_QUERY, sort: query.sort, desc: query.desc })}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
});
