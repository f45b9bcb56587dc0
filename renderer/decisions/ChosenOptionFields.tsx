// "Chosen option" radios and the rationale: the deciding half of a decision, shared by the
// Decide panel of a proposed decision and the dialog that logs a decision already made.
import { useId } from 'react';
import { FieldError } from '../app/FieldError';

interface Props {
  options: readonly { id: string; title: string }[];
  chosen: string | null;
  rationale: string;
  error: string | undefined;
  onChoose: (id: string) => void;
  onRationale: (text: string) => void;
  /** Said when there is nothing to choose from yet. */
  emptyHint?: string;
}

export function ChosenOptionFields({ options, chosen, rationale, error, onChoose, onRationale, emptyHint = 'Write the options above, then choose one here.' }: Props) {
  const errorId = useId();
  const group = useId();
  return (
    <>
      <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
        <legend>Chosen option</legend>
        {options.length === 0 && <p className="muted">{emptyHint}</p>}
        {options.map((option) => (
          <label key={option.id} className="inline dc-choice">
            <input type="radio" name={`chosen-${group}`} checked={chosen === option.id} onChange={() => onChoose(option.id)} />
            {option.title}
          </label>
        ))}
      </fieldset>
      <FieldError id={errorId} message={error} />
      <label className="field">
        <span>Rationale</span>
        <textarea rows={2} value={rationale} placeholder="Why this option" onChange={(e) => onRationale(e.target.value)} />
      </label>
    </>
  );
}
