// What happens to a decision after it is made: its revisit time, being superseded or
// reversed by another decision, and the outcome review (right, wrong or mixed, and why).
import { useState, type FormEvent } from 'react';
import { recordOutcome, replaceDecision, setRevisit } from '../../shared/model/decisionCommands';
import { OUTCOME_VERDICTS, type Decision, type OutcomeVerdict } from '../../shared/model/coordinationTypes';
import { formatDateTime } from '../../shared/time/format';
import { nowInstant } from '../../shared/time/instant';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { errorsFrom, revisitAtFrom, type FormErrors } from './decisionFormModel';
import { RevisitCountdown } from './RevisitCountdown';

export function RevisitControl({ decision, zone }: { decision: Decision; zone: string }) {
  const { doc, author } = useIncidentContext();
  const [minutes, setMinutes] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const apply = (event: FormEvent) => {
    event.preventDefault();
    try {
      const at = revisitAtFrom(minutes, nowInstant());
      if (at === null) throw new Error('Say in how many minutes to revisit, or use Clear.');
      setRevisit(doc, { author }, decision.id, at);
      setMinutes('');
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };
  return (
    <form className="row wrap dc-revisit" onSubmit={apply} aria-label="Revisit">
      <span>
        Revisit:{' '}
        {decision.revisitAt ? (
          <>
            {formatDateTime(decision.revisitAt, zone)} (<RevisitCountdown revisitAt={decision.revisitAt} zone={zone} />)
          </>
        ) : (
          <span className="muted">not set</span>
        )}
      </span>
      <label className="field">
        <span>Revisit in (minutes)</span>
        <input inputMode="numeric" size={6} value={minutes} onChange={(e) => (setMinutes(e.target.value), setErrors({}))} />
      </label>
      <button type="submit">Set</button>
      {decision.revisitAt && (
        <button type="button" onClick={() => setRevisit(doc, { author }, decision.id, null)}>
          Clear
        </button>
      )}
      <FieldError message={errors.revisitAt ?? errors.form} />
    </form>
  );
}

export function ReplacePanel({ decision, decisions }: { decision: Decision; decisions: Decision[] }) {
  const { doc, author } = useIncidentContext();
  const others = decisions.filter((d) => d.id !== decision.id);
  const [by, setBy] = useState(others.at(-1)?.id ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const replace = (how: 'superseded' | 'reversed') => {
    try {
      replaceDecision(doc, { author }, decision.id, { by, how });
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };
  return (
    <fieldset className="stack">
      <legend>Supersede or reverse</legend>
      {others.length === 0 ? (
        <p className="muted">Propose the decision that replaces this one first, then link it here.</p>
      ) : (
        <div className="row wrap">
          <label className="field grow">
            <span>Replaced by</span>
            <select value={by} onChange={(e) => (setBy(e.target.value), setErrors({}))}>
              {others.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.question}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => replace('superseded')}>
            Supersede
          </button>
          <button type="button" className="danger" onClick={() => replace('reversed')}>
            Reverse
          </button>
        </div>
      )}
      <FieldError message={errors.by ?? errors.status ?? errors.how ?? errors.form} />
    </fieldset>
  );
}

export function OutcomePanel({ decision }: { decision: Decision }) {
  const { doc, author } = useIncidentContext();
  const [verdict, setVerdict] = useState<OutcomeVerdict>(decision.outcome?.verdict ?? 'right');
  const [why, setWhy] = useState(decision.outcome?.why ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      recordOutcome(doc, { author }, decision.id, { verdict, why });
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Outcome review">
      <fieldset>
        <legend>Outcome review</legend>
        <div className="row">
          {OUTCOME_VERDICTS.map((v) => (
            <label key={v} className="inline">
              <input type="radio" name={`verdict-${decision.id}`} checked={verdict === v} onChange={() => setVerdict(v)} />
              {v}
            </label>
          ))}
        </div>
        <label className="field">
          <span>Why</span>
          <textarea rows={2} value={why} aria-invalid={errors.why ? true : undefined} onChange={(e) => (setWhy(e.target.value), setErrors({}))} />
        </label>
        <FieldError message={errors.why ?? errors.verdict ?? errors.form} />
      </fieldset>
      <div className="row end">
        <button type="submit">{decision.outcome ? 'Update outcome' : 'Record outcome'}</button>
      </div>
    </form>
  );
}
