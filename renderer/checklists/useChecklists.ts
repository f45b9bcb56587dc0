// The checklists of the open incident, through the one Yjs read adapter (renderer/state):
// re-read after a transaction that touched the checklist record map or the checklist event log
// (and only then: timeline typing does not re-render them).
import type * as Y from 'yjs';
import { checklistEventsArray, checklistsMap } from '../../shared/model/checklistRecords';
import { readChecklists } from '../../shared/model/checklists';
import type { Checklist } from '../../shared/model/coordinationTypes';
import { useDocRead } from '../state/useDocRead';

const checklistTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [checklistsMap(doc), checklistEventsArray(doc)] as Y.AbstractType<unknown>[];

export function useChecklists(doc: Y.Doc): Checklist[] {
  return useDocRead(doc, checklistTypes, readChecklists);
}
