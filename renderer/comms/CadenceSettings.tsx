// Minutes between status updates per severity; empty means no regular updates.
// Each field saves on blur or Enter; a refused value stays typed with the reason beside it.
import { useState } from 'react';
import { setCadence } from '../../shared/model/statusCommands';
import type { StatusCadence } from '../../shared/model/coordinationTypes';
import { SEVERITIES, type Severity } from '../../shared/model/types';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { commandFailure } from '../actions/commandFailure';

export function CadenceSettings({ cadence, current }: { cadence: StatusCadence; current: Severity }) {
  return (
    <fieldset className="comms-cadence">
      <legend>Update cadence (minutes; empty = none)</legend>
      <div className="row wrap">
        {SEVERITIES.map((severity) => (
          <CadenceField key={`${severity}:${cadence.minutesBySeverity[severity] ?? ''}`} severity={severity} minutes={cadence.minutesBySeverity[severity]} current={severity === current} />
        ))}
      </div>
    </fieldset>
  );
}

function CadenceField({ severity, minutes, current }: { severity: Severity; minutes: number | null; current: boolean }) {
  const { doc, author, canWrite } = useIncidentContext();
  const [value, setValue] = useState(minutes === null ? '' : String(minutes));
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const trimmed = value.trim();
    const next = trimmed === '' ? null : Number(trimmed);
    if (next !== null && !Number.isFinite(next)) return setError('Type a number of minutes, or leave it empty for no cadence.');
    try {
      setCadence(doc, { author }, severity, next);
      setError(null);
    } catch (err) {
      setError(commandFailure(err).message);
    }
  };

  return (
    <label className="field comms-cadence-field">
      <span>
        {severity}
        {current ? ' (current)' : ''}
      </span>
      <input
        inputMode="numeric"
        value={value}
        disabled={!canWrite}
        aria-invalid={error !== null}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
        }}
      />
      <FieldError message={error} />
    </label>
  );
}
