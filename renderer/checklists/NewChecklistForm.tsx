// "New checklist": pick a bundled runbook, or type a title for an ad-hoc list.
import { useId, useState, type FormEvent } from 'react';
import type { RunbookTemplate } from '../../shared/model/coordinationTypes';
import { BUNDLED_RUNBOOKS } from './bundledRunbooks';

const AD_HOC = '';

export function NewChecklistForm({ onStart }: { onStart: (template: RunbookTemplate | { title: string }) => void }) {
  const [choice, setChoice] = useState(BUNDLED_RUNBOOKS[0]?.file ?? AD_HOC);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bundled = BUNDLED_RUNBOOKS.find((r) => r.file === choice);
    if (bundled) return onStart(bundled.template);
    if (title.trim() === '') return setError('Give the ad-hoc checklist a title.');
    onStart({ title: title.trim() });
    setTitle('');
    setError(null);
  };

  return (
    <form className="row wrap cl-new" onSubmit={submit}>
      <label className="field">
        <span>New checklist from</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          {BUNDLED_RUNBOOKS.map((r) => (
            <option key={r.file} value={r.file}>
              {r.template.title}
            </option>
          ))}
          <option value={AD_HOC}>Ad-hoc list…</option>
        </select>
      </label>
      {choice === AD_HOC && (
        <label className="field">
          <span>Title</span>
          <input
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            placeholder="e.g. Cache warm-up"
          />
        </label>
      )}
      <button type="submit" className="primary cl-new-submit">
        New checklist
      </button>
      {error && (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      )}
    </form>
  );
}
