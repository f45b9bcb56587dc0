// "Import entries…": paste or choose a file, see every row it holds as it will land, change
// the zone, kind, author or workstream for all rows or one, leave rows out, then commit them
// in one transaction. Lines that could not be read are listed with their number and why.
import { useMemo, useState, type FormEvent } from 'react';
import { planImport, type ImportDefaults, type RowChange } from '../../shared/import/importPlan';
import { IMPORT_FORMATS, IMPORT_FORMAT_LABELS, MAX_IMPORT_BYTES, type ImportFormat } from '../../shared/import/importTypes';
import { parseImport } from '../../shared/import/parseImport';
import { importEntries } from '../../shared/model/importEntries';
import { QUICK_ADD_KINDS } from '../../shared/time/quickAdd';
import type { EntryKind } from '../../shared/model/types';
import { nowInstant } from '../../shared/time/instant';
import { Dialog, DialogActions } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useIncidentContext } from '../app/session';
import { useDateOrder } from '../app/settingsStore';
import { ZoneField } from '../home/ZoneField';
import { ImportPreview } from './ImportPreview';

const PASTED = 'pasted';

export function ImportDialog({ incidentZone, onClose }: { incidentZone: string; onClose: () => void }) {
  const { doc, author } = useIncidentContext();
  const dateOrder = useDateOrder();
  const [text, setText] = useState('');
  const [source, setSource] = useState(PASTED);
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [zone, setZone] = useState(incidentZone);
  const [year, setYear] = useState('');
  const [defaults, setDefaults] = useState<ImportDefaults>({ kind: 'as read', workstream: '', author: '' });
  const [changes, setChanges] = useState<ReadonlyMap<number, RowChange>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Times without a year or day are anchored to when the dialog opened, not to every keystroke.
  const [now] = useState(nowInstant);

  const parsed = useMemo(() => {
    if (text.trim() === '') return null;
    const yearNumber = /^\d{4}$/.test(year) ? Number(year) : undefined;
    return parseImport(text, { zone, now, dateOrder, format, source: source.trim() || PASTED, ...(yearNumber !== undefined && { year: yearNumber }) });
  }, [text, zone, now, dateOrder, format, source, year]);

  // Rows moved to another zone keep the wall-clock time they were read with.
  const rowDefaults = useMemo(() => ({ ...defaults, zone: parsed?.ok ? parsed.zone : zone }), [defaults, parsed, zone]);
  const plan = useMemo(() => (parsed?.ok ? planImport(parsed.rows, rowDefaults, changes) : []), [parsed, rowDefaults, changes]);

  const changeRow = (line: number, change: RowChange) => setChanges((all) => new Map(all).set(line, { ...all.get(line), ...change }));

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; imports are capped at ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    setError(null);
    setSource(file.name);
    setChanges(new Map());
    setText(await file.text());
  };

  const commit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed) return setError('Paste a timeline or choose a file first.');
    if (!parsed.ok) return setError(parsed.error);
    if (plan.length === 0) return setError('No rows are selected to import.');
    try {
      const result = importEntries(doc, { author }, { source: source.trim() || PASTED, rows: plan });
      const skipped = result.skipped > 0 ? ` ${result.skipped} ${result.skipped === 1 ? 'row was' : 'rows were'} already there and skipped.` : '';
      setDone(`Imported ${result.added} ${result.added === 1 ? 'entry' : 'entries'} from ${source.trim() || PASTED}.${skipped}`);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (done) {
    return (
      <Dialog title="Import entries" onCancel={onClose}>
        <p role="status">{done}</p>
        <div className="row end">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Import entries" onCancel={onClose}>
      <form className="import-form" onSubmit={commit} noValidate>
        <label className="field">
          <span>Paste a timeline, chat export, shell history or log</span>
          <textarea
            className="mono"
            rows={8}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setChanges(new Map());
            }}
          />
        </label>
        <div className="row wrap">
          <label className="field">
            <span>Or choose a file</span>
            <input type="file" onChange={(e) => void chooseFile(e.target.files?.[0])} />
          </label>
          <label className="field">
            <span>Source name</span>
            <input value={source} onChange={(e) => setSource(e.target.value)} />
          </label>
          <label className="field">
            <span>Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | 'auto')}>
              <option value="auto">Detect{parsed?.ok ? `: ${IMPORT_FORMAT_LABELS[parsed.format]}` : ''}</option>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {IMPORT_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row wrap">
          <ZoneField label="Zone for times that name none" value={zone} onChange={setZone} />
          {parsed?.ok && parsed.format === 'syslog' && (
            <label className="field">
              <span>Year of the syslog lines</span>
              <input inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={parsed.needsYear} />
            </label>
          )}
          <label className="field">
            <span>Kind for all rows</span>
            <select value={defaults.kind} onChange={(e) => setDefaults({ ...defaults, kind: e.target.value as EntryKind | 'as read' })}>
              <option value="as read">As read</option>
              {QUICK_ADD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Author for all rows</span>
            <input value={defaults.author} placeholder="as the source says, else you" onChange={(e) => setDefaults({ ...defaults, author: e.target.value })} />
          </label>
          <label className="field">
            <span>Workstream for all rows</span>
            <input value={defaults.workstream} onChange={(e) => setDefaults({ ...defaults, workstream: e.target.value })} />
          </label>
        </div>
        {parsed && !parsed.ok && <FieldError message={parsed.error} />}
        {parsed?.ok && parsed.needsYear && <FieldError message="syslog lines carry no year: give the year they were written in." />}
        {parsed?.ok && (
          <>
            <p className="muted" role="status">
              {parsed.rows.length} rows read{parsed.zone !== zone ? `, in ${parsed.zone} as the text states` : ''}; {plan.length} selected.
              {parsed.problems.length > 0 && ` ${parsed.problems.length} ${parsed.problems.length === 1 ? 'line' : 'lines'} could not be read.`}
            </p>
            {parsed.rows.length > 0 && <ImportPreview rows={parsed.rows} zone={parsed.zone} defaults={rowDefaults} changes={changes} onChange={changeRow} />}
            {parsed.problems.length > 0 && (
              <ul className="import-problems" aria-label="Lines not imported">
                {parsed.problems.map((problem) => (
                  <li key={problem.line}>
                    Line {problem.line}: {problem.reason}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <FieldError message={error} />
        <DialogActions onCancel={onClose} submitLabel={`Import ${plan.length} ${plan.length === 1 ? 'entry' : 'entries'}`} disabled={plan.length === 0} />
      </form>
    </Dialog>
  );
}
