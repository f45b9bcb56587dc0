// "Mitigated…", then "Resolved…" in the header (the next step only): each opens a small dialog whose
// time can be backdated in any form the quick-add bar reads, and writes the key time and a timeline row.
import { useState, type FormEvent } from 'react';
import { KEY_TIME_FIELDS, KEY_TIME_LABELS, recordKeyTime, type KeyTime } from '../../shared/model/keyTimes';
import type { Incident } from '../../shared/model/types';
import { formatDateTime, formatWhen } from '../../shared/time/format';
import { nowInstant } from '../../shared/time/instant';
import { isValidZone } from '../../shared/time/zones';
import { Dialog, DialogActions } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { useDateOrder } from '../app/settingsStore';
import { formatStartTime, parseStartTime } from '../home/startTime';
import { commandContext } from './commitField';

const HEADER_STAGES = ['mitigated', 'resolved'] as const satisfies readonly KeyTime[];

export function KeyTimeControls({ incident }: { incident: Incident }) {
  const context = useIncidentContext();
  const [editing, setEditing] = useState<KeyTime | null>(null);
  const zone = isValidZone(incident.timeZone) ? incident.timeZone : 'UTC';
  if (!context.canWrite) return null;
  return (
    <span className="key-times">
      {/* One control, so the header keeps one row: the next step (Mitigated…, then Resolved…), and
          once resolved, the resolution time to correct. */}
      {[HEADER_STAGES.find((stage) => !incident[KEY_TIME_FIELDS[stage]]) ?? 'resolved'].map((stage) => {
        const at = incident[KEY_TIME_FIELDS[stage]];
        const label = KEY_TIME_LABELS[stage];
        return (
          <button
            key={stage}
            type="button"
            aria-label={at ? `${label} at ${formatDateTime(at, zone)}: change` : `Set ${label.toLowerCase()} time`}
            onClick={() => setEditing(stage)}
          >
            {at ? `${label} ${formatWhen(at, zone, nowInstant())}` : `${label}…`}
          </button>
        );
      })}
      {editing && <KeyTimeDialog incident={incident} stage={editing} zone={zone} onClose={() => setEditing(null)} />}
    </span>
  );
}

function KeyTimeDialog({ incident, stage, zone, onClose }: { incident: Incident; stage: KeyTime; zone: string; onClose: () => void }) {
  const context = useIncidentContext();
  const dateOrder = useDateOrder();
  const current = incident[KEY_TIME_FIELDS[stage]];
  const [text, setText] = useState(() => formatStartTime(current ?? nowInstant(), zone));
  const [error, setError] = useState<string | null>(null);
  const label = KEY_TIME_LABELS[stage];
  const parsed = parseStartTime(text, zone, { now: nowInstant(), dateOrder });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok) return setError(parsed.error);
    try {
      recordKeyTime(context.doc, commandContext(context), stage, parsed.instant);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Dialog title={`${label} at`} onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{label} at ({zone})</span>
          <input className="mono" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error !== null} aria-describedby="key-time-hint" autoFocus />
        </label>
        <p className="field-hint" id="key-time-hint">
          {parsed.ok ? `That is ${formatDateTime(parsed.instant, zone)}.` : 'Backdate it: 2008-05-16 23:24, 0009, 14 May 00:09 MST or -2h.'} A timeline row is written at that time.
        </p>
        <FieldError message={error} />
        <DialogActions onCancel={onClose} submitLabel={`Set ${label.toLowerCase()}`} />
      </form>
    </Dialog>
  );
}
