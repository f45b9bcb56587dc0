// Header badge: "Checklists 7/12", with the blocked count in --warn so a stuck gate is
// seen from anywhere in the incident. Nothing when the incident has no checklist.
import { checklistProgress } from '../../shared/model/checklists';
import { useIncidentContext } from '../app/session';
import { useChecklists } from './useChecklists';
import './checklists.css';

export function ChecklistProgressBadge() {
  const { doc } = useIncidentContext();
  const lists = useChecklists(doc);
  if (lists.length === 0) return null;
  let finished = 0;
  let total = 0;
  let blocked = 0;
  for (const list of lists) {
    const p = checklistProgress(list);
    finished += p.finished;
    total += p.total;
    blocked += p.blocked;
  }
  return (
    <span className="cl-badge" title={`${finished} of ${total} checklist items finished${blocked ? `, ${blocked} blocked` : ''}`}>
      Checklists {finished}/{total}
      {blocked > 0 && <span className="cl-blocked"> · {blocked} blocked</span>}
    </span>
  );
}
