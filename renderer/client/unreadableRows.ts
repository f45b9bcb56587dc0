// Stored rows the host could not decode, as its store status reports them (see
// shared/protocol/unreadableRows.ts); the app-wide banner shows them and offers the acknowledgement.
import { create } from 'zustand';
import type { UnreadableRow } from '../../shared/protocol/unreadableRows';

export const useUnreadableRows = create<{ rows: UnreadableRow[] }>()(() => ({ rows: [] }));

/** The rows grouped by incident, in the order the host reported them. */
export function rowsByIncident(rows: readonly UnreadableRow[]): Array<{ incidentId: string; rows: UnreadableRow[] }> {
  const groups = new Map<string, UnreadableRow[]>();
  for (const row of rows) groups.set(row.incidentId, [...(groups.get(row.incidentId) ?? []), row]);
  return [...groups].map(([incidentId, list]) => ({ incidentId, rows: list }));
}
