import type * as Y from 'yjs';
import { CommandError } from './commandError';
import { LOCAL_ORIGIN } from './commands';
import { POSTMORTEM_SECTIONS, writeIncidentMeta, entriesMap, entryEditsArray, metaMap, postmortemMap } from './doc';
import { encodeEntryRecord, type EntryEditRecord, type EntryRecord } from './entryRecords';
import { writeCoordination } from './coordination';
import { writeSituation } from './situation';
import type { EditableEntryField, EntryEdit, IncidentSnapshot, TimelineEntry } from './types';

// Writes a whole incident (from an archive), its decisions, checklists, actions, status updates, roles and situation included, into a fresh document in one transaction,
// so a peer or the store sees either nothing or all of it: nothing is half-imported.
// Values are copied, never shared with the snapshot, so later edits cannot alias.

type FieldValues = Pick<TimelineEntry, EditableEntryField>;

/**
 * Splits a plain entry back into how it is stored: the values it was created with, and
 * the log records that lead from them to its current values. A field's creation value is
 * the `previous` of its first edit; each edit's new value is the `previous` of the next
 * edit of that field, or the current value for the last one. Folding these gives the
 * entry back exactly, history included.
 */
export function entryToRecords(entry: TimelineEntry): { record: EntryRecord; edits: EntryEditRecord[] } {
  const values: FieldValues = { text: entry.text, occurredAt: entry.occurredAt, kind: entry.kind, workstream: entry.workstream, key: entry.key };
  const edits: EntryEditRecord[] = [];
  // Walk backwards so each edit's new value is the value the following edit replaced.
  for (let i = entry.history.length - 1; i >= 0; i--) {
    const { by, at, field, previous } = entry.history[i] as EntryEdit;
    edits.push({ entryId: entry.id, by, at, field, value: values[field] });
    (values as Record<EditableEntryField, unknown>)[field] = previous;
  }
  edits.reverse();
  if (entry.retraction) {
    const { by, at, reason } = entry.retraction;
    edits.push({ entryId: entry.id, by, at, field: 'retraction', value: { by, at, reason } });
  }
  const record: EntryRecord = {
    id: entry.id,
    occurredAt: values.occurredAt,
    recordedAt: entry.recordedAt,
    author: entry.author,
    kind: values.kind,
    text: values.text,
    workstream: values.workstream,
    key: values.key,
    ...(entry.provenance && { provenance: entry.provenance }),
  };
  return { record, edits };
}

/**
 * Writes `snapshot` into an empty doc. Throws CommandError('invalid') when the doc already
 * holds an incident (importing over one would merge two incidents) and leaves it untouched.
 */
export function importSnapshot(doc: Y.Doc, snapshot: IncidentSnapshot, origin: unknown = LOCAL_ORIGIN): void {
  const meta = metaMap(doc);
  const { incident } = snapshot;
  // Checked inside the transaction: the first touch of a Y.Array runs an (empty) transaction
  // of its own, which would otherwise show up as a second one with no origin.
  doc.transact(() => {
    if (meta.size > 0 || entriesMap(doc).size > 0 || entryEditsArray(doc).length > 0) {
      throw new CommandError('invalid', 'This document already holds an incident; import into a new one.');
    }
    const { postmortem: sections, ...fields } = incident;
    writeIncidentMeta(doc, fields);
    const postmortem = postmortemMap(doc);
    for (const section of POSTMORTEM_SECTIONS) postmortem.set(section, sections[section]);
    const entries = entriesMap(doc);
    const log: EntryEditRecord[] = [];
    for (const entry of snapshot.entries) {
      // Creation records are written once; a repeated id in a damaged archive keeps its first entry.
      if (entries.has(entry.id)) continue;
      const { record, edits } = entryToRecords(entry);
      entries.set(entry.id, encodeEntryRecord(record));
      log.push(...edits);
    }
    if (log.length > 0) entryEditsArray(doc).push(log);
    // Same transaction: decisions and status updates point at entries written just above.
    writeCoordination(doc, snapshot.coordination);
    // And what the team thought: the hypothesis, the ones ruled out, the history of the summary and impact.
    writeSituation(doc, snapshot.situation);
  }, origin);
}
