// What the full-text index holds for one incident document: one row per searchable piece
// (the title, the summary, each postmortem section, entry, decision, action item and checklist
// item), derived from the Yjs document. The same per-record functions serve the incremental
// index and `warroom reindex`, so the two cannot disagree.
import type * as Y from 'yjs';
import { entriesMap, entryEditsArray, postmortemMap, POSTMORTEM_SECTIONS, readIncident, type EntryEditRecord } from '../../../shared/model/doc';
import { foldEntry, groupEditsByEntry } from '../../../shared/model/entryRecords';
import { readDecision, readDecisions } from '../../../shared/model/decisionRead';
import { actionEventsArray, actionsMap, readActions } from '../../../shared/model/actions';
import { foldAction, groupEventsByAction } from '../../../shared/model/actionRecords';
import { readChecklist, readChecklists } from '../../../shared/model/checklists';
import type { ActionItem, Checklist, Decision } from '../../../shared/model/coordinationTypes';
import type { Incident, TimelineEntry } from '../../../shared/model/types';
import { SNIPPET_HIT_END, SNIPPET_HIT_START, type SearchKind } from '../../../shared/protocol/search';

/** One indexed piece of text and what it belongs to. */
export interface SearchRow {
  kind: SearchKind;
  /** The record it was derived from; one record may give several rows (a checklist's items). */
  recordId: string;
  /** Which row of the record (a checklist item id, a postmortem section); '' when it has one. */
  part: string;
  entryId: string | null;
  at: string | null;
  retracted: boolean;
  /** A key event (not a key-time status row, whose words every incident shares): it counts toward "similar incidents". */
  keyEvent: boolean;
  text: string;
}

/** A unit of re-indexing: the incident's meta (title, summary), its postmortem, or one record. */
export type SearchRecordRef =
  | { kind: 'meta' }
  | { kind: 'postmortem' }
  | { kind: 'entry' | 'decision' | 'action' | 'checklist'; id: string };

/** The kinds of index row each record kind owns (what a re-index of that record replaces). */
export const ROW_KINDS_OF: Readonly<Record<SearchRecordRef['kind'], readonly SearchKind[]>> = {
  meta: ['title', 'summary'],
  postmortem: ['postmortem'],
  entry: ['entry'],
  decision: ['decision'],
  action: ['action'],
  checklist: ['checklist'],
};

// The snippet marks must only ever come from the index, never from the text itself.
const SNIPPET_MARKS = new RegExp(`[${SNIPPET_HIT_START}${SNIPPET_HIT_END}]`, 'g');

function clean(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join('\n')
    .replace(SNIPPET_MARKS, ' ');
}

function row(fields: Omit<SearchRow, 'text' | 'part' | 'retracted' | 'keyEvent'> & Partial<SearchRow>, parts: ReadonlyArray<string | null | undefined>): SearchRow[] {
  const text = clean(parts);
  if (text === '') return [];
  return [{ part: '', retracted: false, keyEvent: false, ...fields, text }];
}

function metaRows(incident: Incident): SearchRow[] {
  return [
    ...row({ kind: 'title', recordId: '', entryId: null, at: incident.createdAt || null }, [incident.title]),
    ...row({ kind: 'summary', recordId: '', entryId: null, at: incident.createdAt || null }, [incident.summary, incident.impact]),
  ];
}

function postmortemRows(doc: Y.Doc, incident: Incident): SearchRow[] {
  const map = postmortemMap(doc);
  return POSTMORTEM_SECTIONS.flatMap((section) => {
    const text = map.get(section);
    return row({ kind: 'postmortem', recordId: '', part: section, entryId: null, at: incident.resolvedAt ?? (incident.createdAt || null) }, [typeof text === 'string' ? text : '']);
  });
}

function entryRows(entry: TimelineEntry): SearchRow[] {
  return row(
    { kind: 'entry', recordId: entry.id, entryId: entry.id, at: entry.occurredAt || null, retracted: entry.retraction !== null, keyEvent: entry.key && entry.kind !== 'status' },
    [entry.text, entry.workstream],
  );
}

function decisionRows(d: Decision): SearchRow[] {
  const options = d.options.flatMap((o) => [o.title, o.pros, o.cons]);
  return row({ kind: 'decision', recordId: d.id, entryId: d.entryId || null, at: d.decidedAt ?? (d.createdAt || null) }, [
    d.question,
    d.context,
    ...options,
    d.rationale,
    d.outcome?.why,
  ]);
}

function actionRows(a: ActionItem): SearchRow[] {
  return row({ kind: 'action', recordId: a.id, entryId: a.entryIds[0] ?? null, at: a.createdAt || null }, [a.text, a.owner]);
}

function checklistRows(c: Checklist): SearchRow[] {
  return c.items.flatMap((item) =>
    row({ kind: 'checklist', recordId: c.id, part: item.id, entryId: null, at: c.createdAt || null }, [
      c.title,
      item.section,
      item.text,
      // The notes people leave on an item: why it was skipped or blocked, every time.
      ...item.history.map((h) => h.reason),
    ]),
  );
}

/** Every row of the document, for a full (re)index. Empty while the document holds no incident. */
export function allRows(doc: Y.Doc): SearchRow[] {
  const incident = readIncident(doc);
  if (!incident) return [];
  const edits = groupEditsByEntry(entryEditsArray(doc));
  const entries: SearchRow[] = [];
  entriesMap(doc).forEach((record, id) => entries.push(...entryRows(foldEntry(record, edits.get(id), id))));
  return [
    ...metaRows(incident),
    ...postmortemRows(doc, incident),
    ...entries,
    ...readDecisions(doc).flatMap(decisionRows),
    ...readActions(doc).flatMap(actionRows),
    ...readChecklists(doc).flatMap(checklistRows),
  ];
}

/**
 * Rows for a batch of changed records, read from the document as it is now. The entry and action
 * logs are read once per batch (not once per record); a record no longer there gives no rows.
 */
export function rowsForRecords(doc: Y.Doc, refs: readonly SearchRecordRef[]): Map<SearchRecordRef, SearchRow[]> {
  const out = new Map<SearchRecordRef, SearchRow[]>();
  const incident = readIncident(doc);
  let entryEdits: Map<string, EntryEditRecord[]> | null = null;
  let actionEvents: ReturnType<typeof groupEventsByAction> | null = null;
  for (const ref of refs) {
    if (!incident) {
      out.set(ref, []);
      continue;
    }
    switch (ref.kind) {
      case 'meta':
        out.set(ref, metaRows(incident));
        break;
      case 'postmortem':
        out.set(ref, postmortemRows(doc, incident));
        break;
      case 'entry': {
        const record = entriesMap(doc).get(ref.id);
        entryEdits ??= groupEditsByEntry(entryEditsArray(doc));
        out.set(ref, record === undefined ? [] : entryRows(foldEntry(record, entryEdits.get(ref.id), ref.id)));
        break;
      }
      case 'decision': {
        const decision = readDecision(doc, ref.id);
        out.set(ref, decision ? decisionRows(decision) : []);
        break;
      }
      case 'action': {
        const stored = actionsMap(doc).get(ref.id);
        actionEvents ??= groupEventsByAction(actionEventsArray(doc));
        out.set(ref, stored === undefined ? [] : actionRows(foldAction(stored, actionEvents.get(ref.id) ?? [], ref.id).action));
        break;
      }
      case 'checklist': {
        const checklist = readChecklist(doc, ref.id);
        out.set(ref, checklist ? checklistRows(checklist) : []);
        break;
      }
    }
  }
  return out;
}
