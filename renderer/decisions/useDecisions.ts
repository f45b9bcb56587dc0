// The decision log as React reads it, through the one Yjs read adapter (renderer/state):
// re-read after a transaction that touched the decision map or its event log (tens of decisions).
import type * as Y from 'yjs';
import { decisionEventsArray, decisionsMap, readDecisions } from '../../shared/model/decisions';
import type { Decision } from '../../shared/model/coordinationTypes';
import { useDocRead } from '../state/useDocRead';

const decisionTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [decisionsMap(doc), decisionEventsArray(doc)] as Y.AbstractType<unknown>[];

/** Every decision, oldest first; re-renders when any decision changes. */
export function useDecisions(doc: Y.Doc): Decision[] {
  return useDocRead(doc, decisionTypes, readDecisions);
}
