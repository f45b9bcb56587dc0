// Settings: how many weeks a follow-up nobody dated has, per priority (empty: no deadline).
import { ACTION_PRIORITIES } from '../../shared/model/coordinationTypes';
import type { FollowUpPolicy } from '../../shared/catalog/followUpPolicy';

export function FollowUpPolicyFields({ policy, onChange }: { policy: FollowUpPolicy; onChange: (policy: FollowUpPolicy) => void }) {
  return (
    <fieldset className="stack">
      <legend>Follow-up deadlines (weeks after creation, when nobody set a due date)</legend>
      <div className="row wrap">
        {ACTION_PRIORITIES.map((p) => (
          <label key={p} className="field">
            <span>{p} weeks</span>
            <input
              type="number"
              min={1}
              max={104}
              step={1}
              value={policy[p] ?? ''}
              placeholder="none"
              onChange={(e) => onChange({ ...policy, [p]: e.target.value === '' ? null : Math.max(1, Math.round(Number(e.target.value))) })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
