// The leading hypothesis, the ruled-out ones and the summary/impact/hypothesis history: the
// situation slice of the incident's store, re-read when the meta map or either log changes
// (tens of records).
import { useStore } from 'zustand';
import type { Situation } from '../../shared/model/situation';
import { useIncidentContext } from '../app/session';
import { useIncidentStore } from '../state/useIncidentStore';

export function useSituation(): Situation {
  const { doc } = useIncidentContext();
  return useStore(useIncidentStore(doc), (s) => s.situation);
}
