// The checklists of the open incident, re-read whenever the checklist record map or the
// checklist event log changes (and only then: timeline typing does not re-render them).
// Collections are small, so a full re-read is simpler than incremental patching.
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { checklistEventsArray, checklistsMap } from '../../shared/model/checklistRecords';
import { readChecklists } from '../../shared/model/checklists';
import type { Checklist } from '../../shared/model/coordinationTypes';

interface ChecklistSource {
  subscribe: (onChange: () => void) => () => void;
  read: () => Checklist[];
}

function checklistSource(doc: Y.Doc): ChecklistSource {
  let cached: Checklist[] | null = null;
  return {
    subscribe(onChange) {
      const map = checklistsMap(doc);
      const log = checklistEventsArray(doc);
      const changed = () => {
        cached = null;
        onChange();
      };
      map.observe(changed);
      log.observe(changed);
      return () => {
        map.unobserve(changed);
        log.unobserve(changed);
      };
    },
    // useSyncExternalStore needs the same array until something changed.
    read: () => (cached ??= readChecklists(doc)),
  };
}

export function useChecklists(doc: Y.Doc): Checklist[] {
  const source = useMemo(() => checklistSource(doc), [doc]);
  return useSyncExternalStore(source.subscribe, source.read);
}
