// The full "new decision" form in a dialog, prefilled with the question typed after
// `/decision` in quick-add. Hidden until openDecisionDraft() is called. It either proposes an
// open decision or logs one already made (chosen option and rationale), each in one submit.
import { useState, type FormEvent } from 'react';
import { logDecisionMade, proposeDecision } from '../../shared/model/decisionCommands';
import { nowInstant } from '../../shared/time/instant';
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import type { EntryPlacement } from '../../shared/model/commandSchemas';
import { PlacementNote } from '../timeline/PlacementNote';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { closeDecisionDraft, useDecisionDraft, type DecisionDraftMode } from './decisionDraft';
import { selectDecision } from './decisionFocus';
import { DecisionForm } from './DecisionForm';
import { ChosenOptionFields } from './ChosenOptionFields';
import { emptyForm, errorsFrom, optionInputs, revisitAtFrom, type DecisionFormValues, type FormErrors } from './decisionFormModel';

export function DecisionDraftDialog() {
  const draft = useDecisionDraft();
  if (!draft) return null;
  return <NewDecisionDialog question={draft.question} placement={draft.placement} mode={draft.mode ?? 'made'} onClose={closeDecisionDraft} />;
}

interface Props {
  question: string;
  placement?: EntryPlacement | undefined;
  mode: DecisionDraftMode;
  onClose: () => void;
}

/** The dialog itself; DecisionsView's buttons open it directly too. */
export function NewDecisionDialog({ question, placement, mode: initialMode, onClose }: Props) {
  const { doc, author, canWrite } = useIncidentContext();
  const zone = useDisplayZone();
  const [mode, setMode] = useState<DecisionDraftMode>(initialMode);
  const [values, setValues] = useState<DecisionFormValues>(() => emptyForm(question));
  const [chosen, setChosen] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { inputs, keys } = optionInputs(values.options);
    try {
      const revisitAt = revisitAtFrom(values.revisitMinutes, nowInstant());
      const input = { ...placement, question: values.question, context: values.context, options: inputs, reversibility: values.reversibility, revisitAt };
      const id = mode === 'made' ? logDecisionMade(doc, { author }, { ...input, chosenOptionId: chosen ?? '', rationale }) : proposeDecision(doc, { author }, input);
      selectDecision(id);
      onClose();
    } catch (err) {
      setErrors(errorsFrom(err, keys));
    }
  };
  const clearErrors = () => setErrors({});

  return (
    <Dialog title="New decision" onCancel={onClose}>
      <form className="dc-dialog-form" onSubmit={submit} onKeyDown={(e) => e.stopPropagation()}>
        <PlacementNote placement={placement} zone={zone} />
        <fieldset className="row dc-mode">
          <legend>Is it decided?</legend>
          <label className="inline">
            <input type="radio" name="decision-mode" checked={mode === 'made'} onChange={() => { setMode('made'); clearErrors(); }} />
            Already decided: log it
          </label>
          <label className="inline">
            <input type="radio" name="decision-mode" checked={mode === 'propose'} onChange={() => { setMode('propose'); clearErrors(); }} />
            Still open: propose it
          </label>
        </fieldset>
        <DecisionForm
          values={values}
          errors={errors}
          showRevisit
          onChange={(next) => {
            setValues(next);
            clearErrors();
          }}
        />
        {mode === 'made' && (
          <ChosenOptionFields
            options={values.options.filter((o) => o.id && o.title.trim() !== '').map((o) => ({ id: o.id ?? '', title: o.title }))}
            chosen={chosen}
            rationale={rationale}
            error={errors.chosenOptionId}
            onChoose={(id) => { setChosen(id); clearErrors(); }}
            onRationale={setRationale}
          />
        )}
        <FieldError message={errors.form ?? errors.status ?? errors.rationale} />
        <div className="row end dc-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canWrite}>
            {mode === 'made' ? 'Log decision' : 'Propose decision'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
