// Choosing an option and marking the decision decided. When Decide is refused (no option
// chosen) the reason shows right here and the typed rationale stays.
import { useState, type FormEvent } from 'react';
import { decideDecision } from '../../shared/model/decisionCommands';
import type { Decision } from '../../shared/model/coordinationTypes';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { ChosenOptionFields } from './ChosenOptionFields';
import { errorsFrom, type FormErrors } from './decisionFormModel';

export function DecidePanel({ decision }: { decision: Decision }) {
  const { doc, author } = useIncidentContext();
  const [chosen, setChosen] = useState<string | null>(decision.chosenOptionId);
  const [rationale, setRationale] = useState(decision.rationale);
  const [errors, setErrors] = useState<FormErrors>({});

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
      <ChosenOptionFields
        options={decision.options}
        chosen={chosen}
        rationale={rationale}
        error={errors.chosenOptionId}
        emptyHint="Add at least one option above, save, then choose it here."
        onChoose={(id) => {
          setChosen(id);
          setErrors({});
        }}
        onRationale={setRationale}
      />
      <FieldError message={errors.form ?? errors.status ?? errors.rationale} />
      <div className="row end">
        <button type="submit" className="primary">
          Decide
        </button>
      </div>
    </form>
  );
}
