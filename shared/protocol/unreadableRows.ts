// A stored row that would not decode (a damaged disk, a file edited by hand): the incident opens
// with every other row, and this one is kept, never deleted, and reported wherever the incident
// is shown (the UI, `warroom list`, `export`, the store status) until the end. While one is not
// acknowledged, nothing new is written to its incident.
import { z } from 'zod';

/** `rowId` is SQLite's rowid in `table`. */
export const UnreadableRowSchema = z.object({
  incidentId: z.string(),
  file: z.string(),
  table: z.enum(['updates', 'snapshots']),
  rowId: z.number().int(),
  reason: z.string(),
  acknowledged: z.boolean(),
});
export type UnreadableRow = z.infer<typeof UnreadableRowSchema>;

/** "Incident 01J…: row 42 of table updates in /data/warroom.db could not be read (…); it is kept." */
export function describeUnreadableRow(row: UnreadableRow): string {
  const state = row.acknowledged ? 'it is kept (acknowledged)' : 'it is kept, and nothing new is written to this incident until it is acknowledged';
  return `Incident ${row.incidentId}: row ${row.rowId} of table ${row.table} in ${row.file} could not be read (${row.reason}); ${state}.`;
}
