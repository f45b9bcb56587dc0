// Editing a proposed decision: the same form as a new one, saved as one update.
import { useState, type FormEvent } from 'react';
import { updateDecision } from '../../shared/model/decisionCommands';
import type { Decision } from '../../shared/model/coordinationTypes';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { DecisionForm } from './DecisionForm';
import { errorsFrom, formFromDecision, optionInputs, type DecisionFormValues, type FormErrors } from './decisionFormModel';

export function DecisionEditPanel({ decision }: { decision: Decision }) {
  const { doc, author } = useIncidentContext();
  const [values, setValues] = useState<DecisionFormValues>(() => formFromDecision(decision));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { inputs, keys } = optionInputs(values.options);
    try {
      updateDecision(doc, { author }, decision.id, { question: values.question, context: values.context, options: inputs, reversibility: values.reversibility });
      setSaved(true);
    } catch (err) {
      setErrors(errorsFrom(err, keys));
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="Edit decision">
      <DecisionForm
        values={values}
        errors={errors}
        showRevisit={false}
        onChange={(next) => {
          setValues(next);
          setErrors({});
          setSaved(false);
        }}
      />
      <FieldError message={errors.form ?? errors.status} />
      <div className="row end">
        {saved && <span className="muted" role="status">Saved</span>}
        <button type="submit">Save changes</button>
      </div>
    </form>
  );
}
