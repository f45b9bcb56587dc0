// The full "new decision" form in a dialog, prefilled with the question typed after
// `/decision` in quick-add. Hidden until openDecisionDraft() is called.
import { useState, type FormEvent } from 'react';
import { proposeDecision } from '../../shared/model/decisionCommands';
import { nowInstant } from '../../shared/time/instant';
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import type { EntryPlacement } from '../../shared/model/commandSchemas';
import { PlacementNote } from '../timeline/PlacementNote';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { closeDecisionDraft, useDecisionDraft } from './decisionDraft';
import { selectDecision } from './decisionFocus';
import { DecisionForm } from './DecisionForm';
import { emptyForm, errorsFrom, optionInputs, revisitAtFrom, type DecisionFormValues, type FormErrors } from './decisionFormModel';

export function DecisionDraftDialog() {
  const draft = useDecisionDraft();
  if (!draft) return null;
  return <NewDecisionDialog question={draft.question} placement={draft.placement} onClose={closeDecisionDraft} />;
}

/** The dialog itself; DecisionsView's "New decision" opens it directly too. */
export function NewDecisionDialog({ question, placement, onClose }: { question: string; placement?: EntryPlacement | undefined; onClose: () => void }) {
  const { doc, author, canWrite } = useIncidentContext();
  const zone = useDisplayZone();
  const [values, setValues] = useState<DecisionFormValues>(() => emptyForm(question));
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { inputs, keys } = optionInputs(values.options);
    try {
      const revisitAt = revisitAtFrom(values.revisitMinutes, nowInstant());
      const id = proposeDecision(doc, { author }, { ...placement, question: values.question, context: values.context, options: inputs, reversibility: values.reversibility, revisitAt });
      selectDecision(id);
      onClose();
    } catch (err) {
      setErrors(errorsFrom(err, keys));
    }
  };

  return (
    <Dialog title="New decision" onCancel={onClose}>
      <form className="dc-dialog-form" onSubmit={submit} onKeyDown={(e) => e.stopPropagation()}>
        <PlacementNote placement={placement} zone={zone} />
        <DecisionForm
          values={values}
          errors={errors}
          showRevisit
          onChange={(next) => {
            setValues(next);
            setErrors({});
          }}
        />
        <FieldError message={errors.form ?? errors.status} />
        <div className="row end dc-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canWrite}>
            Propose decision
          </button>
        </div>
      </form>
    </Dialog>
  );
}
