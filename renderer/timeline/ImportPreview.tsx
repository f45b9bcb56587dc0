// The import preview: every parsed row, virtualized, with its time in the import's zone and
// the kind, author and workstream it will get. Each row can be left out or changed.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImportDefaults, RowChange } from '../../shared/import/importPlan';
import { planRow } from '../../shared/import/importPlan';
import type { ImportRow } from '../../shared/import/importTypes';
import { QUICK_ADD_KINDS } from '../../shared/time/quickAdd';
import { ENTRY_KINDS, type EntryKind } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';

const ROW_PX = 34;
const OVERSCAN = 10;

interface Props {
  rows: readonly ImportRow[];
  zone: string;
  defaults: ImportDefaults;
  changes: ReadonlyMap<number, RowChange>;
  onChange: (line: number, change: RowChange) => void;
}

export function ImportPreview({ rows, zone, defaults, changes, onChange }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the preview re-renders with every change made in it anyway
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="import-preview" ref={scroller}>
      <table className="data-table" aria-label="Import preview" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">Import</th>
            <th scope="col">Line</th>
            <th scope="col">Time</th>
            <th scope="col">Zone</th>
            <th scope="col">Kind</th>
            <th scope="col">Author</th>
            <th scope="col">Workstream</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((item) => {
            const row = rows[item.index] as ImportRow;
            const change = changes.get(row.line);
            const planned = planRow(row, defaults, change);
            const included = change?.include !== false;
            const rowZone = change?.zone && isValidZone(change.zone) ? change.zone : zone;
            const kinds: readonly EntryKind[] = (QUICK_ADD_KINDS as readonly EntryKind[]).includes(planned.kind) ? QUICK_ADD_KINDS : ENTRY_KINDS;
            return (
              <tr key={row.line} aria-rowindex={item.index + 2} className={included ? undefined : 'import-excluded'}>
                <td>
                  <input type="checkbox" aria-label={`Import line ${row.line}`} checked={included} onChange={(e) => onChange(row.line, { include: e.target.checked })} />
                </td>
                <td className="mono">{row.line}</td>
                <td className="mono">{formatDateTime(planned.occurredAt, rowZone)}</td>
                <td>
                  <input
                    aria-label={`Zone, line ${row.line}`}
                    className="import-zone"
                    value={change?.zone ?? ''}
                    placeholder={zone}
                    aria-invalid={change?.zone !== undefined && change.zone !== '' && !isValidZone(change.zone)}
                    onChange={(e) => onChange(row.line, { zone: e.target.value })}
                  />
                </td>
                <td>
                  <select aria-label={`Kind, line ${row.line}`} value={planned.kind} onChange={(e) => onChange(row.line, { kind: e.target.value as EntryKind })}>
                    {kinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`Author, line ${row.line}`} value={planned.author} placeholder="you" onChange={(e) => onChange(row.line, { author: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Workstream, line ${row.line}`} value={planned.workstream} onChange={(e) => onChange(row.line, { workstream: e.target.value })} />
                </td>
                <td className="import-text">{row.text}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
