// Snooze the next status update for some minutes, with a reason; logged on the timeline
// ("Status update snoozed 15 min: waiting for restore ETA").
import { useState, type FormEvent } from 'react';
import { snoozeCadence } from '../../shared/model/statusCommands';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { commandFailure } from '../actions/commandFailure';

/** The usual wait for an ETA from another team. */
const DEFAULT_SNOOZE_MINUTES = '15';

export function SnoozeForm() {
  const { doc, author, canWrite } = useIncidentContext();
  const [minutes, setMinutes] = useState(DEFAULT_SNOOZE_MINUTES);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  if (!canWrite) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      snoozeCadence(doc, { author }, { minutes: Number(minutes.trim() || NaN), reason });
      setReason('');
      setError(null);
    } catch (err) {
      setError(commandFailure(err));
    }
  };

  return (
    <form className="comms-snooze" onSubmit={submit} aria-label="Snooze the next update">
      <fieldset>
        <legend>Snooze the next update</legend>
        <div className="row wrap">
          <label className="field comms-snooze-minutes">
            <span>Snooze minutes</span>
            <input inputMode="numeric" value={minutes} aria-invalid={error?.field === 'minutes'} onChange={(e) => setMinutes(e.target.value)} />
          </label>
          <label className="field grow">
            <span>Snooze reason</span>
            <input value={reason} placeholder="waiting for restore ETA" aria-invalid={error?.field === 'reason'} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="comms-snooze-button">
            Snooze
          </button>
        </div>
        <FieldError message={error?.message} />
      </fieldset>
    </form>
  );
}
