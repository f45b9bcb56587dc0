// The open incident's action items, re-read when the `actions` map or its event log changes.
import type * as Y from 'yjs';
import { actionEventsArray, actionsMap, readActions } from '../../shared/model/actions';
import type { ActionItem } from '../../shared/model/coordinationTypes';
import { useIncidentContext } from '../app/session';
import { useDocRead } from '../state/useDocRead';

const actionTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [actionsMap(doc), actionEventsArray(doc)] as Y.AbstractType<unknown>[];

export function useActions(): ActionItem[] {
  const { doc } = useIncidentContext();
  return useDocRead(doc, actionTypes, readActions);
}
