// The fields of one action item: used by the "New action" dialog and by inline edit.
// On a refused save the typed values stay and the error names what to fix.
import { useId, useState, type FormEvent } from 'react';
import { ACTION_PRIORITIES, type ActionPriority } from '../../shared/model/coordinationTypes';
import { FieldError } from '../app/FieldError';
import { fromDueInput, toDueInput } from './dueDate';
import { useLinkChoices } from './useLinkChoices';
import type { Instant } from '../../shared/model/types';

export interface ActionValues {
  text: string;
  owner: string;
  dueAt: Instant | null;
  priority: ActionPriority;
  entryIds: string[];
  decisionIds: string[];
}

interface Props {
  initial: ActionValues;
  zone: string;
  submitLabel: string;
  /** Saves; returns an error message (and the field at fault) to show, or null when saved. */
  onSubmit: (values: ActionValues) => { message: string; field?: string } | null;
  onCancel: () => void;
}

function selected(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions, (option) => option.value);
}

export function ActionForm({ initial, zone, submitLabel, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const [due, setDue] = useState(() => toDueInput(initial.dueAt, zone));
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const links = useLinkChoices(initial.entryIds, zone);
  const errorId = useId();
  const set = (patch: Partial<ActionValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setError(null);
  };
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dueAt = fromDueInput(due, zone);
    if (dueAt === 'invalid') return setError({ message: 'The due date is not a date and time; pick one or clear it.', field: 'dueAt' });
    setError(onSubmit({ ...values, dueAt }));
  };

  return (
    <form className="action-form" onSubmit={submit}>
      <label className="field action-form-text">
        <span>Action</span>
        <textarea rows={2} autoFocus value={values.text} onChange={(e) => set({ text: e.target.value })} {...invalid('text')} />
      </label>
      <div className="row wrap">
        <label className="field grow">
          <span>Owner</span>
          <input value={values.owner} onChange={(e) => set({ owner: e.target.value })} {...invalid('owner')} />
        </label>
        <label className="field">
          <span>Due ({zone}, 24 h)</span>
          <input
            value={due}
            placeholder="2026-11-28 14:30"
            inputMode="numeric"
            size={17}
            onChange={(e) => {
              setDue(e.target.value);
              setError(null);
            }}
            {...invalid('dueAt')}
          />
        </label>
        <label className="field">
          <span>Priority</span>
          <select value={values.priority} onChange={(e) => set({ priority: e.target.value as ActionPriority })}>
            {ACTION_PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="row wrap">
        <label className="field grow">
          <span>Linked timeline entries (key entries)</span>
          <select multiple size={4} value={values.entryIds} onChange={(e) => set({ entryIds: selected(e.target) })} {...invalid('entryIds')}>
            {links.entries.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Linked decisions</span>
          <select multiple size={4} value={values.decisionIds} onChange={(e) => set({ decisionIds: selected(e.target) })} {...invalid('decisionIds')}>
            {links.decisions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldError message={error?.message} id={errorId} />
      <div className="row end">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
