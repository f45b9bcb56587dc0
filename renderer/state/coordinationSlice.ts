// The coordination slices of an incident's store: decisions, action items and checklists, each a
// keyed Y.Map folded with its event log through the keyed source (one patch per transaction, only
// the records it names re-folded), held as a sorted list that is replaced, never changed.
import type * as Y from 'yjs';
import { DisposableStore, type Disposable } from '../../shared/lifecycle/disposable';
import { actionEventsArray, actionsMap } from '../../shared/model/actions';
import { foldAction, groupEventsByAction } from '../../shared/model/actionRecords';
import { checklistEventsArray, checklistsMap, foldChecklist, groupLogByChecklist } from '../../shared/model/checklistRecords';
import type { ActionItem, Checklist, Decision } from '../../shared/model/coordinationTypes';
import { foldDecision } from '../../shared/model/decisionFold';
import { decisionEventsArray, decisionsMap, decodeDecisionRecord, groupDecisionEvents, type DecisionEvent } from '../../shared/model/decisionRecords';
import type { GroupLog } from './keyedLogIndex';
import { byCreation, keyedList } from './keyedList';
import type { SliceApi } from './slice';

export interface CoordinationState {
  /** Every decision, oldest first. */
  decisions: Decision[];
  /** Every action item, open and done, in creation order. */
  actions: ActionItem[];
  /** Every checklist, oldest first. */
  checklists: Checklist[];
}

/** A stored decision is a JSON string (older replicas: an object); anything else is none. */
function isStoredDecision(value: unknown): boolean {
  return typeof value === 'string' || (value !== null && typeof value === 'object');
}

/** The model groups the checklist log from an array: a Y.Array's values, or one transaction's inserts, read into one. */
function groupChecklistLog(values: { forEach(fn: (value: unknown) => void): void }): Map<string, Record<string, unknown>[]> {
  const list: unknown[] = [];
  values.forEach((value) => list.push(value));
  return groupLogByChecklist(list);
}

export function attachCoordination(doc: Y.Doc, api: SliceApi<CoordinationState>): Disposable {
  const lifetime = new DisposableStore();
  lifetime.add(
    keyedList<unknown, DecisionEvent, Decision>(
      doc,
      {
        map: decisionsMap(doc) as Y.Map<unknown>,
        log: { array: decisionEventsArray(doc) as Y.Array<unknown>, group: groupDecisionEvents as GroupLog<DecisionEvent> },
        fold: (id, stored, events) => (isStoredDecision(stored) ? foldDecision(decodeDecisionRecord(stored, id), events) : undefined),
      },
      byCreation,
      (decisions) => api.set({ decisions }),
    ),
  );
  lifetime.add(
    keyedList<unknown, unknown, ActionItem>(
      doc,
      {
        map: actionsMap(doc) as Y.Map<unknown>,
        log: { array: actionEventsArray(doc) as Y.Array<unknown>, group: groupEventsByAction as GroupLog<unknown> },
        fold: (id, stored, events) => (stored === undefined ? undefined : foldAction(stored, events, id).action),
      },
      byCreation,
      (actions) => api.set({ actions }),
    ),
  );
  lifetime.add(
    keyedList<unknown, Record<string, unknown>, Checklist>(
      doc,
      {
        map: checklistsMap(doc) as Y.Map<unknown>,
        log: { array: checklistEventsArray(doc) as Y.Array<unknown>, group: groupChecklistLog as GroupLog<Record<string, unknown>> },
        fold: (id, stored, events) => (stored === undefined ? undefined : foldChecklist(stored, events, id)),
      },
      byCreation,
      (checklists) => api.set({ checklists }),
    ),
  );
  return lifetime;
}
