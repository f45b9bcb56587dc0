// Choosing an option and marking the decision decided. When Decide is refused (no option
// chosen) the reason shows right here and the typed rationale stays.
import { useId, useState, type FormEvent } from 'react';
import { decideDecision } from '../../shared/model/decisionCommands';
import type { Decision } from '../../shared/model/coordinationTypes';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { errorsFrom, type FormErrors } from './decisionFormModel';

export function DecidePanel({ decision }: { decision: Decision }) {
  const { doc, author } = useIncidentContext();
  const [chosen, setChosen] = useState<string | null>(decision.chosenOptionId);
  const [rationale, setRationale] = useState(decision.rationale);
  const [errors, setErrors] = useState<FormErrors>({});
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      decideDecision(doc, { author }, decision.id, { chosenOptionId: chosen, rationale });
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };

  return (
    <form className="stack dc-decide" onSubmit={submit} aria-label="Decide">
      <fieldset aria-invalid={errors.chosenOptionId ? true : undefined} aria-describedby={errors.chosenOptionId ? errorId : undefined}>
        <legend>Chosen option</legend>
        {decision.options.length === 0 && <p className="muted">Add at least one option above, save, then choose it here.</p>}
        {decision.options.map((option) => (
          <label key={option.id} className="inline dc-choice">
            <input
              type="radio"
              name={`chosen-${decision.id}`}
              checked={chosen === option.id}
              onChange={() => {
                setChosen(option.id);
                setErrors({});
              }}
            />
            {option.title}
          </label>
        ))}
      </fieldset>
      <FieldError id={errorId} message={errors.chosenOptionId} />
      <label className="field">
        <span>Rationale</span>
        <textarea rows={2} value={rationale} placeholder="Why this option" onChange={(e) => setRationale(e.target.value)} />
      </label>
      <FieldError message={errors.form ?? errors.status ?? errors.rationale} />
      <div className="row end">
        <button type="submit" className="primary">
          Decide
        </button>
      </div>
    </form>
  );
}
