// The options considered, each with pros and cons, edited as a list of rows.
import { FieldError } from '../app/FieldError';
import { blankOption, type FormErrors, type OptionDraft } from './decisionFormModel';

interface Props {
  options: OptionDraft[];
  errors: FormErrors;
  onChange: (options: OptionDraft[]) => void;
}

export function OptionsEditor({ options, errors, onChange }: Props) {
  const patch = (key: string, change: Partial<OptionDraft>) => onChange(options.map((o) => (o.key === key ? { ...o, ...change } : o)));
  return (
    <fieldset className="dc-options">
      <legend>Options considered</legend>
      {options.map((option, index) => {
        const n = index + 1;
        return (
          <div key={option.key} className="dc-option">
            <div className="row">
              <label className="field grow">
                <span>Option {n}</span>
                <input
                  value={option.title}
                  placeholder="e.g. Wait for the slow restore"
                  aria-invalid={errors[`option:${option.key}`] ? true : undefined}
                  onChange={(e) => patch(option.key, { title: e.target.value })}
                />
              </label>
              <button type="button" className="icon-button dc-remove" aria-label={`Remove option ${n}`} onClick={() => onChange(options.filter((o) => o.key !== option.key))}>
                ×
              </button>
            </div>
            <div className="row">
              <label className="field grow">
                <span>Pros of option {n}</span>
                <textarea rows={1} value={option.pros} onChange={(e) => patch(option.key, { pros: e.target.value })} />
              </label>
              <label className="field grow">
                <span>Cons of option {n}</span>
                <textarea rows={1} value={option.cons} onChange={(e) => patch(option.key, { cons: e.target.value })} />
              </label>
            </div>
            <FieldError message={errors[`option:${option.key}`]} />
          </div>
        );
      })}
      <FieldError message={errors.options} />
      <button type="button" onClick={() => onChange([...options, blankOption()])}>
        Add option
      </button>
    </fieldset>
  );
}
