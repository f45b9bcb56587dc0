// The full decision form: question, context, options with pros and cons, reversibility
// and (for a new decision) when to revisit. Used by the draft dialog and the edit panel.
// It only collects values; the caller runs the command and hands back errors, so typed
// text stays in place whatever was refused.
import { FieldError } from '../app/FieldError';
import type { DecisionFormValues, FormErrors } from './decisionFormModel';
import { OptionsEditor } from './OptionsEditor';

interface Props {
  values: DecisionFormValues;
  errors: FormErrors;
  onChange: (values: DecisionFormValues) => void;
  /** The revisit field is for new decisions; an existing one has its own revisit control. */
  showRevisit: boolean;
}

export function DecisionForm({ values, errors, onChange, showRevisit }: Props) {
  const set = <K extends keyof DecisionFormValues>(key: K, value: DecisionFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <div className="stack">
      <label className="field">
        <span>Question</span>
        <input value={values.question} autoFocus aria-invalid={errors.question ? true : undefined} onChange={(e) => set('question', e.target.value)} />
        <FieldError message={errors.question} />
      </label>
      <label className="field">
        <span>Context</span>
        <textarea rows={2} value={values.context} placeholder="What we know, what is at stake" onChange={(e) => set('context', e.target.value)} />
      </label>
      <OptionsEditor options={values.options} errors={errors} onChange={(options) => set('options', options)} />
      <div className="row wrap">
        <label className="field">
          <span>Reversibility</span>
          <select value={values.reversibility} onChange={(e) => set('reversibility', e.target.value === 'one-way' ? 'one-way' : 'two-way')}>
            <option value="two-way">Two-way door (can be undone)</option>
            <option value="one-way">One-way door (hard to undo)</option>
          </select>
        </label>
        {showRevisit && (
          <label className="field">
            <span>Revisit in (minutes)</span>
            <input
              inputMode="numeric"
              value={values.revisitMinutes}
              placeholder="e.g. 30"
              size={8}
              aria-invalid={errors.revisitAt ? true : undefined}
              onChange={(e) => set('revisitMinutes', e.target.value)}
            />
            <FieldError message={errors.revisitAt} />
          </label>
        )}
      </div>
    </div>
  );
}
