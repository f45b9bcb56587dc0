// The link options for an action form, read once when the form opens: recent key entries
// (from the timeline's shared entries adapter, walked from the newest end so 100k entries
// cost nothing) and the decisions. A form is short-lived; it need not follow live changes.
import { useState } from 'react';
import { readDecisions } from '../../shared/model/decisions';
import type { TimelineEntry } from '../../shared/model/types';
import { useIncidentContext } from '../app/session';
import { useEntriesStore } from '../timeline/useEntriesStore';
import { decisionChoices, entryChoices, type LinkChoice } from './linkChoices';

export function useLinkChoices(linkedEntryIds: readonly string[], zone: string): { entries: LinkChoice[]; decisions: LinkChoice[] } {
  const { doc } = useIncidentContext();
  const entriesStore = useEntriesStore(doc);
  const [choices] = useState(() => {
    const { orderedIds, byId } = entriesStore.getState();
    function* newestFirst(): Generator<TimelineEntry> {
      for (let i = orderedIds.length - 1; i >= 0; i -= 1) {
        const row = byId.get(orderedIds[i] ?? '');
        if (row) yield row;
      }
    }
    return { entries: entryChoices(newestFirst(), linkedEntryIds, zone), decisions: decisionChoices(readDecisions(doc)) };
  });
  return choices;
}
