import * as Y from 'yjs';
import { CommandError } from './commandError';
import { LOCAL_ORIGIN } from './commands';
import { DOC_SCHEMA_VERSION, POSTMORTEM_SECTIONS, entriesMap, metaMap, postmortemMap } from './doc';
import type { EntryEdit, IncidentSnapshot, TimelineEntry } from './types';

// Writes a whole incident (from an archive) into a fresh document in one transaction,
// so a peer or the store sees either nothing or all of it: nothing is half-imported.
// Values are copied, never shared with the snapshot, so later edits cannot alias.

function entryMap(entry: TimelineEntry): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', entry.id);
  map.set('occurredAt', entry.occurredAt);
  map.set('recordedAt', entry.recordedAt);
  map.set('author', entry.author);
  map.set('kind', entry.kind);
  map.set('text', entry.text);
  map.set('workstream', entry.workstream);
  map.set('key', entry.key);
  map.set('retraction', entry.retraction ? { ...entry.retraction } : null);
  const history = new Y.Array<EntryEdit>();
  history.push(entry.history.map((edit) => ({ ...edit })));
  map.set('history', history);
  return map;
}

/**
 * Writes `snapshot` into an empty doc. Throws CommandError('invalid') when the doc already
 * holds an incident (importing over one would merge two incidents) and leaves it untouched.
 */
export function importSnapshot(doc: Y.Doc, snapshot: IncidentSnapshot, origin: unknown = LOCAL_ORIGIN): void {
  const meta = metaMap(doc);
  if (meta.size > 0 || entriesMap(doc).size > 0) {
    throw new CommandError('invalid', 'This document already holds an incident; import into a new one.');
  }
  const { incident } = snapshot;
  doc.transact(() => {
    meta.set('id', incident.id);
    meta.set('title', incident.title);
    meta.set('severity', incident.severity);
    meta.set('status', incident.status);
    meta.set('createdAt', incident.createdAt);
    meta.set('detectedAt', incident.detectedAt);
    meta.set('impactStartedAt', incident.impactStartedAt);
    meta.set('mitigatedAt', incident.mitigatedAt);
    meta.set('resolvedAt', incident.resolvedAt);
    meta.set('timeZone', incident.timeZone);
    meta.set('summary', incident.summary);
    meta.set('impact', incident.impact);
    meta.set('commander', incident.commander);
    meta.set('schemaVersion', DOC_SCHEMA_VERSION);
    const postmortem = postmortemMap(doc);
    for (const section of POSTMORTEM_SECTIONS) postmortem.set(section, incident.postmortem[section]);
    const entries = entriesMap(doc);
    for (const entry of snapshot.entries) entries.set(entry.id, entryMap(entry));
  }, origin);
}
