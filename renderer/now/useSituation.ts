// The leading hypothesis, the ruled-out ones and the summary/impact/hypothesis history,
// re-read when the meta map or either log changes (tens of records).
import type * as Y from 'yjs';
import { metaMap } from '../../shared/model/doc';
import { readSituation, ruledOutArray, situationEditsArray, type Situation } from '../../shared/model/situation';
import { useIncidentContext } from '../app/session';
import { useDocRead } from '../state/useDocRead';

const situationTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [metaMap(doc), ruledOutArray(doc), situationEditsArray(doc)] as Y.AbstractType<unknown>[];

export function useSituation(): Situation {
  const { doc } = useIncidentContext();
  return useDocRead(doc, situationTypes, readSituation);
}
