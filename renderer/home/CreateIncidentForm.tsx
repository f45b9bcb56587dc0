// Declaring an incident: the first thing done at 3 a.m., so every field has a sane
// default and a mistake keeps what was typed and says what to fix.
import { useRef, useState, type FormEvent } from 'react';
import { useAppCommand } from '../app/appCommands';
import { SEVERITIES, type Severity } from '../../shared/model/types';
import { isValidZone, localZone } from '../../shared/time/zones';
import { formatDateTime } from '../../shared/time/format';
import { DEFAULT_DATE_ORDER } from '../../shared/time/leadingTime';
import { RpcCallError } from '../client/rpc';
import { navigate } from '../app/route';
import { useHost } from '../app/session';
import { useSettings } from '../app/settingsStore';
import { useNowInstant } from '../app/clock';
import { ZoneField } from './ZoneField';
import { formatStartTime, parseStartTime, START_TIME_FORMAT } from './startTime';

type PastField = 'detectedAt' | 'mitigatedAt' | 'resolvedAt';
type FieldName = 'title' | 'startedAt' | 'timeZone' | 'form' | PastField;

/** The key times a past incident may give besides its start, each optional. */
const PAST_FIELDS: readonly { field: PastField; label: string }[] = [
  { field: 'detectedAt', label: 'Detected at' },
  { field: 'mitigatedAt', label: 'Mitigated at' },
  { field: 'resolvedAt', label: 'Resolved at' },
];

export function CreateIncidentForm() {
  const { rpc } = useHost();
  const settings = useSettings((s) => s.settings);
  const [zone, setZone] = useState(() => (settings?.defaultTimeZone && isValidZone(settings.defaultTimeZone) ? settings.defaultTimeZone : localZone()));
  const [title, setTitle] = useState('');
  const titleInput = useRef<HTMLInputElement>(null);
  useAppCommand('incident.new', () => titleInput.current?.focus());
  const [severity, setSeverity] = useState<Severity>('SEV2');
  // Until the user types a start time, it is the current minute in whichever zone is
  // chosen: switching the zone must not silently move the start by hours, and a form
  // left open for a while must not declare a stale start.
  const now = useNowInstant();
  const [typedStart, setTypedStart] = useState<string | null>(null);
  const [error, setError] = useState<{ field: FieldName; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [past, setPast] = useState(false);
  const [pastTimes, setPastTimes] = useState<Record<PastField, string>>({ detectedAt: '', mitigatedAt: '', resolvedAt: '' });

  const zoneOk = isValidZone(zone);
  const started = typedStart ?? formatStartTime(now, zoneOk ? zone : 'UTC');
  const parsed = zoneOk ? parseStartTime(started, zone) : null;
  const preview = parsed?.ok && zone !== 'UTC' ? formatDateTime(parsed.instant, 'UTC') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setError({ field: 'title', message: 'Give the incident a title, e.g. "Primary database down".' });
    if (!zoneOk) return setError({ field: 'timeZone', message: `"${zone}" is not a time zone; pick one from the list, e.g. America/Denver.` });
    if (!parsed?.ok) return setError({ field: 'startedAt', message: parsed?.error ?? 'Invalid start time.' });
    const keyTimes: Partial<Record<PastField, string>> = {};
    if (past) {
      for (const { field } of PAST_FIELDS) {
        const typed = pastTimes[field].trim();
        if (typed === '') continue;
        const read = parseStartTime(typed, zone, { now, dateOrder: settings?.dateOrder ?? DEFAULT_DATE_ORDER });
        if (!read.ok) return setError({ field, message: read.error });
        keyTimes[field] = read.instant;
      }
    }
    setBusy(true);
    setError(null);
    try {
      const author = settings?.displayName ?? '';
      const { id } = await rpc.createIncident({ title: title.trim(), severity, startedAt: parsed.instant, timeZone: zone, commander: author, author, ...(past && { reconstructed: true, ...keyTimes }) });
      navigate({ screen: 'incident', incidentId: id });
    } catch (e) {
      const field = e instanceof RpcCallError ? e.field : undefined;
      const known: FieldName =
        field === 'title' || field === 'startedAt' || field === 'timeZone' || PAST_FIELDS.some((p) => p.field === field) ? (field as FieldName) : 'form';
      setError({ field: known, message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: FieldName) =>
    error?.field === field ? (
      <p className="field-error" id={`create-${field}-error`} role="alert">
        {error.message}
      </p>
    ) : null;

  return (
    <form className="card create-incident" onSubmit={submit} aria-label="Declare an incident" noValidate>
      <h2>Declare an incident</h2>
      <label className="field">
        <span>Title</span>
        <input
          ref={titleInput}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          placeholder="Primary database unavailable"
          aria-invalid={error?.field === 'title'}
          aria-describedby={error?.field === 'title' ? 'create-title-error' : undefined}
        />
      </label>
      {errorFor('title')}
      <div className="row wrap">
        <label className="field">
          <span>Severity</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{past ? 'Impact started at' : 'Started at'}</span>
          <input
            className="mono"
            value={started}
            onChange={(e) => setTypedStart(e.target.value)}
            placeholder={START_TIME_FORMAT.toUpperCase()}
            aria-invalid={error?.field === 'startedAt'}
            aria-describedby="create-startedAt-hint"
          />
        </label>
      </div>
      <p className="field-hint" id="create-startedAt-hint">
        {preview ? `Wall-clock time in ${zone}; that is ${preview}.` : `YYYY-MM-DD HH:MM, wall-clock time in the incident's zone.`}
      </p>
      {errorFor('startedAt')}
      <label className="check">
        <input type="checkbox" checked={past} onChange={(e) => setPast(e.target.checked)} />
        Record a past incident (no live clock, reminders or alarms)
      </label>
      {past && (
        <fieldset className="past-times">
          <legend>Key times, in the incident's zone (optional)</legend>
          <p className="field-hint">Any form the timeline reads: 2008-05-14 02:30, 14 May 2008 02:30, 0230 MST.</p>
          {PAST_FIELDS.map(({ field, label }) => (
            <div key={field}>
              <label className="field">
                <span>{label}</span>
                <input
                  className="mono"
                  value={pastTimes[field]}
                  onChange={(e) => setPastTimes((times) => ({ ...times, [field]: e.target.value }))}
                  aria-invalid={error?.field === field}
                  aria-describedby={error?.field === field ? `create-${field}-error` : undefined}
                />
              </label>
              {errorFor(field)}
            </div>
          ))}
        </fieldset>
      )}
      <ZoneField label="Time zone" value={zone} onChange={setZone} invalid={error?.field === 'timeZone'} />
      {errorFor('timeZone')}
      {errorFor('form')}
      <div className="row end">
        <button type="submit" className="primary" disabled={busy}>
          Create incident
        </button>
      </div>
    </form>
  );
}
