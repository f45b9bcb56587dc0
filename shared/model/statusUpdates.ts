import * as Y from 'yjs';
import { DEFAULT_CADENCE, foldCadence, type CadenceEvent } from './cadenceRecords';
import { AUDIENCES, type StatusCadence, type StatusUpdate } from './coordinationTypes';
import type { Severity } from './types';
import { z } from 'zod';
import { instant, oneOf, requiredText, storedShape, text } from './recordFields';
import { parseStoredRecord } from './storedFields';

// Status updates and their cadence: Y layout, readers and the archive writer. Commands are
// in statusCommands.ts, so this module (imported by doc.ts through coordination.ts) never
// imports commands.ts, which would close an import cycle.
// `statusUpdates`: id → immutable record (one JSON string; an update, once sent, is history).
// `cadence`: append-only log of per-severity settings and snoozes (see cadenceRecords.ts).

export { DEFAULT_CADENCE, nextUpdateDue, type CadenceEvent } from './cadenceRecords';
export { composeStatusUpdate, STATUS_TEMPLATE_LABELS } from './statusTemplates';

export const STATUS_UPDATES = 'statusUpdates';
export const CADENCE = 'cadence';

export function statusUpdatesMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(STATUS_UPDATES);
}

export function cadenceArray(doc: Y.Doc): Y.Array<CadenceEvent> {
  return doc.getArray<CadenceEvent>(CADENCE);
}

/** A status update, as the archive holds it and as it is stored; stored, every field reads tolerantly, an unknown audience as internal. */
export const STATUS_UPDATE_FIELDS = {
  id: requiredText,
  audience: oneOf(AUDIENCES, 'internal'),
  template: text,
  text,
  postedBy: text,
  postedAt: instant,
  entryId: text,
};

const StatusUpdateRecord = z.object(storedShape(STATUS_UPDATE_FIELDS));

function decodeUpdate(stored: unknown, id: string): StatusUpdate | null {
  // Status updates were always written as JSON strings; anything else is not one.
  const record = typeof stored === 'string' ? parseStoredRecord(stored) : null;
  return record ? { ...StatusUpdateRecord.parse(record), id } : null;
}

/** Every update sent, oldest first (postedAt, then id). Never throws. */
export function readStatusUpdates(doc: Y.Doc): StatusUpdate[] {
  const updates: StatusUpdate[] = [];
  statusUpdatesMap(doc).forEach((stored, id) => {
    const update = decodeUpdate(stored, id);
    if (update) updates.push(update);
  });
  return updates.sort((a, b) => (a.postedAt !== b.postedAt ? (a.postedAt < b.postedAt ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The cadence in force: defaults overlaid with every setting, plus every snooze. */
export function readCadence(doc: Y.Doc): StatusCadence {
  return foldCadence(cadenceArray(doc));
}

/** Raw write of archived updates and cadence into an empty doc; call it inside the caller's transaction. */
export function writeStatusUpdates(doc: Y.Doc, updates: StatusUpdate[], cadence: StatusCadence): void {
  const map = statusUpdatesMap(doc);
  for (const update of updates) {
    const { id, ...record } = update;
    map.set(id, JSON.stringify(record));
  }
  const events: CadenceEvent[] = [];
  const minutes = cadence.minutesBySeverity ?? DEFAULT_CADENCE.minutesBySeverity;
  for (const [severity, value] of Object.entries(minutes) as [Severity, number | null][]) {
    // Only departures from the defaults: an archive of a default cadence adds nothing.
    if (value !== DEFAULT_CADENCE.minutesBySeverity[severity]) events.push({ type: 'minutes', severity, minutes: value, by: '', at: '' });
  }
  for (const snooze of cadence.snoozes ?? []) events.push({ type: 'snooze', ...snooze });
  if (events.length > 0) cadenceArray(doc).push(events);
}
